"""Minimal change in the database and on the staff's pages (issue 13): a re-run after a
release keeps the published sessions, moves only those a hard constraint forces away (a room
now closed, someone unavailable) and says so, before publishing too; a full re-plan needs an
explicit tick, with a warning naming how many people would be told; people state the times
they are unavailable on their session's page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from igf.schedule import services
from igf.schedule.enums import SolveMode
from igf.schedule.models import RoomOpening, Slot, SolverRun, Star, Unavailability
from tests.factories import UserFactory, person_of
from tests.programme.factories import SessionFactory, SessionPersonFactory
from tests.schedule.factories import schedule_meeting, venue_time

pytestmark = pytest.mark.django_db


def _places(meeting: Any) -> dict[str, tuple[str, dt.datetime]]:
    return {
        s.session.title: (s.room.name, s.start)
        for s in Slot.objects.filter(session__meeting=meeting).select_related("session", "room")
    }


def _run(meeting: Any, mode: str = SolveMode.MINIMAL) -> SolverRun:
    run = SolverRun.objects.create(meeting=meeting, time_limit=5, mode=mode)
    services.run_solver(run=run)
    run.refresh_from_db()
    return run


def test_a_rerun_after_a_release_keeps_every_published_session() -> None:
    # Three workshops of one theme on the first day: a full re-plan would spread them.
    meeting = schedule_meeting(sessions=3)
    before = _places(meeting)
    SessionFactory.create(
        meeting=meeting, session_type=meeting.session_types.get(), title="New workshop"
    )

    run = _run(meeting)

    after = _places(meeting)
    assert {t: after[t] for t in before} == before
    assert "New workshop" in after
    assert run.result["moved"] == []
    assert run.result["published"] == 3


def test_a_full_replan_moves_published_sessions_and_reports_it() -> None:
    meeting = schedule_meeting(sessions=3)

    run = _run(meeting, SolveMode.FULL)

    assert run.result["minimal"] is False
    codes = [m["reasons"][0]["code"] for m in run.result["moved"]]
    assert codes
    assert set(codes) == {"replan"}


def test_someone_unavailable_forces_only_their_session_to_move_and_the_pages_say_why(
    secretariat: Any, login: Any
) -> None:
    meeting = schedule_meeting(sessions=3)
    first = meeting.sessions.get(title="Workshop 1")
    row = SessionPersonFactory.create(session=first, name="Amina Diallo")
    services.add_unavailability(
        by=secretariat,
        session_person=row,
        start=venue_time(meeting, 0, "08:30"),
        end=venue_time(meeting, 0, "10:00"),
    )
    before = _places(meeting)

    _run(meeting)

    after = _places(meeting)
    assert after["Workshop 2"] == before["Workshop 2"]
    assert after["Workshop 3"] == before["Workshop 3"]
    assert after["Workshop 1"] != before["Workshop 1"]
    client = login(secretariat)
    for page in ("solve", "publish"):
        html = client.get(f"/programme/meetings/{meeting.slug}/schedule/{page}/").content.decode()
        assert "1 of 3 published sessions moved, because:" in html
        assert "Amina Diallo is unavailable at the time of “Workshop 1”." in html


def test_a_room_that_closes_forces_its_sessions_away() -> None:
    meeting = schedule_meeting(sessions=2)
    plenary = meeting.rooms.get(name="Plenary")
    RoomOpening.objects.create(
        room=plenary, start=venue_time(meeting, 0, "10:00"), end=venue_time(meeting, 1, "18:00")
    )

    run = _run(meeting)

    assert [(m["reasons"][0]["code"]) for m in run.result["moved"]] == ["room_closed"]
    moved = Slot.objects.get(session__title="Workshop 1")
    assert moved.start >= venue_time(meeting, 0, "10:00") or moved.room.name != "Plenary"
    assert Slot.objects.get(session__title="Workshop 2").start == venue_time(meeting, 0, "10:15")


def test_a_full_replan_needs_a_tick_and_names_how_many_would_be_told(
    secretariat: Any, login: Any
) -> None:
    meeting = schedule_meeting(sessions=2)
    fan = UserFactory.create()
    Star.objects.create(person=person_of(fan), session=meeting.sessions.get(title="Workshop 1"))
    client = login(secretariat)
    url = f"/programme/meetings/{meeting.slug}/schedule/solve/"
    data = {
        "mode": "full",
        "time_limit": "5",
        **{f"weight_{c}": "1" for c in ("theme_parallel", "remote_hours", "theme_spread")},
        "weight_track_rooms": "1",
    }

    page = client.get(url).content.decode()
    refused = client.post(url, data)

    assert "may move any of the 2 published sessions; up to 1 person" in page
    assert refused.status_code == 200
    assert "Tick the box to re-plan the published schedule in full." in refused.content.decode()
    assert not SolverRun.objects.filter(meeting=meeting).exists()
    accepted = client.post(url, {**data, "confirm_full": "on"})
    assert accepted.status_code == 302
    assert SolverRun.objects.get(meeting=meeting).mode == "full"


def test_a_speaker_states_a_time_they_are_unavailable_on_their_session_page(
    login: Any,
) -> None:
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    speaker = UserFactory.create(display_name="Sami Speaker")
    row = SessionPersonFactory.create(session=session, person=person_of(speaker))
    client = login(speaker)

    page = client.get(session.get_absolute_url()).content.decode()
    day = meeting.starts + dt.timedelta(days=1)
    response = client.post(
        f"/programme/sessions/{session.pk}/unavailable/",
        {"person": str(row.pk), "day": day.isoformat(), "start": "13:00", "end": "17:30"},
    )

    assert f"/programme/sessions/{session.pk}/unavailable/" in page
    assert response.status_code == 302
    item = Unavailability.objects.get()
    assert item.session_person == row
    assert item.start == venue_time(meeting, 1, "13:00")
    assert item.end == venue_time(meeting, 1, "17:30")
    listing = client.get(f"/programme/sessions/{session.pk}/unavailable/").content.decode()
    assert "13:00" in listing
    assert "17:30" in listing
