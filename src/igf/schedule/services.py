"""The rules of the schedule: slot grids, running the solver, the staff's moves (each checked
against the hard constraints and refused with the reasons), and versioned releases. Every
change to the schedule goes through a function here."""

from __future__ import annotations

import calendar
import logging
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from igf.core.activity import record_activity
from igf.core.errors import Refused
from igf.core.notify import notify
from igf.people.models import Person, User
from igf.programme.enums import Attendance
from igf.programme.models import AnnualMeeting, Session, SessionPerson, SessionType
from igf.schedule import phrases, queries
from igf.schedule.constraints import (
    Placement,
    Problem,
    hard_violations,
    move_violations,
    weights_with_defaults,
)
from igf.schedule.enums import SolveMode, SolverStatus
from igf.schedule.models import (
    GridSlot,
    Registration,
    RemoteHub,
    Room,
    ScheduleRelease,
    Slot,
    SlotGrid,
    SolverRun,
    Star,
    Unavailability,
)
from igf.schedule.releases import changed_ids, diff_entries, with_datetimes
from igf.schedule.solver import solve

logger = logging.getLogger(__name__)
MAX_TIME_LIMIT = 300


class ScheduleError(Refused):
    """A rule of the schedule refuses the change (409); `reasons` say which constraints and
    why, each a translated sentence the editor shows under the message."""

    def __init__(
        self, message: Any, reasons: Sequence[str] = (), *, field: str | None = None
    ) -> None:
        super().__init__(message, field=field)
        self.reasons = tuple(reasons)


# --- Slot grids -------------------------------------------------------------------------------


def meeting_days(meeting: AnnualMeeting) -> list[date]:
    days = (meeting.ends - meeting.starts).days + 1
    return [meeting.starts + timedelta(days=n) for n in range(max(0, days))]


@transaction.atomic
def add_grid(
    *,
    by: User,
    meeting: AnnualMeeting,
    name: str,
    duration: int,
    session_types: Collection[SessionType],
    days: Collection[date],
    starts: Sequence[time],
) -> SlotGrid:
    """A slot grid: the same local start times on each chosen day, `duration` minutes each.

    Times are the venue's; they are stored in UTC. Side effects: one private activity entry.
    """
    if not session_types:
        raise ScheduleError(_("Choose at least one session type."), field="session_types")
    if any(t.meeting_id != meeting.pk for t in session_types):
        raise ScheduleError(_("Choose session types of this meeting."), field="session_types")
    allowed = set(meeting_days(meeting))
    if not days or any(d not in allowed for d in days):
        raise ScheduleError(_("Choose days of the meeting."), field="days")
    if not starts:
        raise ScheduleError(_("Give at least one start time."), field="starts")
    grid = SlotGrid.objects.create(meeting=meeting, name=name.strip(), duration=duration)
    grid.session_types.set(session_types)
    venue = meeting.zone
    moments = sorted(
        {
            datetime.combine(day, start, tzinfo=venue).astimezone(UTC)
            for day in days
            for start in starts
        }
    )
    GridSlot.objects.bulk_create(
        GridSlot(grid=grid, start=moment, end=moment + timedelta(minutes=duration))
        for moment in moments
    )
    record_activity(by=by, verb="schedule.grid_added", target=meeting, data={"grid": grid.pk})
    return grid


@transaction.atomic
def delete_grid(*, by: User, grid: SlotGrid) -> None:
    """Remove a slot grid. Placed sessions stay where they are (the checks then flag those no
    longer on a grid). Side effects: one private activity entry."""
    meeting = grid.meeting
    grid.delete()
    record_activity(by=by, verb="schedule.grid_deleted", target=meeting)


# --- The solver -------------------------------------------------------------------------------


