"""Pages of the schedule: the public schedule and its exports, session pages, the personal
agenda, and the secretariat's grid editor, solver, slot grids and releases.

The public schedule, session pages and exports are cached per meeting "generation" (raised by
every change and every release), per language and time zone: a visitor's page is rendered
once, then served from the cache without touching the database.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any, cast

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from igf.core.links import site_url
from igf.core.pagecache import cached_page
from igf.core.permissions import permission_required
from igf.meetings.models import CalendarFeed
from igf.meetings.services import calendar_feed_of, reset_calendar_feed
from igf.people.models import User
from igf.programme import hooks
from igf.programme.enums import Attendance
from igf.programme.models import AnnualMeeting, Session, SessionPerson
from igf.programme.services import ProgrammeError
from igf.programme.views import second_factor_for_staff
from igf.schedule import exports, phrases, queries, services
from igf.schedule.constraints import (
    Placement,
    hard_violations,
    move_violations,
    soft_costs,
)
from igf.schedule.forms import (
    GridForm,
    MoveForm,
    PublishScheduleForm,
    RegistrationForm,
    ScheduleFilterForm,
    SolveForm,
    SwapForm,
)
from igf.schedule.models import Room, SlotGrid
from igf.schedule.releases import change_count, dated_changes, diff_entries
from igf.schedule.solver import explain_unplaced

PAGE_SECONDS = 24 * 3600
# Whether a client takes gzip (the same test as Django's GZipMiddleware).
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
PUBLIC_MAX_AGE = 60
MAX_PLACES_LISTED = 40
FORMATS = {
    "ics": ("text/calendar; charset=utf-8", "schedule.ics"),
    "json": ("application/json; charset=utf-8", "schedule.json"),
    "xml": ("application/xml; charset=utf-8", "schedule.xml"),
    "csv": ("text/csv; charset=utf-8", "schedule.csv"),
}


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def meeting_object(request: HttpRequest) -> AnnualMeeting | None:
    if not hasattr(request, "_programme_meeting"):
        match = request.resolver_match
        slug = str(match.kwargs.get("slug", "")) if match is not None else ""
        request._programme_meeting = AnnualMeeting.objects.filter(slug=slug).first()  # type: ignore[attr-defined]
    return request._programme_meeting  # type: ignore[attr-defined, no-any-return]


def session_object(request: HttpRequest) -> Session | None:
    if not hasattr(request, "_programme_session"):
        match = request.resolver_match
        pk = int(match.kwargs.get("pk", 0)) if match is not None else 0
        request._programme_session = (  # type: ignore[attr-defined]
            Session.objects.select_related("meeting", "session_type", "theme", "track")
            .filter(pk=pk)
            .first()
        )
    return request._programme_session  # type: ignore[attr-defined, no-any-return]


def _exists(obj: Any) -> Any:
    if obj is None:
        raise Http404
    return obj


def _fragment_key(kind: str, slug: str, request: HttpRequest, extra: str = "") -> str:
    query = "&".join(f"{k}={v}" for k, v in sorted(request.GET.lists()))[:1000]
    digest = hashlib.blake2b(f"{extra}|{query}".encode(), digest_size=12).hexdigest()
    return ":".join(
        (
            "programme:page",
            kind,
            slug,
            str(queries.generation(slug)),
            translation.get_language() or "",
            timezone.get_current_timezone_name(),
            digest,
        )
    )


def _public(response: HttpResponse, request: HttpRequest) -> HttpResponse:
    """Visitors' copies may be kept briefly by browsers and proxies."""
    if not request.user.is_authenticated:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# --- The public schedule ----------------------------------------------------------------------


def _default_day(days: list[date], venue_today: date) -> date | None:
    if not days:
        return None
    return venue_today if venue_today in days else days[0]


def _filter_form(
    request: HttpRequest, meeting: AnnualMeeting, entries: list[queries.ScheduleEntry]
) -> ScheduleFilterForm:
    themes = {e.theme_id: e.theme for e in entries if e.theme_id}
    types = {e.type_id: e.type_name for e in entries}
    rooms = {e.room_id: e.room for e in entries}
    return ScheduleFilterForm(
        request.GET or None,
        days=queries.schedule_days(entries, meeting.timezone),
        themes=sorted(themes.items(), key=lambda t: t[1]),
        types=sorted(types.items(), key=lambda t: t[1]),
        rooms=sorted(rooms.items(), key=lambda t: t[1]),
    )


