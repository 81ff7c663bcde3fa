"""The demo forum tells a coherent story: meetings named after the year they take place in,
agendas approved before their meetings and never in the future, replies after what they
answer, and what could not be seeded reported instead of silently left out."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from igf.bodies.enums import Role
from igf.consultations import demo as consultations_demo
from igf.core.demo import DemoContext
from igf.meetings import demo as meetings_demo
from igf.meetings.models import Meeting
from igf.opinions import demo as opinions_demo
from igf.opinions.models import Conversation
from igf.people.models import User
from igf.programme.demo import demo_years, this_years_start
from tests.consultations import factories as consultations
from tests.factories import UserFactory
from tests.meetings.factories import BodyFactory, body_type, member


@pytest.mark.parametrize(
    ("today", "years"),
    [
        (date(2026, 1, 10), (2025, 2026)),
        (date(2026, 6, 14), (2025, 2026)),  # 200 days later is 31 December: held from the 27th
        (date(2026, 12, 7), (2026, 2027)),  # the day the issue was filed: not "IGF 2026" in 2027
    ],
)
def test_this_years_meeting_is_named_after_the_year_it_takes_place_in(
    today: date, years: tuple[int, int]
) -> None:
    assert demo_years(today) == years
    start = this_years_start(today)
    assert start.year == years[1]
    assert start > today
    assert (start + timedelta(days=4)).year == years[1]  # its five days end that year too


def test_the_demos_agendas_are_approved_before_their_meetings_and_never_in_the_future(
    db: None,
) -> None:
    mag = BodyFactory.create(type=body_type("mag"), name="MAG", slug="mag")
    member(mag, Role.CHAIR)
    for _ in range(3):
        member(mag)
    meetings_demo.seed(DemoContext())
    now = timezone.now()
    approved = Meeting.objects.filter(agenda_approved_at__isnull=False)
    assert approved.filter(start__gt=now).exists()  # upcoming meetings with an agenda
    for meeting in approved:
        approved_at, circulated_at = meeting.agenda_approved_at, meeting.agenda_circulated_at
        assert approved_at is not None
        assert circulated_at is not None
        assert approved_at < meeting.start
        assert approved_at <= now
        assert circulated_at < approved_at


def test_the_demos_replies_come_after_the_comments_they_answer(secretariat: User) -> None:
    document = consultations.document(by=secretariat)
    period = consultations.open_period(by=secretariat, doc=document)
    people = [UserFactory.create().person for _ in range(8)]
    rng = random.Random(7)  # noqa: S311 - the demo's own generator
    posted = consultations_demo._post_comments(rng, period, people, 120)
    replies = [c for c in posted if c.parent_id is not None]
    assert replies
    by_pk = {c.pk: c for c in posted}
    for reply in replies:
        reply.refresh_from_db()
        assert reply.parent_id is not None
        parent = by_pk[reply.parent_id]
        parent.refresh_from_db()
        assert reply.created > parent.created


def test_a_conversation_that_cannot_be_imported_is_reported(db: None, tmp_path: Path) -> None:
    context = DemoContext()
    opinions_demo._vtaiwan(None, context, tmp_path)
    assert not Conversation.objects.exists()
    assert context.skipped == [
        "the imported Pol.is conversation (vTaiwan Uber), because comments.csv and votes.csv "
        f"are missing from {tmp_path}"
    ]
