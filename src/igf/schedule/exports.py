"""The published schedule in the formats other software reads: iCalendar (RFC 5545), the
conference schedule exchange format as XML and JSON (https://c3voc.de/schedule, read by
Giggity, EventFahrplan, pretalx and others; validated against its schemas in the tests),
and CSV. Built from the entries of the public schedule; the join link only when allowed."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Sequence, Set
from datetime import UTC, datetime, time, timedelta
from typing import Any, TypeAlias

from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar, Event
from lxml import etree  # type: ignore[import-untyped]

from igf.core.csvfile import write_csv
from igf.programme.models import AnnualMeeting
from igf.schedule.constraints import zone
from igf.schedule.models import ScheduleRelease
from igf.schedule.queries import ScheduleEntry, schedule_days

PRODID = "-//IGF Platform//Programme//EN"
GENERATOR = "IGF Platform"
GENERATOR_VERSION = "0.1.0"
SCHEMA = "https://c3voc.de/schedule/schema.json"
TIMESLOT = "00:15"
# Spreadsheet programs run cells that start with these; such cells get a leading apostrophe.
# Whether an export carries join links: for every session, or only for these sessions (a
# personal feed: the sessions the person takes part in).
JoinLinks: TypeAlias = bool | Set[int]


def acronym(meeting: AnnualMeeting) -> str:
    """The meeting's short name as the exchange format wants it (lower-case, no hyphen)."""
    text = re.sub(r"[^a-z0-9_]", "", meeting.slug.lower())
    return (text or "meeting").ljust(4, "_")