def _grouped(entries: list[queries.ScheduleEntry]) -> list[tuple[datetime, list[Any]]]:
    groups: dict[datetime, list[Any]] = defaultdict(list)
    for entry in entries:
        groups[entry.start].append(entry)
    return sorted(groups.items())


def _schedule_body(
    request: HttpRequest, meeting: AnnualMeeting, extra: dict[str, Any]
) -> dict[str, str]:
    entries = queries.schedule_entries(meeting)
    form = _filter_form(request, meeting, entries)
    days = form.days
    today = timezone.now().astimezone(meeting.zone).date()
    filters = form.filters(_default_day(days, today))
    shown = queries.filter_entries(entries, filters, meeting.timezone)
    person = getattr(request.user, "person", None) if request.user.is_authenticated else None
    starred = queries.stars_of(getattr(person, "pk", None), meeting)
    body = render_to_string(
        "schedule/schedule_body.html",
        {
            "meeting": meeting,
            "form": form,
            "filters": filters,
            "days": days,
            "groups": _grouped(shown),
            "count": len(shown),
            "total": len(entries),
            "starred": starred,
            "signed_in": person is not None,
            "venue_differs": timezone.get_current_timezone_name() != meeting.timezone,
            "next": request.get_full_path(),
            **extra,
        },
        request=request,
    )
    return {"title": meeting.name, "body": body, "slug": meeting.slug}


@require_safe
def schedule(request: HttpRequest, slug: str) -> HttpResponse:
    """The public schedule; visitors get a whole page cached per language, time zone and
    filters, until the next change to the meeting's schedule."""

    def render_page(extra: dict[str, Any]) -> HttpResponse:
        meeting = queries.get_meeting_for_schedule(request.user, slug)
        can_manage = request.user.has_perm("schedule.manage_schedule")
        if queries.latest_release(meeting) is None:
            return render(
                request,
                "schedule/unpublished.html",
                {"meeting": meeting, "can_manage": can_manage, **extra},
            )
        page = _schedule_body(request, meeting, extra)
        return render(
            request,
            "schedule/schedule.html",
            {
                "title": page["title"],
                "slug": page["slug"],
                "body": mark_safe(page["body"]),  # noqa: S308 - rendered from our template
                "can_manage": can_manage,
                **extra,
            },
        )

    key = _fragment_key("schedule", slug, request)
    filters = ScheduleFilterForm.base_fields
    return _public(cached_page(request, key, render_page, PAGE_SECONDS, filters), request)


