"""The schedule's rules in the database: grids in the venue's time, moves refused with the
reasons, swaps, pins, the solver run, releases with their diff and e-mails, the warning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core import mail

from igf.schedule import queries, services
from igf.schedule.enums import SolverStatus
from igf.schedule.models import GridSlot, Slot, SolverRun, Star
from igf.schedule.services import ScheduleError, month_before, publication_warning
from tests.factories import UserFactory, person_of
from tests.programme.factories import SessionFactory, SessionPersonFactory, SessionTypeFactory
from tests.schedule.factories import RoomFactory, grid, schedule_meeting, venue_time

pytestmark = pytest.mark.django_db


def test_grid_times_are_the_venues_stored_in_utc() -> None:
    meeting = schedule_meeting(sessions=0, publish=False)
    slot = GridSlot.objects.filter(grid__meeting=meeting).order_by("start").first()
    assert slot is not None
    local = slot.start.astimezone(meeting.zone)
    assert (local.date(), local.hour, local.minute) == (meeting.starts, 9, 0)
    assert slot.end - slot.start == dt.timedelta(minutes=60)


def test_grid_refuses_days_outside_the_meeting() -> None:
    meeting = schedule_meeting(sessions=0, publish=False)
    with pytest.raises(ScheduleError, match="days of the meeting"):
        services.add_grid(
            by=UserFactory.create(),
            meeting=meeting,
            name="Wrong",
            duration=60,
            session_types=list(meeting.session_types.all()),
            days=[meeting.ends + dt.timedelta(days=3)],
            starts=[dt.time(9)],
        )


def test_move_is_refused_with_every_reason_when_a_speaker_is_busy() -> None:
    meeting = schedule_meeting(sessions=2, publish=False)
    first, second = meeting.sessions.order_by("pk")
    shared = SessionPersonFactory.create(
        session=first, name="Amina Busy", email="amina@example.net"
    )
    SessionPersonFactory.create(session=second, name="Amina Busy", email=shared.email)
    other_room = meeting.rooms.get(name="Room B")
    with pytest.raises(ScheduleError) as refused:
        services.move_session(
            by=UserFactory.create(), session=second, room=other_room, start=first.slot.start
        )
    assert refused.value.message == "“Workshop 2” cannot go there."
    assert refused.value.reasons == (
        "Amina Busy would be in “Workshop 1” and “Workshop 2” at the same time.",
    )
    second.refresh_from_db()
    assert second.slot.start == venue_time(meeting, 0, "10:15")


def test_move_is_refused_in_a_room_too_small_and_off_the_grid() -> None:
    meeting = schedule_meeting(sessions=1, publish=False)
    session = meeting.sessions.get()
    session.expected_attendance = 80
    session.save()
    small = meeting.rooms.get(name="Room B")
    with pytest.raises(ScheduleError) as refused:
        services.move_session(
            by=UserFactory.create(),
            session=session,
            room=small,
            start=venue_time(meeting, 0, "09:30"),
        )
    assert refused.value.reasons == (
        "Room B seats 50 people; “Workshop 1” expects 80.",
        "“Workshop 1” must take a time of a slot grid of its session type lasting 60 minutes.",
    )


def test_move_to_a_free_place_saves_the_slot_and_keeps_history() -> None:
    meeting = schedule_meeting(sessions=1, publish=False)
    session = meeting.sessions.get()
    room = meeting.rooms.get(name="Room B")
    slot = services.move_session(
        by=UserFactory.create(), session=session, room=room, start=venue_time(meeting, 1, "14:00")
    )
    assert (slot.room, slot.end - slot.start) == (room, dt.timedelta(minutes=60))
    assert slot.history.count() == 2


def test_pinned_sessions_cannot_move_until_unpinned() -> None:
    meeting = schedule_meeting(sessions=1, publish=False)
    session = meeting.sessions.select_related("slot").get()
    by = UserFactory.create()
    services.set_pinned(by=by, session=session, pinned=True)
    session.refresh_from_db()
    with pytest.raises(ScheduleError, match="pinned"):
        services.move_session(
            by=by, session=session, room=session.slot.room, start=venue_time(meeting, 1, "09:00")
        )
    services.set_pinned(by=by, session=session, pinned=False)
    session.refresh_from_db()
    services.move_session(
        by=by, session=session, room=session.slot.room, start=venue_time(meeting, 1, "09:00")
    )


def test_swap_exchanges_places_and_refuses_a_clash() -> None:
    meeting = schedule_meeting(sessions=3, publish=False)
    first, second, third = meeting.sessions.order_by("pk")
    before = (first.slot.start, second.slot.start)
    services.swap_sessions(by=UserFactory.create(), first=first, second=second)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.slot.start, first.slot.start) == before
    # A speaker of the third is also in a session that runs at the first's new time.
    third_speaker = SessionPersonFactory.create(session=third, email="kim@example.net", name="Kim")
    other = SessionFactory.create(meeting=meeting, session_type=first.session_type, title="Other")
    SessionPersonFactory.create(session=other, email=third_speaker.email, name="Kim")
    Slot.objects.create(
        session=other,
        room=meeting.rooms.get(name="Room B"),
        start=first.slot.start,
        end=first.slot.end,
    )
    with pytest.raises(ScheduleError) as refused:
        services.swap_sessions(by=UserFactory.create(), first=third, second=first)
    assert "Kim would be in" in refused.value.reasons[0]


def test_solver_run_places_every_session_through_the_task_queue() -> None:
    meeting = schedule_meeting(sessions=0, publish=False)
    workshop = meeting.session_types.get()
    for index in range(5):
        SessionFactory.create(meeting=meeting, session_type=workshop, title=f"S{index}")
    run = services.request_solver_run(by=UserFactory.create(), meeting=meeting, time_limit=5)
    assert run.status == SolverStatus.QUEUED
    from igf.schedule.tasks import solve_schedule  # noqa: PLC0415

    solve_schedule.call(run.pk)
    run.refresh_from_db()
    assert run.status == SolverStatus.DONE
    assert run.result["placed"] == 5
    assert run.result["unplaced"] == []
    assert Slot.objects.filter(session__meeting=meeting).count() == 5


def test_solver_keeps_pinned_slots_and_reports_sessions_it_cannot_place() -> None:
    meeting = schedule_meeting(sessions=1, publish=False)
    session = meeting.sessions.get()
    services.set_pinned(by=UserFactory.create(), session=session, pinned=True)
    pinned_at = Slot.objects.get(session=session).start
    big = SessionFactory.create(
        meeting=meeting, session_type=session.session_type, expected_attendance=5000
    )
    run = SolverRun.objects.create(meeting=meeting, time_limit=5)
    services.run_solver(run=run)
    assert Slot.objects.get(session=session).start == pinned_at
    assert run.result["unplaced"] == [{"session": big.pk, "reasons": ["capacity"]}]


def test_second_solver_run_is_refused_while_one_is_queued() -> None:
    meeting = schedule_meeting(sessions=0, publish=False)
    services.request_solver_run(by=UserFactory.create(), meeting=meeting)
    with pytest.raises(ScheduleError, match="already"):
        services.request_solver_run(by=UserFactory.create(), meeting=meeting)


def test_publish_refuses_a_schedule_that_breaks_hard_constraints() -> None:
    meeting = schedule_meeting(sessions=2, publish=False)
    first, second = meeting.sessions.order_by("pk")
    Slot.objects.filter(session=second).update(start=first.slot.start, end=first.slot.end)
    with pytest.raises(ScheduleError) as refused:
        services.publish_schedule(by=None, meeting=meeting)
    assert refused.value.reasons == (
        "“Workshop 1” and “Workshop 2” are in Plenary at the same time.",
    )
    assert meeting.releases.count() == 0


def test_releases_are_versioned_with_what_changed(
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
    snapshot_folder: Path,
) -> None:
    meeting = schedule_meeting(sessions=3, publish=False)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.publish_schedule(by=None, meeting=meeting)
    assert (first.version, first.changes, len(first.entries)) == (1, {}, 3)
    session = meeting.sessions.order_by("pk").first()
    assert session is not None
    fan = UserFactory.create(display_name="Fan of the session")
    Star.objects.create(person=person_of(fan), session=session)
    services.move_session(
        by=UserFactory.create(),
        session=session,
        room=meeting.rooms.get(name="Room B"),
        start=venue_time(meeting, 1, "09:00"),
    )
    session.title = "Workshop 1, renamed"
    session.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        second = services.publish_schedule(by=None, meeting=meeting, note="Room change.")
    assert second.version == 2
    assert [m["id"] for m in second.changes["moved"]] == [session.pk]
    assert second.changes["moved"][0]["to"]["room_name"] == "Room B"
    assert second.changes["renamed"] == [
        {"id": session.pk, "title": "Workshop 1, renamed", "old": "Workshop 1"}
    ]
    assert [m.to for m in mail.outbox] == [[fan.email]]
    assert "Workshop 1, renamed" in mail.outbox[0].body
    assert (snapshot_folder / meeting.slug / "index.html").exists()


def test_release_email_reaches_people_in_their_language_only_after_the_commit(
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
    snapshot_folder: Path,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    settings.IGF_SITE_URL = "https://forum.example.org/"
    meeting = schedule_meeting(sessions=2, publish=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_schedule(by=None, meeting=meeting)
    session = meeting.sessions.order_by("pk").first()
    assert session is not None
    fan = UserFactory.create(display_name="Fanny", language="fr")
    Star.objects.create(person=person_of(fan), session=session)
    services.unplace_session(by=UserFactory.create(), session=session)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_schedule(by=None, meeting=meeting)
        assert mail.outbox == []  # nothing leaves before the commit
    assert [m.to for m in mail.outbox] == [[fan.email]]
    assert mail.outbox[0].subject == f"{meeting.name} : le programme a changé (version 2)"
    body = mail.outbox[0].body
    assert f"- {session.title}: retirée du programme" in body
    assert f"https://forum.example.org/programme/sessions/{session.pk}/" in body


def test_publication_warning_from_three_weeks_before_the_deadline() -> None:
    meeting = schedule_meeting(sessions=1, publish=False, starts=dt.date(2027, 3, 31))
    assert month_before(dt.date(2027, 3, 31)) == dt.date(2027, 2, 28)
    assert publication_warning(meeting, today=dt.date(2027, 2, 6)) is None
    warning = publication_warning(meeting, today=dt.date(2027, 2, 7))
    assert warning is not None
    assert (warning.days_left, warning.late) == (21, False)
    late = publication_warning(meeting, today=dt.date(2027, 3, 1))
    assert late is not None
    assert late.late
    services.publish_schedule(by=None, meeting=meeting)
    assert publication_warning(meeting, today=dt.date(2027, 3, 1)) is None


def test_stars_are_personal_and_toggle() -> None:
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    user = UserFactory.create()
    services.set_star(by=user, session=session, starred=True)
    services.set_star(by=user, session=session, starred=True)
    assert queries.stars_of(person_of(user).pk, meeting) == {session.pk}
    services.set_star(by=user, session=session, starred=False)
    assert queries.stars_of(person_of(user).pk, meeting) == set()


def test_remote_speakers_zone_comes_from_their_country_when_not_given() -> None:
    meeting = schedule_meeting(sessions=1, publish=False)
    session = meeting.sessions.get()
    SessionPersonFactory.create(
        session=session, attendance="online", country_id="BR", email="rio@example.net"
    )
    SessionPersonFactory.create(
        session=session,
        attendance="online",
        country_id="BR",
        timezone="America/Manaus",
        email="manaus@example.net",
    )
    spec = queries.problem_for(meeting).session_by_id[session.pk]
    zones = {p.key: p.remote_zone for p in spec.people}
    assert zones["e:rio@example.net"] == "America/Sao_Paulo"
    assert zones["e:manaus@example.net"] == "America/Manaus"
    assert {
        z for k, z in zones.items() if k not in ("e:rio@example.net", "e:manaus@example.net")
    } == {None}


def test_a_new_grid_for_another_type_does_not_admit_workshops_there() -> None:
    meeting = schedule_meeting(sessions=1, publish=False)
    session = meeting.sessions.get()
    main = SessionTypeFactory.create(meeting=meeting, kind="main", durations=[60])
    grid(meeting, main, starts=("16:00",), days=(0,))
    with pytest.raises(ScheduleError):
        services.move_session(
            by=UserFactory.create(),
            session=session,
            room=RoomFactory.create(meeting=meeting),
            start=venue_time(meeting, 0, "16:00"),
        )