def request_solver_run(
    *,
    by: User,
    meeting: AnnualMeeting,
    weights: Mapping[str, int] | None = None,
    time_limit: int = 60,
    mode: str = SolveMode.MINIMAL,
) -> SolverRun:
    """Queue a run of the solver for the meeting's schedule.

    Pinned sessions keep their place. Once a release is public, `mode` "minimal" (the
    default) keeps every published session where it is unless a hard constraint forces a
    move; "full" lets every unpinned session move. Side effects: the run is queued for the
    task worker once the transaction commits; one private activity entry.
    """
    if mode not in SolveMode.values:
        raise ScheduleError(_("Choose minimal change or a full re-plan."), field="mode")
    from igf.schedule.tasks import solve_schedule  # noqa: PLC0415

    with transaction.atomic():
        if meeting.solver_runs.filter(
            status__in=(SolverStatus.QUEUED, SolverStatus.RUNNING),
            created__gte=timezone.now() - timedelta(seconds=2 * MAX_TIME_LIMIT),
        ).exists():
            raise ScheduleError(_("The solver is already working on this schedule."))
        run = SolverRun.objects.create(
            meeting=meeting,
            weights=weights_with_defaults(weights),
            time_limit=max(5, min(time_limit, MAX_TIME_LIMIT)),
            mode=mode,
            requested_by=by,
        )
        record_activity(
            by=by, verb="schedule.solver_requested", target=meeting, data={"mode": mode}
        )
        transaction.on_commit(lambda: solve_schedule.enqueue(run.pk))
    return run


def _result_data(problem: Problem, solution: Any) -> dict[str, Any]:
    published = [s.id for s in problem.sessions if s.published is not None]
    return {
        "minimal": solution.minimal,
        "published": len(published),
        "moved": [
            {"session": m.session, "reasons": [asdict(v) for v in m.reasons]}
            for m in solution.moved
        ],
        "status": solution.status,
        "seconds": round(solution.seconds, 2),
        "placed": len(solution.placements),
        "sessions": len(problem.sessions),
        "cost": solution.cost,
        "violations": [v.code for v in solution.violations],
        "costs": solution.soft.by_code(),
        "unplaced": [
            {"session": u.session, "reasons": [v.code for v in u.reasons]}
            for u in solution.unplaced
        ],
    }


def run_solver(*, run: SolverRun, workers: int = 2) -> SolverRun:
    """Run the solver and make its placement the working schedule (not yet public).

    In minimal change (once a release is public) published sessions stay unless a hard
    constraint forces them away; each one moved is recorded with its reasons in the result.
    Sessions placed by hand since the run started are moved too, unless pinned. Side effects:
    every unpinned slot is replaced; sessions the solver could not place are taken out of the
    working schedule; the run's result; one private activity entry.
    """
    run.status = SolverStatus.RUNNING
    run.save(update_fields=["status"])
    meeting = run.meeting
    try:
        problem = queries.problem_for(meeting)
        solution = solve(
            problem,
            run.weights,
            time_limit=float(run.time_limit),
            workers=workers,
            hint=queries.working_placements(meeting),
            minimal=run.mode != SolveMode.FULL,
        )
        with transaction.atomic():
            _apply(meeting, solution.placements)
            run.status = SolverStatus.DONE
            run.result = _result_data(problem, solution)
            run.finished = timezone.now()
            run.save(update_fields=["status", "result", "finished"])
            record_activity(
                by=run.requested_by,
                verb="schedule.solved",
                target=meeting,
                data={"placed": len(solution.placements), "cost": solution.cost},
            )
    except Exception:
        logger.exception("The schedule solver failed for %s", meeting.slug)
        run.status = SolverStatus.FAILED
        run.finished = timezone.now()
        run.save(update_fields=["status", "finished"])
        raise
    return run


def _apply(meeting: AnnualMeeting, placements: Sequence[Placement]) -> None:
    current = {s.session_id: s for s in Slot.objects.filter(session__meeting=meeting)}
    chosen = {p.session: p for p in placements}
    for session_id, existing in current.items():
        if session_id not in chosen and not existing.pinned:
            existing.delete()
    for session_id, placement in chosen.items():
        slot = current.get(session_id)
        if slot is None:
            Slot.objects.create(
                session_id=session_id,
                room_id=placement.room,
                start=placement.start,
                end=placement.end,
            )
        elif (slot.room_id, slot.start, slot.end) != (
            placement.room,
            placement.start,
            placement.end,
        ):
            slot.room_id, slot.start, slot.end = placement.room, placement.start, placement.end
            slot.save(update_fields=["room", "start", "end", "updated"])


# --- Moves by hand ----------------------------------------------------------------------------


def _refuse(problem: Problem, violations: Sequence[Any], message: str) -> None:
    if violations:
        raise ScheduleError(
            message, [phrases.violation_sentence(problem, v) for v in _unique(violations)]
        )


def _unique(violations: Sequence[Any]) -> list[Any]:
    seen: list[Any] = []
    for violation in violations:
        if violation not in seen:
            seen.append(violation)
    return seen