@require_safe
def schedule_changes(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = queries.get_meeting_for_schedule(request.user, slug)
    releases = list(queries.releases_of(meeting))
    for release in releases:
        release.change_total = change_count(release.changes)  # type: ignore[attr-defined]
        release.dated = dated_changes(release.changes)  # type: ignore[attr-defined]
    return _public(
        render(
            request,
            "schedule/changes.html",
            {"meeting": meeting, "releases": releases},
        ),
        request,
    )


def _export_content(
    request: HttpRequest, slug: str, fmt: str, room: int | None, theme: int | None
) -> tuple[str | bytes, bool]:
    """One export of the latest release, and whether everyone may read it (then it may be
    shared through the cache)."""
    meeting = queries.get_meeting_for_schedule(request.user, slug)
    release = queries.latest_release(meeting)
    if release is None:
        raise Http404
    entries = queries.schedule_entries(meeting)
    name = meeting.name
    if room is not None:
        found = _exists(meeting.rooms.filter(pk=room).first())
        entries = [e for e in entries if e.room_id == room]
        name = f"{meeting.name}: {found.name}"
    if theme is not None:
        found_theme = _exists(meeting.themes.filter(pk=theme).first())
        entries = [e for e in entries if e.theme_id == theme]
        name = f"{meeting.name}: {found_theme.name}"
    base_url = site_url()
    links = meeting.join_links_public
    content: str | bytes
    if fmt == "ics":
        content = exports.calendar(
            meeting, entries, name=name, base_url=base_url, release=release, with_join_links=links
        )
    elif fmt == "json":
        content = exports.schedule_json(
            meeting, entries, base_url=base_url, release=release, with_join_links=links
        )
    elif fmt == "xml":
        content = exports.schedule_xml(
            meeting, entries, base_url=base_url, release=release, with_join_links=links
        )
    else:
        content = exports.schedule_csv(meeting, entries, base_url=base_url, with_join_links=links)
    return content, meeting.published


def _export(
    request: HttpRequest,
    slug: str,
    fmt: str,
    *,
    room: int | None = None,
    theme: int | None = None,
) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    key = _fragment_key("export", slug, request, f"{fmt}|{room}|{theme}")
    content: str | bytes | None = cache.get(key)
    shared = content is not None
    if content is None:
        content, shared = _export_content(request, slug, fmt, room, theme)
        if shared:
            # Only what everyone may read is shared; a change of `published` raises the
            # generation, so an export cached while public is never served once it is not.
            cache.set(key, content, PAGE_SECONDS)
    content_type, filename = FORMATS[fmt]
    if ACCEPTS_GZIP.search(request.headers.get("accept-encoding", "")):
        # Conference apps poll these files: compressed once per change, not per request.
        packed = cache.get(f"{key}:gzip") if shared else None
        if packed is None:
            raw = content.encode() if isinstance(content, str) else content
            packed = gzip.compress(raw, compresslevel=6, mtime=0)
            if shared:
                cache.set(f"{key}:gzip", packed, PAGE_SECONDS)
        response = HttpResponse(packed, content_type=content_type)
        response["Content-Encoding"] = "gzip"
        patch_vary_headers(response, ("Accept-Encoding",))
    else:
        response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{slug}-{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return _public(response, request)


@require_safe
def schedule_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    return _export(request, slug, fmt)


@require_safe
def room_calendar(request: HttpRequest, slug: str, room: int) -> HttpResponse:
    return _export(request, slug, "ics", room=room)


@require_safe
def theme_calendar(request: HttpRequest, slug: str, theme: int) -> HttpResponse:
    return _export(request, slug, "ics", theme=theme)


# --- Session pages ----------------------------------------------------------------------------


def _session_context(request: HttpRequest, session: Session) -> dict[str, Any]:
    meeting = session.meeting
    release = queries.latest_release(meeting)
    placements = queries.release_placements(release)
    placement: Placement | None = placements.get(session.pk)
    released = placement is not None
    if placement is None:
        slot = getattr(session, "slot", None)
        if slot is not None:
            placement = Placement(session.pk, slot.room_id, slot.start, slot.end)
    room = Room.objects.filter(pk=placement.room).first() if placement is not None else None
    people = list(SessionPerson.objects.filter(session=session).select_related("person", "country"))
    user = request.user
    return {
        "session": session,
        "meeting": meeting,
        "placement": placement,
        "released": released,
        "room": room,
        "people": people,
        "questions": list(session.policy_questions.select_related("theme")),
        "links": list(session.links.all()),
        "join_url": session.join_url if user.has_perm("schedule.see_join_link", session) else "",
        "venue_differs": timezone.get_current_timezone_name() != meeting.timezone,
        "feeds": session.feeds,
        "feeders": list(session.feeders.all()),
        "calendar_url": reverse(
            "schedule:schedule_export", kwargs={"slug": meeting.slug, "fmt": "ics"}
        ),
    }


@require_safe
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A session's page; visitors get it whole from the cache, until the next change to the
    meeting's schedule."""
    slug = queries.meeting_slug_of_session(pk)
    if slug is None:
        raise Http404

    def render_page(extra: dict[str, Any]) -> HttpResponse:
        session = _exists(session_object(request))
        user = request.user
        if not user.has_perm("schedule.view_session", session):
            raise Http404
        context = _session_context(request, session)
        context.update(
            {
                "starred": user.is_authenticated
                and session.stars.filter(person__user=user).exists(),
                "can_star": user.has_perm("schedule.star_session", session),
                "actions": hooks.sections_for(hooks.SESSION_ACTIONS, request, session),
                "sections": hooks.sections_for(hooks.SESSION_PAGE, request, session),
                **extra,
            }
        )
        body = render_to_string("schedule/session_body.html", context, request=request)
        return render(
            request,
            "schedule/session.html",
            {"title": session.title, "body": mark_safe(body), **extra},  # noqa: S308
        )

    # Keyed by the meeting, so that any change to the meeting's schedule forgets the page.
    key = _fragment_key("session", slug, request, str(pk))
    return _public(cached_page(request, key, render_page, PAGE_SECONDS), request)


@require_POST
@permission_required("schedule.star_session", fn=session_object)
def star(request: HttpRequest, pk: int) -> HttpResponse:
    session = _exists(session_object(request))
    starred = request.POST.get("starred") == "1"
    services.set_star(by=_user(request), session=session, starred=starred)
    messages.success(
        request,
        _("“%(title)s” is in your agenda.") % {"title": session.title}
        if starred
        else _("“%(title)s” is no longer in your agenda.") % {"title": session.title},
    )
    return redirect(_safe_next(request, session.get_absolute_url()))


# --- The personal agenda ----------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("schedule.view_agenda")
def agenda(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = queries.get_meeting_for_schedule(request.user, slug)
    person = _user(request).person
    if request.method == "POST":
        reset_calendar_feed(by=_user(request), person=person)
        messages.success(
            request, _("Your calendar address has changed; the old one no longer works.")
        )
        return redirect("schedule:agenda", slug=slug)
    entries = queries.schedule_entries(meeting)
    items = queries.agenda(entries, queries.stars_of(person.pk, meeting))
    feed = calendar_feed_of(person)
    return render(
        request,
        "schedule/agenda.html",
        {
            "meeting": meeting,
            "items": items,
            "clashes": sum(1 for i in items if i.clashes),
            "feed_url": request.build_absolute_uri(
                reverse("schedule:agenda_feed", kwargs={"slug": slug, "token": feed.token})
            ),
            "venue_differs": timezone.get_current_timezone_name() != meeting.timezone,
        },
    )


@require_safe
def agenda_feed(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """A person's starred sessions as a calendar; the secret address is the credential."""
    feed = CalendarFeed.objects.select_related("person__user").filter(token=token).first()
    if feed is None or feed.person.erased is not None or not feed.person.user.is_active:
        raise Http404
    meeting = _exists(AnnualMeeting.objects.filter(slug=slug, published=True).first())
    person = feed.person
    entries = queries.schedule_entries(meeting)
    starred = queries.stars_of(person.pk, meeting)
    mine = set(
        SessionPerson.objects.filter(person=person, session__meeting=meeting).values_list(
            "session_id", flat=True
        )
    )
    chosen = [e for e in entries if e.id in starred or e.id in mine]
    links = meeting.join_links_public or meeting.registrations.filter(person=person).exists()
    content = exports.calendar(
        meeting,
        chosen,
        name=_("%(meeting)s: my agenda") % {"meeting": meeting.name},
        base_url=site_url(),
        release=queries.latest_release(meeting),
        # Everyone's links when they are public or the person registered; otherwise only
        # the links of the sessions the person takes part in.
        with_join_links=links or mine,
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response


# --- The secretariat's pages ------------------------------------------------------------------


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
@permission_required("schedule.manage_schedule")
@second_factor_for_staff
def editor(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = queries.get_meeting_for_schedule(request.user, slug)
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
            "grids": SlotGrid.objects.filter(meeting=meeting).count(),
        },
    )


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


def _error_on(form: Any, error: ProgrammeError) -> None:
    form.add_error(None, error.message)
    for reason in error.reasons:
        form.add_error(None, reason)


def _place_from_list(
    request: HttpRequest, meeting: AnnualMeeting, session: Session, starts: list[datetime]
) -> bool:
    """A place chosen from the list of free places (one small form each)."""
    room_id, start_text = request.POST.get("room", ""), request.POST.get("start", "")
    room = meeting.rooms.filter(pk=int(room_id)).first() if room_id.isdigit() else None
    try:
        start: datetime | None = datetime.fromisoformat(start_text)
    except ValueError:
        start = None
    if room is None or start is None or start not in starts:
        messages.error(request, _("That place does not exist."))
        return False
    try:
        services.move_session(by=_user(request), session=session, room=room, start=start)
    except ProgrammeError as error:
        messages.error(request, error.message)
        for reason in error.reasons:
            messages.error(request, reason)
        return False
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
    user = _user(request)
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
    except ProgrammeError as error:
        if action in ("move", "swap"):
            _error_on(swap_form if action == "swap" else move_form, error)
        else:
            messages.error(request, error.message)
    return done


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("schedule.manage_schedule")
@second_factor_for_staff
def edit_session(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = queries.get_meeting_for_schedule(request.user, slug)
    session = _exists(
        meeting.sessions.select_related("meeting", "session_type", "theme", "slot__room")
        .filter(pk=pk)
        .first()
    )
    starts = _grid_starts(meeting, session)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    move_form = MoveForm(request.POST if action == "move" else None, meeting=meeting, starts=starts)
    others = meeting.sessions.filter(slot__isnull=False).exclude(pk=session.pk).order_by("title")
    swap_form = SwapForm(request.POST if action == "swap" else None, candidates=others)
    slot = getattr(session, "slot", None)
    back = reverse("schedule:schedule_editor", kwargs={"slug": slug})
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


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("schedule.manage_schedule")
@second_factor_for_staff
def solve(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = queries.get_meeting_for_schedule(request.user, slug)
    form = SolveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_solver_run(
                by=_user(request),
                meeting=meeting,
                weights=form.weights(),
                time_limit=form.cleaned_data["time_limit"],
            )
        except ProgrammeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("The solver is placing the sessions; its result appears on this page."),
            )
            return redirect("schedule:schedule_solve", slug=slug)
    runs = list(meeting.solver_runs.select_related("requested_by")[:10])
    run = runs[0] if runs else None
    explanations: list[tuple[Session | None, list[str]]] = []
    if run is not None and run.result.get("unplaced"):
        problem = queries.problem_for(meeting)
        placements = queries.working_placements(meeting)
        placed = {p.session for p in placements}
        wanted = [
            int(i["session"]) for i in run.result["unplaced"] if int(i["session"]) not in placed
        ]
        by_id = meeting.sessions.in_bulk(wanted)
        for sid, why in explain_unplaced(problem, placements, wanted).items():
            explanations.append(
                (by_id.get(sid), [phrases.violation_sentence(problem, v) for v in why])
            )
    return render(
        request,
        "schedule/solve.html",
        {
            "meeting": meeting,
            "form": form,
            "runs": runs,
            "run": run,
            "explanations": explanations,
            "labels": phrases.SOFT_LABELS,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("schedule.manage_schedule")
@second_factor_for_staff
def grids(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = queries.get_meeting_for_schedule(request.user, slug)
    days = services.meeting_days(meeting)
    delete = request.POST.get("delete", "") if request.method == "POST" else ""
    form = GridForm(
        request.POST if request.method == "POST" and not delete else None,
        meeting=meeting,
        days=days,
    )
    if delete:
        grid = (
            SlotGrid.objects.filter(meeting=meeting, pk=int(delete)).first()
            if delete.isdigit()
            else None
        )
        if grid is None:
            messages.error(request, _("That grid does not exist."))
        else:
            services.delete_grid(by=_user(request), grid=grid)
            messages.success(request, _("The grid is deleted."))
        return redirect("schedule:schedule_grids", slug=slug)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_grid(
                by=_user(request),
                meeting=meeting,
                name=form.cleaned_data["name"],
                duration=form.cleaned_data["duration"],
                session_types=list(form.cleaned_data["session_types"]),
                days=form.cleaned_data["days"],
                starts=form.cleaned_data["starts"],
            )
        except ProgrammeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The grid is added."))
            return redirect("schedule:schedule_grids", slug=slug)
    return render(
        request,
        "schedule/grids.html",
        {"meeting": meeting, "form": form, "grids": queries.grids_of(meeting)},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("schedule.manage_schedule")
@second_factor_for_staff
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = queries.get_meeting_for_schedule(request.user, slug)
    form = PublishScheduleForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            release = services.publish_schedule(
                by=_user(request), meeting=meeting, note=form.cleaned_data["note"]
            )
        except ProgrammeError as error:
            form.add_error(None, error.message)
            for reason in error.reasons:
                form.add_error(None, reason)
        else:
            messages.success(
                request,
                _("Version %(version)d of the schedule is published.")
                % {"version": release.version},
            )
            return redirect("schedule:schedule", slug=slug)
    previous = queries.latest_release(meeting)
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
            "warning": services.publication_warning(meeting),
        },
    )


# --- Registration -----------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("schedule.register", fn=meeting_object)
def register(request: HttpRequest, slug: str) -> HttpResponse:
    meeting: AnnualMeeting = _exists(meeting_object(request))
    person = _user(request).person
    current = queries.registration_of(meeting, person)
    if request.method == "POST" and request.POST.get("cancel") == "1":
        services.cancel_registration(by=_user(request), meeting=meeting)
        messages.success(request, _("Your registration is cancelled."))
        return redirect("schedule:register", slug=slug)
    form = RegistrationForm(
        request.POST if request.method == "POST" else None,
        initial={"attendance": current.attendance if current else Attendance.ONSITE},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.register(
                by=_user(request), meeting=meeting, attendance=form.cleaned_data["attendance"]
            )
        except ProgrammeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("You are registered for %(meeting)s.") % {"meeting": meeting.name}
            )
            return redirect("schedule:register", slug=slug)
    return render(
        request,
        "schedule/register.html",
        {"meeting": meeting, "form": form, "registration": current},
    )