def event_slug(meeting: AnnualMeeting, entry: ScheduleEntry) -> str:
    title = slugify(entry.title)[:50].strip("-_")
    slug = f"{acronym(meeting)}-{entry.id:04d}"
    return f"{slug}-{title}" if title else slug


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def person_guid(ref: str, base_url: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{base_url}/{ref}"))


def _join_link(entry: ScheduleEntry, with_join_links: JoinLinks) -> str:
    if isinstance(with_join_links, bool):
        return entry.join_url if with_join_links else ""
    return entry.join_url if entry.id in with_join_links else ""


# --- iCalendar ---------------------------------------------------------------------------------


def session_event(
    meeting: AnnualMeeting,
    entry: ScheduleEntry,
    *,
    base_url: str,
    sequence: int,
    with_join_links: JoinLinks,
) -> Event:
    event = Event()
    event.add("uid", f"session-{entry.guid}@igf-platform")
    event.add("sequence", sequence)
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", entry.start.astimezone(UTC))
    event.add("dtend", entry.end.astimezone(UTC))
    event.add("summary", entry.title)
    page = f"{base_url}/programme/sessions/{entry.id}/"
    event.add("url", page)
    location = ", ".join(x for x in (entry.room, meeting.host_city) if x)
    if location:
        event.add("location", location)
    categories = [c for c in (entry.type_name, entry.theme) if c]
    if categories:
        event.add("categories", categories)
    join = _join_link(entry, with_join_links)
    lines = [f"{entry.type_name} · {entry.theme}".strip(" ·")]
    names = ", ".join(s.name for s in entry.speakers if s.role != "organiser" and s.name)
    if names:
        lines.append(names)
    if join:
        lines.append(f"Join online: {join}")
        event.add("conference", join, parameters={"VALUE": "URI"})
    lines.append(page)
    event.add("description", "\n\n".join(line for line in lines if line))
    event.add("status", "CONFIRMED")
    return event


def calendar(
    meeting: AnnualMeeting,
    entries: Iterable[ScheduleEntry],
    *,
    name: str,
    base_url: str,
    release: ScheduleRelease | None,
    with_join_links: JoinLinks,
) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", meeting.timezone)
    cal.add("refresh-interval", timedelta(hours=3), parameters={"VALUE": "DURATION"})
    sequence = release.version if release is not None else 0
    for entry in entries:
        cal.add_component(
            session_event(
                meeting,
                entry,
                base_url=base_url,
                sequence=sequence,
                with_join_links=with_join_links,
            )
        )
    return bytes(cal.to_ical())


# --- The conference schedule exchange format ---------------------------------------------------


def _days(
    meeting: AnnualMeeting, entries: Sequence[ScheduleEntry]
) -> list[tuple[int, Any, datetime, datetime, list[ScheduleEntry]]]:
    """Each day of the meeting (venue's dates) with its start, end and sessions."""
    venue = zone(meeting.timezone)
    days = []
    dates = sorted(
        {
            meeting.starts + timedelta(days=n)
            for n in range((meeting.ends - meeting.starts).days + 1)
        }
        | set(schedule_days(entries, meeting.timezone))
    )
    for index, day in enumerate(dates, start=1):
        todays = [e for e in entries if e.start.astimezone(venue).date() == day]
        start = min((e.start for e in todays), default=None)
        end = max((e.end for e in todays), default=None)
        start = (start or datetime.combine(day, time(9), tzinfo=venue)).astimezone(venue)
        end = (end or datetime.combine(day, time(18), tzinfo=venue)).astimezone(venue)
        days.append((index, day, start, end, todays))
    return days


def _event_data(
    meeting: AnnualMeeting, entry: ScheduleEntry, base_url: str, with_join_links: JoinLinks
) -> dict[str, Any]:
    venue = zone(meeting.timezone)
    start = entry.start.astimezone(venue)
    links = []
    join = _join_link(entry, with_join_links)
    if join:
        links.append({"url": join, "title": "Join online", "type": "web"})
    if entry.recording_url:
        links.append({"url": entry.recording_url, "title": "Recording", "type": "media"})
    return {
        "guid": entry.guid,
        "code": entry.code,
        "id": entry.id,
        "date": start.isoformat(),
        "start": f"{start:%H:%M}",
        "duration": _hhmm(entry.minutes),
        "room": entry.room,
        "slug": event_slug(meeting, entry),
        "url": f"{base_url}/programme/sessions/{entry.id}/",
        "title": entry.title,
        "subtitle": "",
        "track": entry.theme or None,
        "type": entry.type_name,
        "language": entry.languages[0] if entry.languages else None,
        "abstract": entry.description,
        "description": "",
        "persons": [
            {"name": s.name, "guid": person_guid(s.ref, base_url)} for s in entry.speakers if s.name
        ],
        "links": links,
    }


def _conference(
    meeting: AnnualMeeting,
    entries: Sequence[ScheduleEntry],
    base_url: str,
    with_join_links: JoinLinks,
) -> dict[str, Any]:
    rooms: dict[str, ScheduleEntry] = {}
    for entry in entries:
        rooms.setdefault(entry.room, entry)
    themes = sorted({e.theme for e in entries if e.theme})
    days = _days(meeting, entries)
    return {
        "acronym": acronym(meeting),
        "title": meeting.name,
        "start": meeting.starts.isoformat(),
        "end": meeting.ends.isoformat(),
        "daysCount": len(days),
        "timeslot_duration": TIMESLOT,
        "time_zone_name": meeting.timezone,
        "url": f"{base_url}{meeting.get_absolute_url()}",
        "tracks": [{"name": t, "slug": slugify(t) or "track"} for t in themes],
        "rooms": [{"name": name, "guid": e.room_guid} for name, e in rooms.items() if e.room_guid],
        "days": [
            {
                "index": index,
                "date": day.isoformat(),
                "day_start": start.isoformat(),
                "day_end": end.isoformat(),
                "rooms": _rooms_of(meeting, todays, base_url, with_join_links),
            }
            for index, day, start, end, todays in days
        ],
    }


def _rooms_of(
    meeting: AnnualMeeting,
    entries: Iterable[ScheduleEntry],
    base_url: str,
    with_join_links: JoinLinks,
) -> dict[str, list[dict[str, Any]]]:
    rooms: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        rooms.setdefault(entry.room, []).append(
            _event_data(meeting, entry, base_url, with_join_links)
        )
    return rooms


def schedule_json(
    meeting: AnnualMeeting,
    entries: Sequence[ScheduleEntry],
    *,
    base_url: str,
    release: ScheduleRelease | None,
    with_join_links: JoinLinks,
) -> bytes:
    data = {
        "$schema": SCHEMA,
        "generator": {"name": GENERATOR, "version": GENERATOR_VERSION},
        "schedule": {
            "version": f"v{release.version}" if release is not None else "draft",
            "base_url": f"{base_url}/",
            "conference": _conference(meeting, entries, base_url, with_join_links),
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


# Characters XML 1.0 does not allow (a title pasted from a word processor may carry them).
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return NOT_XML.sub("", text)


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> Any:
    element = etree.SubElement(parent, tag, attrib={k: _xml_text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = _xml_text(text)
    return element


def schedule_xml(
    meeting: AnnualMeeting,
    entries: Sequence[ScheduleEntry],
    *,
    base_url: str,
    release: ScheduleRelease | None,
    with_join_links: JoinLinks,
) -> bytes:
    root = etree.Element("schedule")
    _sub(root, "generator", name=GENERATOR, version=GENERATOR_VERSION)
    _sub(root, "url", f"{base_url}/programme/meetings/{meeting.slug}/schedule.xml")
    _sub(root, "version", f"v{release.version}" if release is not None else "draft")
    conference = _sub(root, "conference")
    days = _days(meeting, entries)
    _sub(conference, "title", meeting.name)
    _sub(conference, "acronym", acronym(meeting))
    _sub(conference, "start", meeting.starts.isoformat())
    _sub(conference, "end", meeting.ends.isoformat())
    _sub(conference, "days", str(len(days)))
    _sub(conference, "timeslot_duration", TIMESLOT)
    _sub(conference, "base_url", f"{base_url}/")
    _sub(conference, "url", f"{base_url}{meeting.get_absolute_url()}")
    _sub(conference, "time_zone_name", meeting.timezone)
    for theme in sorted({e.theme for e in entries if e.theme}):
        _sub(conference, "track", theme, name=theme)
    for index, day, start, end, todays in days:
        day_element = _sub(
            root,
            "day",
            date=day.isoformat(),
            start=start.isoformat(),
            end=end.isoformat(),
            index=str(index),
        )
        by_room: dict[str, list[ScheduleEntry]] = {}
        for entry in todays:
            by_room.setdefault(entry.room, []).append(entry)
        for room_name, room_entries in by_room.items():
            guid = room_entries[0].room_guid
            room_element = _sub(
                day_element, "room", name=room_name, **({"guid": guid} if guid else {})
            )
            for entry in room_entries:
                _xml_event(room_element, meeting, entry, base_url, with_join_links)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _xml_event(
    parent: etree._Element,
    meeting: AnnualMeeting,
    entry: ScheduleEntry,
    base_url: str,
    with_join_links: JoinLinks,
) -> None:
    data = _event_data(meeting, entry, base_url, with_join_links)
    event = _sub(parent, "event", id=str(entry.id), guid=entry.guid, code=entry.code)
    for tag in (
        "room",
        "title",
        "subtitle",
        "type",
        "date",
        "start",
        "duration",
        "abstract",
        "slug",
    ):
        _sub(event, tag, str(data[tag]))
    _sub(event, "track", data["track"] or "")
    if data["language"]:
        _sub(event, "language", data["language"])
    persons = _sub(event, "persons")
    for person in data["persons"]:
        _sub(persons, "person", person["name"], guid=person["guid"])
    links = _sub(event, "links")
    for link in data["links"]:
        _sub(links, "link", link["title"], href=link["url"], type=link["type"])
    _sub(event, "url", data["url"])


# --- CSV -------------------------------------------------------------------------------------


CSV_COLUMNS = (
    "code", "title", "date", "start", "end", "start_utc", "end_utc", "room", "type", "theme",
    "track", "languages", "interpretation", "captioning", "online", "speakers", "url", "join_url",
)  # fmt: skip


def schedule_csv(
    meeting: AnnualMeeting,
    entries: Iterable[ScheduleEntry],
    *,
    base_url: str,
    with_join_links: JoinLinks,
) -> bytes:
    venue = zone(meeting.timezone)
    rows = []
    for entry in entries:
        start, end = entry.start.astimezone(venue), entry.end.astimezone(venue)
        row = (
            entry.code,
            entry.title,
            f"{start:%Y-%m-%d}",
            f"{start:%H:%M}",
            f"{end:%H:%M}",
            entry.start.astimezone(UTC).isoformat(),
            entry.end.astimezone(UTC).isoformat(),
            entry.room,
            entry.type_name,
            entry.theme,
            entry.track,
            " ".join(entry.languages),
            " ".join(entry.interpretation),
            "yes" if entry.captioning else "no",
            "yes" if entry.online else "no",
            "; ".join(s.name for s in entry.speakers if s.name),
            f"{base_url}/programme/sessions/{entry.id}/",
            _join_link(entry, with_join_links),
        )
        rows.append(row)
    return ("\ufeff" + write_csv(CSV_COLUMNS, rows)).encode()
