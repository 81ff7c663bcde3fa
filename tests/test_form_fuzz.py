"""Hostile input to every form of the foundation: refused with a message, never a 500 (E7)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from igf.people.models import User

# Unicode of every kind, right-to-left marks, CJK, NUL and control characters, very long text.
hostile_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "\x00",
            "\u202e\u202d",
            "\u200f\u0645\u0631\u062d\u0628\u0627",
            "你好" * 200,
            "' OR 1=1 --",
        ]
    ),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=3000),
)
FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)

PROFILE_FIELDS = (
    "display_name", "pronouns", "organization", "new_organization", "position", "country",
    "country_visibility", "stakeholder_group", "gender", "gender_description", "is_youth",
    "languages", "other_languages", "accessibility_needs", "timezone",
)  # fmt: skip


@pytest.mark.slow
@FUZZ
@given(data=st.dictionaries(st.sampled_from(PROFILE_FIELDS), hostile_text, max_size=8))
def test_profile_form_never_fails_on_hostile_input(participant: User, login, data) -> None:  # type: ignore[no-untyped-def]
    response = login(participant).post("/me/profile/", data)
    assert response.status_code in (200, 302)


@pytest.mark.slow
@FUZZ
@given(email=hostile_text, password=hostile_text, zone=hostile_text, language=hostile_text)
def test_public_forms_never_fail_on_hostile_input(
    client, db, email, password, zone, language
) -> None:  # type: ignore[no-untyped-def]
    statuses = [
        client.post(
            "/accounts/signup/", {"email": email, "password1": password, "password2": password}
        ).status_code,
        client.post("/accounts/login/", {"login": email, "password": password}).status_code,
        client.post("/accounts/password/reset/", {"email": email}).status_code,
        client.post("/timezone/", {"timezone": zone, "next": language}).status_code,
        client.post("/i18n/setlang/", {"language": language, "next": zone}).status_code,
        client.get("/organisations/", {"q": email, "country": zone, "order": language}).status_code,
    ]
    assert all(status < 500 for status in statuses), statuses