def _require_unpinned(session: Session) -> None:
    slot = getattr(session, "slot", None)
    if slot is not None and slot.pinned:
        raise ScheduleError(
            _("“%(title)s” is pinned where it is: unpin it first.") % {"title": session.title}
        )


def _locked_placements(meeting: AnnualMeeting) -> list[Placement]:
    # One edit at a time per meeting: the meeting row is locked until the change is saved.
    AnnualMeeting.objects.select_for_update().filter(pk=meeting.pk).first()
    return queries.working_placements(meeting)


@transaction.atomic
def move_session(*, by: User, session: Session, room: Room, start: datetime) -> Slot:
    """Put a session in a room at a time, if no hard constraint forbids it.

    Raises ScheduleError with every broken constraint otherwise. Side effects: the session's
    slot; history; one private activity entry.
    """
    meeting = session.meeting
    if room.meeting_id != meeting.pk:
        raise ScheduleError(_("Choose a room of this meeting."), field="room")
    _require_unpinned(session)
    placements = _locked_placements(meeting)
    problem = queries.problem_for(meeting)
    moved = Placement(session.pk, room.pk, start, start + timedelta(minutes=session.duration))
    _refuse(
        problem,
        move_violations(problem, placements, moved),
        _("“%(title)s” cannot go there.") % {"title": session.title},
    )
    slot, _created = Slot.objects.update_or_create(
        session=session,
        defaults={"room": room, "start": moved.start, "end": moved.end},
    )
    record_activity(
        by=by,
        verb="schedule.session_moved",
        target=session,
        data={"room": room.pk, "start": moved.start.isoformat()},
    )
    return slot


@transaction.atomic
def swap_sessions(*, by: User, first: Session, second: Session) -> None:
    """Exchange the places of two placed sessions (each keeps its own duration).

    Raises ScheduleError with every broken constraint. Side effects: both slots; history;
    one private activity entry.
    """
    if first.pk == second.pk or first.meeting_id != second.meeting_id:
        raise ScheduleError(_("Choose another session of this meeting."), field="other")
    for session in (first, second):
        _require_unpinned(session)
    meeting = first.meeting
    placements = _locked_placements(meeting)
    where = {p.session: p for p in placements}
    if first.pk not in where or second.pk not in where:
        raise ScheduleError(_("Both sessions must be in the schedule to swap them."))
    a, b = where[first.pk], where[second.pk]
    new_a = Placement(first.pk, b.room, b.start, b.start + timedelta(minutes=first.duration))
    new_b = Placement(second.pk, a.room, a.start, a.start + timedelta(minutes=second.duration))
    others = [p for p in placements if p.session not in (first.pk, second.pk)]
    problem = queries.problem_for(meeting)
    violations = [
        *move_violations(problem, [*others, new_b], new_a),
        *move_violations(problem, others, new_b),
    ]
    _refuse(problem, violations, _("These two sessions cannot swap places."))
    for placement in (new_a, new_b):
        Slot.objects.filter(session_id=placement.session).update(
            room_id=placement.room, start=placement.start, end=placement.end
        )
    record_activity(by=by, verb="schedule.sessions_swapped", target=first, data={"with": second.pk})


@transaction.atomic
def unplace_session(*, by: User, session: Session) -> None:
    """Take a session out of the working schedule. Side effects: its slot is deleted; one
    private activity entry."""
    _require_unpinned(session)
    Slot.objects.filter(session=session).delete()
    record_activity(by=by, verb="schedule.session_unplaced", target=session)


@transaction.atomic
def set_pinned(*, by: User, session: Session, pinned: bool) -> Slot:
    """Pin a placed session where it is (the solver keeps it there), or unpin it.

    Side effects: the slot; history; one private activity entry.
    """
    slot = Slot.objects.filter(session=session).first()
    if slot is None:
        raise ScheduleError(_("Place the session before pinning it."))
    if slot.pinned != pinned:
        slot.pinned = pinned
        slot.save(update_fields=["pinned", "updated"])
        record_activity(
            by=by,
            verb="schedule.session_pinned" if pinned else "schedule.session_unpinned",
            target=session,
        )
    return slot


# --- Releases ---------------------------------------------------------------------------------


def release_entries(meeting: AnnualMeeting) -> dict[str, dict[str, Any]]:
    """The working schedule as a release stores it: per session, room, times and title."""
    slots = Slot.objects.filter(session__meeting=meeting).select_related("room", "session")
    return {
        str(slot.session_id): {
            "room": slot.room_id,
            "room_name": slot.room.name,
            "start": slot.start.astimezone(UTC).isoformat(),
            "end": slot.end.astimezone(UTC).isoformat(),
            "title": slot.session.title,
        }
        for slot in slots
    }


