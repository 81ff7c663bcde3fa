"""The outcomes' lists cost the same number of queries for one session as for three (no
query per session), with the cache cold."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.utils import timezone

from igf.outcomes.models import SessionReport
from igf.people.models import User
from igf.programme.models import AnnualMeeting
from tests.schedule.factories import schedule_meeting
from tests.schedule.test_schedule_queries import add_sessions, count


def add_reported_sessions(meeting: AnnualMeeting, viewer: User, n: int, offset: int) -> None:
    """`n` more published sessions (with their people, stars and registrations), each with
    its full report in."""
    add_sessions(meeting, viewer, n, offset)
    for session in meeting.sessions.filter(report__isnull=True):
        SessionReport.objects.create(session=session, summary="Done", full_submitted=timezone.now())


PAGES: list[tuple[str, Callable[[AnnualMeeting], str]]] = [
    ("statistics", lambda m: f"/programme/meetings/{m.slug}/statistics/"),
    ("compliance", lambda m: f"/programme/meetings/{m.slug}/reports/"),
]


@pytest.mark.parametrize(("name", "url"), PAGES, ids=[p[0] for p in PAGES])
def test_outcomes_lists_cost_the_same_for_one_session_and_three(
    secretariat: User, login, name: str, url: Callable[[AnnualMeeting], str]
) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=0, publish=False)
    client = login(secretariat)
    add_reported_sessions(meeting, secretariat, 1, 0)
    client.get(url(meeting))  # warm what is not ours (content types, countries)
    one = count(client, url(meeting))
    add_reported_sessions(meeting, secretariat, 2, 1)
    three = count(client, url(meeting))
    assert one == three, (name, one, three)
