"""Putting meetings in the calendar, changing and cancelling them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from igf.bodies.models import Body
from igf.core.activity import record_activity
from igf.meetings.enums import MeetingStatus
from igf.meetings.models import Meeting
from igf.meetings.services.common import MeetingError, changed_by, is_public
from igf.meetings.services.notices import notify_about
from igf.people.models import User

# Changing any of these moves the event in people's calendars: SEQUENCE goes up.
CALENDAR_FIELDS = ("title", "start", "end", "online_url", "venue", "dial_in", "description")
MEETING_FIELDS = (
    *CALENDAR_FIELDS,
    "timezone",
    "interpretation_languages",
    "captioning_languages",
    "open_to_observers",
    "recording_url",
)


@transaction.atomic
def schedule_meeting(
    *,
    by: User,
    body: Body | None,
    title: str,
    start: datetime,
    end: datetime,
    timezone_name: str = "UTC",
    online_url: str = "",
    dial_in: str = "",
    venue: str = "",
    description: str = "",
    interpretation_languages: Iterable[str] = (),
    captioning_languages: Iterable[str] = (),
    open_to_observers: bool | None = None,
) -> Meeting:
    """Put a meeting of `body` (None: an open consultation of the forum) in the calendar.

    Observers are admitted by default when the body's type says so; consultations are always
    open. Side effects: one activity entry (public when the meeting is open).
    """
    if end <= start:
        raise MeetingError(_("The meeting must end after it starts."), field="end")
    if open_to_observers is None:
        open_to_observers = body is None or body.type.meetings_open_by_default
    meeting = Meeting.objects.create(
        body=body,
        title=title.strip(),
        start=start,
        end=end,
        timezone=timezone_name or "UTC",
        online_url=online_url,
        dial_in=dial_in,
        venue=venue,
        description=description,
        interpretation_languages=list(interpretation_languages),
        captioning_languages=list(captioning_languages),
        open_to_observers=body is None or open_to_observers,
        created_by=by,
    )
    record_activity(by=by, verb="meeting.scheduled", target=meeting, public=is_public(meeting))
    return meeting


@transaction.atomic
def update_meeting(*, by: User, meeting: Meeting, changes: Mapping[str, Any]) -> Meeting:
    """Change a meeting's details; moving it raises its calendar SEQUENCE.

    Side effects: when the time, link or place changes, members and registered observers
    are e-mailed (queued) and the 24-hour reminder is due again; one activity entry.
    """
    unknown = set(changes) - set(MEETING_FIELDS)
    if unknown:
        raise ValueError(f"Not meeting fields: {sorted(unknown)}")
    start = changes.get("start", meeting.start)
    end = changes.get("end", meeting.end)
    if end <= start:
        raise MeetingError(_("The meeting must end after it starts."), field="end")
    changed = [name for name, value in changes.items() if getattr(meeting, name) != value]
    if not changed:
        return meeting
    for name in changed:
        setattr(meeting, name, changes[name])
    if meeting.is_consultation:
        meeting.open_to_observers = True
    fields = [*changed, "updated"]
    moved = any(name in ("start", "end") for name in changed)
    if any(name in CALENDAR_FIELDS for name in changed):
        meeting.sequence += 1
        fields.append("sequence")
    if moved:
        meeting.reminder_sent_at = None
        fields.append("reminder_sent_at")
    changed_by(meeting, by).save(update_fields=fields)
    record_activity(
        by=by,
        verb="meeting.moved" if moved else "meeting.updated",
        target=meeting,
        public=is_public(meeting),
        data={"fields": changed},
    )
    if moved or {"online_url", "venue"} & set(changed):
        notify_about(meeting=meeting, kind="changed")
    return meeting


@transaction.atomic
def cancel_meeting(*, by: User, meeting: Meeting) -> Meeting:
    """Cancel a meeting. Side effects: SEQUENCE raised, participants e-mailed, activity entry."""
    if meeting.is_cancelled:
        return meeting
    meeting.status = MeetingStatus.CANCELLED
    meeting.sequence += 1
    changed_by(meeting, by).save(update_fields=["status", "sequence", "updated"])
    record_activity(by=by, verb="meeting.cancelled", target=meeting, public=is_public(meeting))
    notify_about(meeting=meeting, kind="cancelled")
    return meeting
