"""The secretariat's pages: the grid editor, one session's place, the solver, slot grids and
publishing a release. They show who speaks where and when: a second factor is required.

A refused move comes back with every broken constraint (`ScheduleError.reasons`), on the
form it came from or as the page's messages.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required
from igf.programme.models import AnnualMeeting, Session
from igf.schedule import phrases, queries, services
from igf.schedule.constraints import Placement, hard_violations, move_violations, soft_costs
from igf.schedule.forms import GridForm, MoveForm, PublishScheduleForm, SolveForm, SwapForm
from igf.schedule.models import Room
from igf.schedule.releases import dated_changes, diff_entries
from igf.schedule.services import ScheduleError
from igf.schedule.views.common import user_of

MAX_PLACES_LISTED = 40
MEETING = Load(queries.get_meeting_for_schedule, "slug", viewer=True)


def _reasons(error: Refused) -> tuple[str, ...]:
    return error.reasons if isinstance(error, ScheduleError) else ()


def _refusal_on(form: forms.BaseForm, error: Refused) -> None:
    """The refusal on the form, and under it every constraint it would break."""
    add_refusal(form, error)
    for reason in _reasons(error):
        form.add_error(None, reason)


def _refusal_as_messages(request: HttpRequest, error: Refused) -> None:
    messages.error(request, str(error.message))
    for reason in _reasons(error):
        messages.error(request, reason)


def _venue_day(meeting: AnnualMeeting, moment: datetime) -> date:
    return moment.astimezone(meeting.zone).date()


def _editor_grid(
    meeting: AnnualMeeting, day: date, rooms: list[Room], sessions: dict[int, Session]
) -> list[tuple[datetime, list[tuple[Room, list[Any]]]]]:
    """Rows of the day's grid: each start time with, per room, the sessions starting there."""
    times: set[datetime] = set()
    for grid_time in queries.grid_times(meeting):
        if grid_time.day == day:
            times.add(grid_time.start)
    cells: dict[tuple[datetime, int], list[Any]] = defaultdict(list)
    for session in sessions.values():
        slot = getattr(session, "slot", None)
        if slot is None or _venue_day(meeting, slot.start) != day:
            continue
        times.add(slot.start)
        cells[(slot.start, slot.room_id)].append(session)
    return [
        (moment, [(r, cells.get((moment, r.pk), [])) for r in rooms]) for moment in sorted(times)
    ]


@require_safe
@permission_required("schedule.manage_schedule", MEETING, second_factor=True)
def editor(request: HttpRequest, meeting: AnnualMeeting) -> HttpResponse:
    sessions_list = list(queries.schedulable_sessions(meeting))
    sessions = {s.pk: s for s in sessions_list}
    problem = queries.problem_for(meeting, sessions_list)
    placements = queries.working_placements(meeting)
    days = services.meeting_days(meeting)
    chosen = request.GET.get("day", "")
    day = next((d for d in days if d.isoformat() == chosen), days[0] if days else None)
    rooms = queries.rooms_of(meeting)
    run = queries.latest_run(meeting)
    soft = soft_costs(problem, placements, run.weights if run is not None else None)
    violations = [
        phrases.violation_sentence(problem, v) for v in hard_violations(problem, placements)
    ]
    placed = {p.session for p in placements}
    soft_items = sorted(soft.items, key=lambda i: -i.cost)[:30]
    return render(
        request,
        "schedule/editor.html",
        {
            "meeting": meeting,
            "days": days,
            "day": day,
            "rooms": rooms,
            "rows": _editor_grid(meeting, day, rooms, sessions) if day else [],
            "unplaced": [s for s in sessions_list if s.pk not in placed],
            "placed_count": len(placed),
            "session_count": len(sessions_list),
            "violations": violations,
            "soft_total": soft.total,
            "soft_by_code": [
                (phrases.SOFT_LABELS[code], cost) for code, cost in soft.by_code().items()
            ],
            "soft_items": [(i.cost, phrases.soft_sentence(problem, i)) for i in soft_items],
            "soft_more": max(0, len(soft.items) - len(soft_items)),
            "run": run,
            "solve_form": SolveForm(
                initial={
                    "time_limit": 60,
                    **{f"weight_{k}": v for k, v in (run.weights if run else {}).items()},
                }
            ),
            "warning": services.publication_warning(meeting),
            "release": queries.latest_release(meeting),
            "grids": queries.grid_count(meeting),
        },
    )


