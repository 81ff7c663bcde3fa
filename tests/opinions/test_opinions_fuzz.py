"""Hostile input to the opinions forms: refused with a message or accepted, never a 500."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from igf.opinions.models import Statement
from igf.people.models import User
from tests.opinions.factories import ConversationFactory, StatementFactory

hostile = st.one_of(
    st.text(max_size=400),
    st.sampled_from(["\x00", "\u202e\u202d", "你好" * 200, "' OR 1=1 --", "=cmd|' /C calc'!A0"]),
)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


@pytest.mark.slow
@FUZZ
@given(text=hostile, vote=hostile, statement=hostile)
def test_opinions_forms_never_fail(
    participant: User, secretariat: User, login, text: str, vote: str, statement: str
) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create()
    conversation.moderators.add(secretariat.person)
    StatementFactory.create(conversation=conversation)
    client = login(participant)
    before = Statement.objects.count()
    response = client.post(f"/opinions/{conversation.slug}/statements/", {"text": text})
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert Statement.objects.count() == before
    response = client.post(
        f"/opinions/{conversation.slug}/vote/", {"statement": statement, "vote": vote}
    )
    assert response.status_code == 302
    staff = login(secretariat)
    response = staff.post(f"/opinions/{conversation.slug}/moderate/", {"statements": text})
    assert response.status_code in (302, 400)
    response = staff.post(
        f"/opinions/{conversation.slug}/settings/",
        {"title": text, "participation": vote, "visibility": statement, "moderators": text},
    )
    assert response.status_code in (302, 400)
    response = staff.post("/opinions/new/", {"title": text, "language": vote})
    assert response.status_code in (302, 400)