def publish_schedule(
    *, by: User | None, meeting: AnnualMeeting, note: str = "", now: datetime | None = None
) -> ScheduleRelease:
    """Publish the working schedule as the next release, if it breaks no hard constraint.

    Side effects: a new release with what changed since the last one; the cached public
    schedule is forgotten and the static snapshot rewritten (after the commit); people who
    starred or take part in a session that moved or went are e-mailed the change; one
    public activity entry.
    """
    now = now or timezone.now()
    with transaction.atomic():
        placements = _locked_placements(meeting)
        if not placements:
            raise ScheduleError(_("Place sessions before publishing the schedule."))
        problem = queries.problem_for(meeting)
        _refuse(
            problem,
            hard_violations(problem, placements),
            _("The schedule breaks hard constraints; correct them before publishing."),
        )
        previous = queries.latest_release(meeting)
        entries = release_entries(meeting)
        changes = diff_entries(previous.entries if previous else {}, entries)
        release = ScheduleRelease.objects.create(
            meeting=meeting,
            version=(previous.version + 1) if previous else 1,
            published=now,
            published_by=by,
            note=note.strip(),
            entries=entries,
            changes=changes if previous else {},
        )
        record_activity(
            by=by,
            verb="schedule.published",
            target=meeting,
            public=True,
            data={"version": release.version, "sessions": len(entries)},
        )
        transaction.on_commit(lambda: after_release(release))
    return release


def after_release(release: ScheduleRelease) -> None:
    """What follows a release: a fresh public cache and snapshot, and the e-mails."""
    from igf.schedule import snapshot  # noqa: PLC0415

    meeting = release.meeting
    queries.bump_generation(meeting.slug)
    try:
        snapshot.write_snapshot(meeting)
    except OSError:
        logger.exception("The static snapshot of %s could not be written", meeting.slug)
    if release.version > 1:
        notify_changes(release)


def notify_changes(release: ScheduleRelease) -> int:
    """E-mail everyone who starred or takes part in a session that moved or left the
    schedule, once, listing their sessions' changes. Returns how many are written to.

    Side effects: one e-mail per person through `notify` (their language and time zone),
    sent once the transaction commits (at once outside one, as after a release).
    """
    changes = release.changes
    affected = changed_ids(changes)
    if not affected:
        return 0
    by_session: dict[int, dict[str, Any]] = {}
    for kind in ("moved", "removed", "added"):
        for item in changes.get(kind, []):
            by_session[int(item["id"])] = {
                **item,
                "is_moved": kind == "moved",
                "is_removed": kind == "removed",
            }
    interested: dict[int, set[int]] = defaultdict(set)
    for person_id, session_id in Star.objects.filter(session_id__in=affected).values_list(
        "person_id", "session_id"
    ):
        interested[person_id].add(session_id)

    for person_id, session_id in SessionPerson.objects.filter(
        session_id__in=affected, person__isnull=False
    ).values_list("person_id", "session_id"):
        interested[person_id].add(session_id)
    people = Person.objects.filter(pk__in=interested).select_related("user")
    written = 0
    for person in people:
        items = [by_session[s] for s in sorted(interested[person.pk]) if s in by_session]
        written += notify(
            person,
            "schedule/email/schedule_changed",
            {"release": release, "meeting": release.meeting, "items": with_datetimes(items)},
        )
    return written


# --- The one-month warning --------------------------------------------------------------------


