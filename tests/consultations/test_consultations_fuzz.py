"""Hostile input to every form of the consultations app: refused cleanly, never a 500 (E7)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from igf.people.models import User
from tests.consultations import factories as f
from tests.test_form_fuzz import hostile_text

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


@pytest.mark.slow
@FUZZ
@given(
    data=st.dictionaries(
        st.sampled_from(
            [
                "text",
                "passage",
                "on_behalf_of",
                "anonymous",
                "stakeholder_group",
                "country",
                "website",
            ]
        ),
        hostile_text,
        max_size=7,
    )
)
def test_comment_form_never_fails(secretariat: User, participant: User, login, data) -> None:  # type: ignore[no-untyped-def]
    f.old_account(participant)
    doc = f.document(by=secretariat, title="Fuzzed")
    f.open_period(by=secretariat, doc=doc)
    paragraph = f.version(doc).paragraphs.get(number=1)
    response = login(participant).post(paragraph.get_absolute_url(), data)
    assert response.status_code in (200, 302, 400, 429)


@pytest.mark.slow
@FUZZ
@given(text=hostile_text, title=hostile_text, kind=hostile_text, number=hostile_text)
def test_editor_forms_never_fail(secretariat: User, login, text, title, kind, number) -> None:  # type: ignore[no-untyped-def]
    client = login(secretariat)
    statuses = [
        client.post(
            "/consultations/new/",
            {"title": title, "kind": kind, "language": "en", "text": text},
        ).status_code,
        client.post(
            "/consultations/q/new/",
            {"title": title, "language": kind, "deadline": number, "questions": text},
        ).status_code,
        client.get("/consultations/", {"page": number}).status_code,
    ]
    assert all(status < 500 for status in statuses), statuses


@pytest.mark.slow
@FUZZ
@given(values=st.lists(hostile_text, min_size=6, max_size=6))
def test_period_disposition_moderation_forms_never_fail(
    secretariat: User, participant: User, login, values
) -> None:  # type: ignore[no-untyped-def]
    f.old_account(participant)
    doc = f.document(by=secretariat, title="Fuzzed")
    period = f.open_period(by=secretariat, doc=doc)
    comment = f.comment(by=participant, period=period)
    client = login(secretariat)
    statuses = [
        client.post(
            f"/consultations/d/{doc.slug}/v1/periods/new/",
            {"opens": values[0], "closes": values[1], "instructions": values[2]},
        ).status_code,
        client.post(
            f"/consultations/comments/{comment.pk}/disposition/",
            {"outcome": values[3], "reason": values[4], "addressed_in": values[5]},
        ).status_code,
        client.post(
            f"/consultations/moderation/{comment.pk}/",
            {"action": values[0], "reason": values[1]},
        ).status_code,
        client.get(
            f"/consultations/periods/{period.pk}/",
            {
                "paragraph": values[2],
                "outcome": values[3],
                "stakeholder_group": values[4],
            },
        ).status_code,
        client.get(f"/consultations/d/{doc.slug}/v1/diff/", {"from": values[5]}).status_code,
    ]
    assert all(status < 500 for status in statuses), statuses


@pytest.mark.slow
@FUZZ
@given(values=st.lists(hostile_text, min_size=4, max_size=4))
def test_contribution_and_compilation_forms_never_fail(
    secretariat: User, participant: User, login, values
) -> None:  # type: ignore[no-untyped-def]
    questionnaire = f.questionnaire(by=secretariat)
    question = questionnaire.sections.first().questions.first()  # type: ignore[union-attr]
    statuses = [
        login(participant)
        .post(
            f"/consultations/q/{questionnaire.slug}/contribute/",
            {f"q{question.pk}": values[0], "on_behalf_of": values[1], "website": values[2]},  # type: ignore[union-attr]
        )
        .status_code,
        login(secretariat)
        .post(
            f"/consultations/q/{questionnaire.slug}/compilation/edit/",
            {
                "section": values[0],
                "text": values[1],
                "contributions": values[2],
                "position": values[3],
            },
        )
        .status_code,
        login(secretariat)
        .post(f"/consultations/q/{questionnaire.slug}/invite/", {"emails": values[3]})
        .status_code,
    ]
    assert all(status < 500 for status in statuses), statuses


@pytest.mark.parametrize("moment", ["9999-12-31T23:59", "0001-01-01T00:00", "1999-12-31T23:59"])
def test_dates_out_of_the_forums_range_are_refused(secretariat: User, login, moment) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat)
    client = login(secretariat)
    response = client.post(
        f"/consultations/d/{doc.slug}/v1/periods/new/", {"opens": moment, "closes": ""}
    )
    assert response.status_code == 400
    assert "Choose a date between the years 2000 and 2200." in response.content.decode()
    response = client.post(
        "/consultations/q/new/",
        {"title": "Q", "language": "en", "deadline": moment, "questions": "Why?"},
    )
    assert response.status_code == 400
