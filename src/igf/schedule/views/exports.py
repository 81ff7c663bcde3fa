"""The schedule as files: the whole schedule (iCalendar, JSON, XML, CSV), a room's or a
theme's calendar, and a person's agenda as a calendar at a secret address.

Exports of a public schedule are cached per meeting "generation" and compressed once per
change: conference apps poll them.
"""

from __future__ import annotations

import gzip
import re
from datetime import date

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from igf.core.forms import ROW_ID_MAX
from igf.core.links import site_url
from igf.meetings.queries import get_calendar_owner
from igf.programme.models import AnnualMeeting
from igf.schedule import exports, queries
from igf.schedule.views.common import PAGE_SECONDS, fragment_key, public

# Whether a client takes gzip (the same test as Django's GZipMiddleware).
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
FORMATS = {
    "ics": ("text/calendar; charset=utf-8", "schedule.ics"),
    "json": ("application/json; charset=utf-8", "schedule.json"),
    "xml": ("application/xml; charset=utf-8", "schedule.xml"),
    "csv": ("text/csv; charset=utf-8", "schedule.csv"),
}


def _filtered(
    request: HttpRequest, meeting: AnnualMeeting, entries: list[queries.ScheduleEntry]
) -> list[queries.ScheduleEntry]:
    """The sessions the schedule page's filters chose (theme, day, room), as its calendar
    link carries them; every session without them."""

    def number(name: str) -> int | None:
        value = request.GET.get(name, "")
        return int(value) if value.isdigit() and int(value) <= ROW_ID_MAX else None

    try:
        day = date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        day = None
    filters = queries.Filters(day=day, theme=number("theme"), room=number("room"))
    if filters.day is None and not filters.theme and not filters.room:
        return entries
    return queries.filter_entries(entries, filters, meeting.timezone)


def _export_content(
    request: HttpRequest, slug: str, fmt: str, room: int | None, theme: int | None
) -> tuple[str | bytes, bool]:
    """One export of the latest release, and whether everyone may read it (then it may be
    shared through the cache)."""
    meeting = queries.get_meeting_for_schedule(slug, viewer=request.user)
    release = queries.latest_release(meeting)
    if release is None:
        raise Http404
    entries = _filtered(request, meeting, queries.schedule_entries(meeting))
    name = meeting.name
    if room is not None:
        found = meeting.rooms.filter(pk=room).first()
        if found is None:
            raise Http404
        entries = [e for e in entries if e.room_id == room]
        name = f"{meeting.name}: {found.name}"
    if theme is not None:
        found_theme = meeting.themes.filter(pk=theme).first()
        if found_theme is None:
            raise Http404
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
    key = fragment_key("export", slug, request, f"{fmt}|{room}|{theme}")
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
    return public(response, request)


@require_safe
def schedule_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    return _export(request, slug, fmt)


@require_safe
def room_calendar(request: HttpRequest, slug: str, room: int) -> HttpResponse:
    return _export(request, slug, "ics", room=room)


@require_safe
def theme_calendar(request: HttpRequest, slug: str, theme: int) -> HttpResponse:
    return _export(request, slug, "ics", theme=theme)


@require_safe
def agenda_feed(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """A person's starred sessions as a calendar; the secret address is the credential."""
    person = get_calendar_owner(token)
    meeting = queries.get_published_meeting(slug)
    entries = queries.schedule_entries(meeting)
    starred = queries.stars_of(person.pk, meeting)
    mine = queries.sessions_taken_part_in(person, meeting)
    chosen = [e for e in entries if e.id in starred or e.id in mine]
    links = meeting.join_links_public or queries.registration_of(meeting, person) is not None
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
