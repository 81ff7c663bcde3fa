"""iCalendar (RFC 5545) for meetings: one event per meeting, feeds of many.

Each event keeps the meeting's UID for ever and carries its SEQUENCE, so a calendar app that
imported it once updates the same entry when the meeting moves or is cancelled.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from igf.meetings.models import Meeting

PRODID = "-//IGF Platform//Meetings//EN"


def _uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.uid}@igf-platform"


def meeting_event(meeting: Meeting, *, base_url: str, with_join_link: bool) -> Event:
    """The event of one meeting; the join link only for those who may have it."""
    event = Event()
    event.add("uid", _uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("last-modified", meeting.updated.astimezone(UTC))
    event.add("created", meeting.created.astimezone(UTC))
    event.add("dtstart", meeting.start.astimezone(UTC))
    event.add("dtend", meeting.end.astimezone(UTC))
    event.add("summary", meeting.title)
    page = f"{base_url}{meeting.get_absolute_url()}"
    event.add("url", page)
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    lines = [meeting.description.strip()] if meeting.description.strip() else []
    if with_join_link and meeting.online_url:
        lines.append(_("Join online: %(url)s") % {"url": meeting.online_url})
        if meeting.dial_in.strip():
            lines.append(_("Dial-in: %(numbers)s") % {"numbers": meeting.dial_in.strip()})
    lines.append(_("Agenda and documents: %(url)s") % {"url": page})
    event.add("description", "\n\n".join(lines))
    location = meeting.venue or (meeting.online_url if with_join_link else "")
    if location:
        event.add("location", location)
    if with_join_link and meeting.online_url:
        event.add("conference", meeting.online_url, parameters={"VALUE": "URI"})
    return event


def calendar(
    meetings: Iterable[Meeting], *, name: str, base_url: str, join_link_for: set[int]
) -> bytes:
    """A calendar of `meetings`; `join_link_for` holds the ids whose join link may be shown."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "UTC")
    cal.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    for meeting in meetings:
        cal.add_component(
            meeting_event(meeting, base_url=base_url, with_join_link=meeting.pk in join_link_for)
        )
    return bytes(cal.to_ical())
