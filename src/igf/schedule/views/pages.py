"""The schedule as people read it: the public schedule, what changed, a session's page, the
star that puts a session in one's agenda, and the personal agenda.

The public schedule and session pages are cached per meeting "generation" (raised by every
change and every release), per language and time zone: a visitor's page is rendered once,
then served from the cache without touching the database. So these two find their meeting
or session inside the rendering, not through the permission decorator.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from igf.core.links import safe_next
from igf.core.pagecache import cached_page
from igf.core.permissions import Load, permission_required
from igf.meetings.services import calendar_feed_of, reset_calendar_feed
from igf.programme import hooks
from igf.programme.models import AnnualMeeting, Session
from igf.schedule import queries, services
from igf.schedule.constraints import Placement
from igf.schedule.forms import ScheduleFilterForm
from igf.schedule.releases import change_count, dated_changes
from igf.schedule.views.common import PAGE_SECONDS, fragment_key, public, user_of

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


def _calendar_query(filters: queries.Filters) -> str:
    """The active filters the calendar link carries (theme, day, room)."""
    return urlencode(
        [
            (name, value)
            for name, value in (
                ("theme", filters.theme),
                ("day", filters.day.isoformat() if filters.day else None),
                ("room", filters.room),
            )
            if value
        ]
    )


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
            "sign_in": reverse("account_login") + "?next=" + quote(request.get_full_path()),
            "calendar_query": _calendar_query(filters),
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
        meeting = queries.get_meeting_for_schedule(slug, viewer=request.user)
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

    key = fragment_key("schedule", slug, request)
    filters = ScheduleFilterForm.base_fields
    return public(cached_page(request, key, render_page, PAGE_SECONDS, filters), request)


@require_safe
@permission_required(None, Load(queries.get_meeting_for_schedule, "slug", viewer=True))
def schedule_changes(request: HttpRequest, meeting: AnnualMeeting) -> HttpResponse:
    releases = list(queries.releases_of(meeting))
    for release in releases:
        release.change_total = change_count(release.changes)  # type: ignore[attr-defined]
        release.dated = dated_changes(release.changes)  # type: ignore[attr-defined]
    return public(
        render(
            request,
            "schedule/changes.html",
            {"meeting": meeting, "releases": releases},
        ),
        request,
    )


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
    user = request.user
    access = queries.access_of(session)
    return {
        "session": session,
        "meeting": meeting,
        "placement": placement,
        "released": released,
        "room": queries.find_room(placement.room if placement is not None else None),
        "people": queries.session_people(session),
        "questions": list(session.policy_questions.select_related("theme")),
        "links": list(session.links.all()),
        "join_url": session.join_url if user.has_perm("schedule.see_join_link", session) else "",
        "access": access,
        "dial_in": access.dial_in
        if access is not None and user.has_perm("schedule.see_join_link", session)
        else "",
        "hubs": queries.hubs_following(session),
        "online_moderator": queries.is_online_moderator(session, user),
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
        session = queries.get_visible_session(pk, viewer=request.user)
        context = _session_context(request, session)
        context.update(
            {
                "starred": queries.is_starred(session, request.user),
                "can_star": request.user.has_perm("schedule.star_session", session),
                "can_state_unavailability": request.user.has_perm(
                    "schedule.state_unavailability", session
                ),
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
    key = fragment_key("session", slug, request, str(pk))
    return public(cached_page(request, key, render_page, PAGE_SECONDS), request)


@require_POST
@permission_required("schedule.star_session", Load(queries.get_session))
def star(request: HttpRequest, session: Session) -> HttpResponse:
    starred = request.POST.get("starred") == "1"
    services.set_star(by=user_of(request), session=session, starred=starred)
    messages.success(
        request,
        _("“%(title)s” is in your agenda.") % {"title": session.title}
        if starred
        else _("“%(title)s” is no longer in your agenda.") % {"title": session.title},
    )
    # Back to the same session, not the top of a long list (with or without JavaScript).
    target = safe_next(request, session.get_absolute_url()).split("#")[0]
    return HttpResponseRedirect(f"{target}#session-{session.pk}")


# --- The personal agenda ----------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(
    "schedule.view_agenda", Load(queries.get_meeting_for_schedule, "slug", viewer=True)
)
def agenda(request: HttpRequest, meeting: AnnualMeeting) -> HttpResponse:
    person = user_of(request).person
    if request.method == "POST":
        reset_calendar_feed(by=user_of(request), person=person)
        messages.success(
            request, _("Your calendar address has changed; the old one no longer works.")
        )
        return redirect("schedule:agenda", slug=meeting.slug)
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
                reverse("schedule:agenda_feed", kwargs={"slug": meeting.slug, "token": feed.token})
            ),
            "venue_differs": timezone.get_current_timezone_name() != meeting.timezone,
        },
    )


# --- The timetable and "now and next" ---------------------------------------------------------


@require_safe
def timetable(request: HttpRequest, slug: str) -> HttpResponse:
    """One day as a grid of rooms by times, in the viewer's time zone; the list stays the
    schedule page (phones)."""

    def render_page(extra: dict[str, Any]) -> HttpResponse:
        meeting = queries.get_meeting_for_schedule(slug, viewer=request.user)
        entries = queries.schedule_entries(meeting)
        days = queries.schedule_days(entries, meeting.timezone)
        if not days:
            raise Http404
        today = timezone.now().astimezone(meeting.zone).date()
        chosen = request.GET.get("day", "")
        day = next((d for d in days if d.isoformat() == chosen), _default_day(days, today))
        shown = queries.filter_entries(entries, queries.Filters(day=day), meeting.timezone)
        rooms = [
            (r.pk, r.name)
            for r in queries.rooms_of(meeting)
            if any(e.room_id == r.pk for e in shown)
        ]
        return render(
            request,
            "schedule/timetable.html",
            {
                "meeting": meeting,
                "day": day,
                "days": days,
                "rooms": rooms,
                "rows": queries.timetable(shown, rooms),
                "zone": timezone.get_current_timezone_name(),
                **extra,
            },
        )

    key = fragment_key("timetable", slug, request)
    return public(cached_page(request, key, render_page, PAGE_SECONDS, ("day",)), request)


@require_safe
@permission_required(None, Load(queries.get_meeting_for_schedule, "slug", viewer=True))
def now_and_next(request: HttpRequest, meeting: AnnualMeeting) -> HttpResponse:
    """During the meeting: what is on in every room now and next, and how to join online."""
    entries = queries.schedule_entries(meeting)
    now = timezone.now()
    return render(
        request,
        "schedule/now.html",
        {
            "meeting": meeting,
            "now": now,
            "rooms": queries.now_and_next(entries, now, meeting.timezone),
            "links_public": meeting.join_links_public,
        },
    )