# --- One session's place ----------------------------------------------------------------------


def _grid_starts(meeting: AnnualMeeting, session: Session) -> list[datetime]:
    return sorted(
        {
            t.start
            for t in queries.grid_times(meeting)
            if session.session_type_id in t.types and t.minutes == session.duration
        }
    )


def _free_places(
    meeting: AnnualMeeting, session: Session, starts: list[datetime]
) -> list[tuple[Room, datetime]]:
    """Places the session could move to without breaking a hard constraint."""
    problem = queries.problem_for(meeting)
    placements = queries.working_placements(meeting)
    rooms = queries.rooms_of(meeting)
    found = []
    for start in starts:
        end = start + timedelta(minutes=session.duration)
        for room in rooms:
            candidate = Placement(session.pk, room.pk, start, end)
            if not move_violations(problem, placements, candidate):
                found.append((room, start))
                if len(found) >= MAX_PLACES_LISTED:
                    return found
    return found


def _place_from_list(
    request: HttpRequest, meeting: AnnualMeeting, session: Session, starts: list[datetime]
) -> bool:
    """A place chosen from the list of free places (one small form each)."""
    room_id, start_text = request.POST.get("room", ""), request.POST.get("start", "")
    room = next((r for r in queries.rooms_of(meeting) if str(r.pk) == room_id), None)
    try:
        start: datetime | None = datetime.fromisoformat(start_text)
    except ValueError:
        start = None
    if room is None or start is None or start not in starts:
        messages.error(request, _("That place does not exist."))
        return False
    services.move_session(by=user_of(request), session=session, room=room, start=start)
    return True


def _act(
    request: HttpRequest,
    *,
    action: str,
    session: Session,
    move_form: MoveForm,
    swap_form: SwapForm,
    starts: list[datetime],
) -> str | None:
    """Do what the posted form asks; the message on success, None otherwise."""
    user = user_of(request)
    done: str | None = None
    try:
        if action == "move" and move_form.is_valid():
            services.move_session(
                by=user,
                session=session,
                room=move_form.cleaned_data["room"],
                start=move_form.cleaned_data["start"],
            )
            done = _("The session is moved.")
        elif action == "swap" and swap_form.is_valid():
            services.swap_sessions(by=user, first=session, second=swap_form.cleaned_data["other"])
            done = _("The two sessions have swapped places.")
        elif action in ("pin", "unpin"):
            services.set_pinned(by=user, session=session, pinned=action == "pin")
            done = _("The session is pinned.") if action == "pin" else _("The session is unpinned.")
        elif action == "unplace":
            services.unplace_session(by=user, session=session)
            done = _("The session is out of the schedule.")
        elif action == "place":
            if _place_from_list(request, session.meeting, session, starts):
                done = _("The session is moved.")
        elif action not in ("move", "swap"):
            messages.error(request, _("Choose what to do with the session."))
    except Refused as error:
        if action in ("move", "swap"):
            _refusal_on(swap_form if action == "swap" else move_form, error)
        else:
            _refusal_as_messages(request, error)
    return done


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(
    "schedule.manage_schedule", Load(queries.get_meeting_session, "slug", "pk"), second_factor=True
)
def edit_session(request: HttpRequest, session: Session) -> HttpResponse:
    meeting = session.meeting
    starts = _grid_starts(meeting, session)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    move_form = MoveForm(request.POST if action == "move" else None, meeting=meeting, starts=starts)
    swap_form = SwapForm(
        request.POST if action == "swap" else None, candidates=queries.placed_elsewhere(session)
    )
    slot = getattr(session, "slot", None)
    back = reverse("schedule:schedule_editor", kwargs={"slug": meeting.slug})
    if slot is not None:
        back += f"?day={_venue_day(meeting, slot.start).isoformat()}"
    if request.method == "POST":
        done = _act(
            request,
            action=action,
            session=session,
            move_form=move_form,
            swap_form=swap_form,
            starts=starts,
        )
        if done is not None:
            messages.success(request, done)
            return redirect(request.path if action in ("pin", "unpin") else back)
    return render(
        request,
        "schedule/edit_session.html",
        {
            "meeting": meeting,
            "session": session,
            "slot": slot,
            "move_form": move_form,
            "swap_form": swap_form,
            "places": _free_places(meeting, session, starts) if starts else [],
            "back": back,
        },
    )


