"""The schedule's pages, for the checks on every page (weight, languages, escaping, axe)."""

from __future__ import annotations

from collections.abc import Callable

from igf.people.models import User
from igf.programme.models import AnnualMeeting, Session
from igf.schedule.models import Star
from tests.factories import person_of
from tests.pages import Page
from tests.schedule.factories import schedule_meeting


def scheduled(user: User) -> AnnualMeeting:
    """A published schedule of six sessions, one of them starred by the viewer; its
    sessions have people."""
    meeting = schedule_meeting(sessions=6)
    first = meeting.sessions.order_by("pk").first()
    assert first is not None
    Star.objects.get_or_create(person=person_of(user), session=first)
    return meeting


def first_session(meeting: AnnualMeeting) -> Session:
    session = meeting.sessions.order_by("pk").first()
    assert session is not None
    return session


def _schedule_page(path: str) -> Callable[[User], str]:
    return lambda u: f"/programme/meetings/{scheduled(u).slug}/{path}"


def _edit_session(user: User) -> str:
    meeting = scheduled(user)
    return f"/programme/meetings/{meeting.slug}/schedule/edit/sessions/{first_session(meeting).pk}/"


PAGES = [
    Page("annual meeting with its schedule", lambda u: scheduled(u).get_absolute_url()),
    Page("schedule", _schedule_page("schedule/")),
    Page("schedule, every day", _schedule_page("schedule/?day=all")),
    Page("schedule changes", _schedule_page("schedule/changes/")),
    Page("session", lambda u: f"/programme/sessions/{first_session(scheduled(u)).pk}/"),
    Page("my agenda", _schedule_page("agenda/"), signed_in=True),
    Page("schedule editor", _schedule_page("schedule/edit/"), signed_in=True),
    Page("place a session", _edit_session, signed_in=True),
    Page("solver runs", _schedule_page("schedule/solve/"), signed_in=True),
    Page("slot grids", _schedule_page("schedule/grids/"), signed_in=True),
    Page("publish the schedule", _schedule_page("schedule/publish/"), signed_in=True),
    Page("register for the meeting", _schedule_page("register/"), signed_in=True),
    Page("timetable", _schedule_page("schedule/timetable/")),
    Page("now and next", _schedule_page("schedule/now/")),
    Page("remote hubs", _schedule_page("hubs/")),
    Page("register a remote hub", _schedule_page("hubs/register/"), signed_in=True),
    Page(
        "times a person cannot take part",
        lambda u: f"/programme/sessions/{first_session(scheduled(u)).pk}/unavailable/",
        signed_in=True,
    ),
]
