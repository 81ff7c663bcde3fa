"""What the meetings app holds about a person: in their data export, and scrubbed on erasure."""

from __future__ import annotations

from typing import Any

from igf.meetings.models import (
    ActionItem,
    Attendance,
    CalendarFeed,
    Objection,
    ObserverRegistration,
    WrittenInput,
)
from igf.people.models import Person


def export_section(person: Person) -> dict[str, Any]:
    """Attendance, apologies, registrations, objections, inputs and actions of the person."""
    return {
        "attendance": [
            {
                "meeting": a.meeting.title,
                "start": a.meeting.start.isoformat(),
                "status": a.status,
                "note": a.note,
            }
            for a in Attendance.objects.filter(person=person).select_related("meeting")
        ],
        "observer_registrations": [
            {
                "meeting": r.meeting.title,
                "start": r.meeting.start.isoformat(),
                "listed": r.listed,
                "registered": r.created.isoformat(),
            }
            for r in ObserverRegistration.objects.filter(person=person).select_related("meeting")
        ],
        "objections": [
            {"decision": o.decision_id, "text": o.text, "named": o.named}
            for o in Objection.objects.filter(person=person)
        ],
        "written_inputs": [
            {"meeting": w.meeting.title, "title": w.title, "text": w.text}
            for w in WrittenInput.objects.filter(author=person).select_related("meeting")
        ],
        "action_items": [
            {"title": a.title, "due": a.due.isoformat() if a.due else None, "status": a.status}
            for a in ActionItem.objects.filter(owner=person)
        ],
        "has_calendar_feed": CalendarFeed.objects.filter(person=person).exists(),
    }


def scrub_person(*, person: Person, **kwargs: Any) -> None:
    """On erasure: registrations and the calendar address go; notes to the secretariat are
    cleared. Attendance and named objections stay in the public record as "former participant"."""
    ObserverRegistration.objects.filter(person=person).delete()
    CalendarFeed.objects.filter(person=person).delete()
    Attendance.objects.filter(person=person).exclude(note="").update(note="")
    ActionItem.objects.filter(owner=person).update(reminded_on=None)