# --- The solver, slot grids and releases ------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("schedule.manage_schedule", MEETING, second_factor=True)
def solve(request: HttpRequest, meeting: AnnualMeeting) -> HttpResponse:
    published = len(queries.released_session_ids(meeting))
    form = SolveForm(
        request.POST if request.method == "POST" else None,
        published=published,
        people=queries.people_to_tell(meeting) if published else 0,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.request_solver_run(
                by=user_of(request),
                meeting=meeting,
                weights=form.weights(),
                time_limit=form.cleaned_data["time_limit"],
                mode=form.cleaned_data["mode"],
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(
                request,
                _("The solver is placing the sessions; its result appears on this page."),
            )
            return redirect("schedule:schedule_solve", slug=meeting.slug)
    runs = queries.recent_runs(meeting)
    run = runs[0] if runs else None
    return render(
        request,
        "schedule/solve.html",
        {
            "meeting": meeting,
            "form": form,
            "runs": runs,
            "run": run,
            "explanations": queries.unplaced_explanations(meeting, run),
            "moved": queries.moved_report(meeting, run),
            "labels": phrases.SOFT_LABELS,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("schedule.manage_schedule", MEETING, second_factor=True)
def grids(request: HttpRequest, meeting: AnnualMeeting) -> HttpResponse:
    days = services.meeting_days(meeting)
    delete = request.POST.get("delete", "") if request.method == "POST" else ""
    form = GridForm(
        request.POST if request.method == "POST" and not delete else None,
        meeting=meeting,
        days=days,
    )
    if delete:
        grid = queries.find_grid(meeting, delete)
        if grid is None:
            messages.error(request, _("That grid does not exist."))
        else:
            services.delete_grid(by=user_of(request), grid=grid)
            messages.success(request, _("The grid is deleted."))
        return redirect("schedule:schedule_grids", slug=meeting.slug)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_grid(
                by=user_of(request),
                meeting=meeting,
                name=form.cleaned_data["name"],
                duration=form.cleaned_data["duration"],
                session_types=list(form.cleaned_data["session_types"]),
                days=form.cleaned_data["days"],
                starts=form.cleaned_data["starts"],
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The grid is added."))
            return redirect("schedule:schedule_grids", slug=meeting.slug)
    return render(
        request,
        "schedule/grids.html",
        {"meeting": meeting, "form": form, "grids": queries.grids_of(meeting)},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("schedule.manage_schedule", MEETING, second_factor=True)
def publish(request: HttpRequest, meeting: AnnualMeeting) -> HttpResponse:
    form = PublishScheduleForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            release = services.publish_schedule(
                by=user_of(request), meeting=meeting, note=form.cleaned_data["note"]
            )
        except Refused as error:
            _refusal_on(form, error)
        else:
            messages.success(
                request,
                _("Version %(version)d of the schedule is published.")
                % {"version": release.version},
            )
            return redirect("schedule:schedule", slug=meeting.slug)
    previous = queries.latest_release(meeting)
    run = queries.latest_run(meeting)
    if previous is not None and run is not None and run.created < previous.published:
        run = None
    current = services.release_entries(meeting)
    changes = diff_entries(previous.entries if previous else {}, current)
    return render(
        request,
        "schedule/publish.html",
        {
            "meeting": meeting,
            "form": form,
            "previous": previous,
            "changes": dated_changes(changes) if previous else None,
            "count": len(current),
            "moved": queries.moved_report(meeting, run),
            "warning": services.publication_warning(meeting),
        },
    )
