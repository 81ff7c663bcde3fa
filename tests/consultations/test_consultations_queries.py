"""Lists are read in a constant number of queries, whatever their length (no N+1)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from igf.consultations import services
from igf.consultations.models import Question, Questionnaire
from igf.people.models import User
from tests.consultations import factories as f
from tests.factories import UserFactory


def queries_for(client: Any, url: str) -> int:
    client.get(url)  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def build(secretariat: User) -> dict[str, Any]:
    """A document open for comment, another document, a questionnaire past its deadline."""
    doc = f.document(by=secretariat, title="Draft 0")
    period = f.open_period(by=secretariat, doc=doc)
    questionnaire = f.questionnaire(by=secretariat)
    return {"doc": doc, "period": period, "questionnaire": questionnaire, "added": 0}


def add_items(world: dict[str, Any], count: int, secretariat: User) -> None:
    """One more of everything each list shows, `count` times."""
    period, questionnaire = world["period"], world["questionnaire"]
    questions = list(Question.objects.filter(section__questionnaire=questionnaire))
    Questionnaire.objects.filter(pk=questionnaire.pk).update(
        deadline=timezone.now() + timedelta(days=1)
    )
    questionnaire.refresh_from_db()
    for _ in range(count):
        n = world["added"] = world["added"] + 1
        f.document(by=secretariat, title=f"Draft {n}")
        author = f.old_account(UserFactory.create(display_name=f"Commenter {n}"))
        comment = f.comment(by=author, period=period, text=f"Comment {n}")
        f.comment(by=author, period=period, text=f"Whole {n}", paragraph_number=None)
        services.post_comment(by=author, period=period, text=f"Reply {n}", parent=comment)
        services.record_disposition(
            by=secretariat, comment=comment, outcome="accepted", reason=f"Reason {n}"
        )
        services.flag_comment(by=secretariat, comment=comment, reason="spam")
        services.submit_contribution(
            by=author, questionnaire=questionnaire, answers={q.pk: f"A{n}" for q in questions}
        )
        f.comment(by=UserFactory.create(), period=period, text=f"Pending {n}")
        services.save_point(
            by=secretariat,
            questionnaire=questionnaire,
            section=questionnaire.sections.get(position=1),
            text=f"Point {n}",
            contributions=questionnaire.contributions.all(),
        )
    services.publish_dispositions(by=secretariat, period=period)
    Questionnaire.objects.filter(pk=questionnaire.pk).update(
        deadline=timezone.now() - timedelta(minutes=1)
    )
    questionnaire.refresh_from_db()
    services.publish_compilation(by=secretariat, questionnaire=questionnaire)


PAGES: list[tuple[str, Callable[[dict[str, Any]], str], bool]] = [
    ("index", lambda w: "/consultations/", False),
    ("version", lambda w: w["doc"].get_absolute_url(), False),
    ("commented view", lambda w: f"/consultations/d/{w['doc'].slug}/v1/comments/", False),
    (
        "paragraph",
        lambda w: w["doc"].versions.get().paragraphs.get(number=1).get_absolute_url(),
        False,
    ),
    ("resolution table", lambda w: f"/consultations/periods/{w['period'].pk}/", False),
    ("resolution csv", lambda w: f"/consultations/periods/{w['period'].pk}/resolution.csv", False),
    ("statistics", lambda w: f"/consultations/periods/{w['period'].pk}/statistics/", False),
    ("feed", lambda w: f"/consultations/periods/{w['period'].pk}/feed/", False),
    ("dispositions", lambda w: f"/consultations/periods/{w['period'].pk}/dispositions/", True),
    ("moderation queue", lambda w: "/consultations/moderation/", True),
    (
        "contributions",
        lambda w: f"/consultations/q/{w['questionnaire'].slug}/contributions/",
        False,
    ),
    ("compilation", lambda w: f"/consultations/q/{w['questionnaire'].slug}/compilation/", False),
    (
        "compilation workspace",
        lambda w: f"/consultations/q/{w['questionnaire'].slug}/compilation/edit/",
        True,
    ),
]


@pytest.mark.parametrize(("name", "url", "staff"), PAGES, ids=[p[0] for p in PAGES])
def test_queries_do_not_grow_with_items(
    name: str, url: Callable[[dict[str, Any]], str], staff: bool, secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    world = build(secretariat)
    client = login(secretariat if staff else None)
    add_items(world, 1, secretariat)
    with_one = queries_for(client, url(world))
    add_items(world, 2, secretariat)
    with_three = queries_for(client, url(world))
    assert with_one == with_three, name
