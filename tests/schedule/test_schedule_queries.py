"""Every list of the schedule costs the same number of queries for one session as for three
(no query per session), with the cache cold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from igf.people.models import User
from igf.programme.enums import ParticipantRole
from igf.programme.models import AnnualMeeting
from igf.schedule import services
from igf.schedule.models import Registration, Slot, Star
from tests.factories import UserFactory, person_of
from tests.programme.factories import SessionFactory, SessionPersonFactory
from tests.schedule.factories import schedule_meeting, venue_time


def count(client: Client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def add_sessions(meeting: AnnualMeeting, viewer: User, n: int, offset: int) -> None:
    workshop = meeting.session_types.get()
    room = meeting.rooms.get(name="Plenary")
    for index in range(n):
        session = SessionFactory.create(
            meeting=meeting, session_type=workshop, theme=meeting.themes.first()
        )
        SessionPersonFactory.create(session=session, role=ParticipantRole.ORGANISER)
        SessionPersonFactory.create(session=session, person=person_of(viewer))
        start = venue_time(meeting, 1, ("09:00", "10:15", "11:30", "14:00")[offset + index])
        Slot.objects.create(
            session=session, room=room, start=start, end=start + dt.timedelta(hours=1)
        )
        Star.objects.create(person=person_of(viewer), session=session)
        Registration.objects.create(
            meeting=meeting, person=UserFactory.create().person, attendance="online"
        )
    services.publish_schedule(by=None, meeting=meeting)


def second_day(meeting: AnnualMeeting) -> str:
    return (meeting.starts + dt.timedelta(days=1)).isoformat()


PAGES: list[tuple[str, Callable[[AnnualMeeting], str]]] = [
    ("schedule", lambda m: f"/programme/meetings/{m.slug}/schedule/?day=all"),
    ("changes", lambda m: f"/programme/meetings/{m.slug}/schedule/changes/"),
    ("agenda", lambda m: f"/programme/meetings/{m.slug}/agenda/"),
    ("editor", lambda m: f"/programme/meetings/{m.slug}/schedule/edit/?day={second_day(m)}"),
    ("solver runs", lambda m: f"/programme/meetings/{m.slug}/schedule/solve/"),
    ("grids", lambda m: f"/programme/meetings/{m.slug}/schedule/grids/"),
    ("publish", lambda m: f"/programme/meetings/{m.slug}/schedule/publish/"),
    ("json export", lambda m: f"/programme/meetings/{m.slug}/schedule.json"),
    ("ical export", lambda m: f"/programme/meetings/{m.slug}/schedule.ics"),
]


@pytest.mark.parametrize(("name", "url"), PAGES, ids=[p[0] for p in PAGES])
def test_schedule_lists_cost_the_same_for_one_session_and_three(
    secretariat: User, login, name: str, url: Callable[[AnnualMeeting], str]
) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=0, publish=False)
    client = login(secretariat)
    add_sessions(meeting, secretariat, 1, 0)
    client.get(url(meeting))  # warm what is not ours (content types, countries)
    one = count(client, url(meeting))
    add_sessions(meeting, secretariat, 2, 1)
    three = count(client, url(meeting))
    assert one == three, (name, one, three)


def test_session_page_costs_the_same_for_few_and_many_speakers(db: None, login) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=2)
    small, large = meeting.sessions.order_by("pk")
    for _ in range(5):
        SessionPersonFactory.create(session=large)
    client = login(UserFactory.create())
    client.get(small.get_absolute_url())
    assert count(client, small.get_absolute_url()) == count(client, large.get_absolute_url())