def month_before(day: date) -> date:
    """The same day one month earlier (the last day of that month when it is shorter)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class PublicationWarning:
    """The schedule is not published and the deadline (one month before) is near or past."""

    deadline: date
    days_left: int

    @property
    def late(self) -> bool:
        return self.days_left < 0


WARN_DAYS_BEFORE_DEADLINE = 21


def publication_warning(
    meeting: AnnualMeeting, today: date | None = None
) -> PublicationWarning | None:
    """A warning for staff when the schedule is not published at least one month before the
    meeting: from three weeks before that deadline, and louder once it has passed."""
    today = today or timezone.localdate()
    if meeting.ends < today or meeting.releases.exists():
        return None
    deadline = month_before(meeting.starts)
    days_left = (deadline - today).days
    if days_left > WARN_DAYS_BEFORE_DEADLINE:
        return None
    return PublicationWarning(deadline=deadline, days_left=days_left)


# --- Stars ------------------------------------------------------------------------------------


@transaction.atomic
def set_star(*, by: User, session: Session, starred: bool) -> bool:
    """Put a session in the person's agenda, or take it out. Returns whether it is starred.
    No activity entry: an agenda is private and changes often."""
    person = by.person
    if starred:
        Star.objects.get_or_create(person=person, session=session)
    else:
        Star.objects.filter(person=person, session=session).delete()
    return starred


# --- Registration -------------------------------------------------------------------------


@transaction.atomic
def register(*, by: User, meeting: AnnualMeeting, attendance: str) -> Registration:
    """Register the person for the meeting, onsite or online (or change how).

    Side effects: one private activity entry.
    """
    if attendance not in Attendance.values:
        raise ScheduleError(_("Choose onsite or online."), field="attendance")
    if not meeting.published or meeting.ends < timezone.localdate():
        raise ScheduleError(_("Registration for this meeting is closed."))
    registration, created = Registration.objects.get_or_create(
        meeting=meeting, person=by.person, defaults={"attendance": attendance}
    )
    if not created and registration.attendance != attendance:
        registration.attendance = attendance
        registration.save(update_fields=["attendance"])
    record_activity(by=by, verb="programme.registered", target=meeting, data={"how": attendance})
    return registration


@transaction.atomic
def cancel_registration(*, by: User, meeting: AnnualMeeting) -> None:
    Registration.objects.filter(meeting=meeting, person=by.person).delete()
    record_activity(by=by, verb="programme.registration_cancelled", target=meeting)


# --- Unavailability -----------------------------------------------------------------------------


@transaction.atomic
def add_unavailability(
    *,
    by: User,
    session_person: SessionPerson,
    start: datetime,
    end: datetime,
    note: str = "",
) -> Unavailability:
    """Record a time someone of a session cannot take part (they say it, or the secretariat).

    The solver then never places any of their sessions at that time, and the checks refuse a
    move there. Side effects: the working schedule's cached checks are forgotten; one private
    activity entry.
    """
    if end <= start:
        raise ScheduleError(_("The end must come after the start."), field="end")
    meeting = session_person.session.meeting
    first = datetime.combine(meeting.starts, time(0), tzinfo=meeting.zone)
    last = datetime.combine(meeting.ends + timedelta(days=1), time(0), tzinfo=meeting.zone)
    if end <= first or start >= last:
        raise ScheduleError(_("Give a time during the meeting."), field="day")
    item = Unavailability.objects.create(
        session_person=session_person, start=start, end=end, note=note.strip(), created_by=by
    )
    record_activity(
        by=by,
        verb="schedule.unavailability_added",
        target=session_person.session,
        data={"start": start.isoformat(), "end": end.isoformat()},
    )
    return item


@transaction.atomic
def remove_unavailability(*, by: User, item: Unavailability) -> None:
    """Withdraw a stated unavailability. Side effects: one private activity entry."""
    session = item.session_person.session
    item.delete()
    record_activity(by=by, verb="schedule.unavailability_removed", target=session)


# --- Remote hubs --------------------------------------------------------------------------------


@transaction.atomic
def register_hub(
    *,
    by: User,
    meeting: AnnualMeeting,
    data: Mapping[str, Any],
    sessions: Collection[Session],
) -> RemoteHub:
    """Register a remote hub (a group following the meeting together from a city). It is
    listed publicly once the secretariat approves it. Side effects: one private activity
    entry."""
    if any(s.meeting_id != meeting.pk for s in sessions):
        raise ScheduleError(_("Choose sessions of this meeting."), field="sessions")
    hub = RemoteHub.objects.create(meeting=meeting, registered_by=by, **data)
    hub.sessions.set(sessions)
    record_activity(by=by, verb="schedule.hub_registered", target=meeting, data={"hub": hub.pk})
    return hub


@transaction.atomic
def approve_hub(*, by: User, hub: RemoteHub, now: datetime | None = None) -> RemoteHub:
    """List a registered hub publicly. Side effects: the cached schedule pages are forgotten;
    one public activity entry."""
    if hub.approved is None:
        hub.approved = now or timezone.now()
        hub.save(update_fields=["approved"])
        record_activity(by=by, verb="schedule.hub_approved", target=hub.meeting, public=True)
        slug = hub.meeting.slug
        transaction.on_commit(lambda: queries.bump_generation(slug))
    return hub
