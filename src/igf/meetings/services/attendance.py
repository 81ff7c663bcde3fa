"""Who follows a meeting and who attended: observers, apologies, the attendance record."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import gettext as _

from igf.core.activity import record_activity
from igf.meetings import queries
from igf.meetings.enums import AttendanceStatus
from igf.meetings.models import Attendance, Meeting, ObserverRegistration
from igf.meetings.services.common import MeetingError, is_public, person_of
from igf.people.models import Person, User


@transaction.atomic
def register_observer(*, by: User, meeting: Meeting, listed: bool = True) -> ObserverRegistration:
    """Register the user to follow the meeting; they can then see the join link.

    Side effects: one private activity entry.
    """
    if meeting.is_cancelled or meeting.has_ended():
        raise MeetingError(_("This meeting is over or cancelled."))
    if not (meeting.open_to_observers or meeting.is_consultation):
        raise MeetingError(_("This meeting is not open to observers."))
    registration, created = ObserverRegistration.objects.get_or_create(
        meeting=meeting, person=person_of(by), defaults={"listed": listed}
    )
    if not created and registration.listed != listed:
        registration.listed = listed
        registration.save(update_fields=["listed"])
    if created:
        record_activity(by=by, verb="meeting.registered", target=meeting)
    return registration


@transaction.atomic
def unregister_observer(*, by: User, meeting: Meeting) -> None:
    """Withdraw the user's registration. Side effects: one private activity entry."""
    deleted, _count = ObserverRegistration.objects.filter(meeting=meeting, person__user=by).delete()
    if deleted:
        record_activity(by=by, verb="meeting.unregistered", target=meeting)


@transaction.atomic
def send_apologies(*, by: User, meeting: Meeting, note: str = "") -> Attendance:
    """A member says in advance that they cannot attend. Side effects: activity entry."""
    if meeting.is_cancelled or meeting.has_ended():
        raise MeetingError(_("This meeting is over or cancelled."))
    if not any(m.person.user_id == by.pk for m in queries.expected_members(meeting)):
        raise MeetingError(
            queries.why_not_expected(meeting, by) or _("Only members of the body send apologies.")
        )
    attendance, _created = Attendance.objects.update_or_create(
        meeting=meeting,
        person=person_of(by),
        defaults={"status": AttendanceStatus.APOLOGIES, "note": note.strip(), "recorded_by": by},
    )
    record_activity(by=by, verb="meeting.apologies", target=meeting)
    return attendance


@transaction.atomic
def withdraw_apologies(*, by: User, meeting: Meeting) -> None:
    """The member can attend after all. Side effects: activity entry."""
    deleted, _count = Attendance.objects.filter(
        meeting=meeting, person__user=by, status=AttendanceStatus.APOLOGIES
    ).delete()
    if deleted:
        record_activity(by=by, verb="meeting.apologies_withdrawn", target=meeting)


@transaction.atomic
def record_attendance(
    *, by: User, meeting: Meeting, statuses: Mapping[int, str]
) -> list[Attendance]:
    """Record who attended, by person id; an empty status leaves the person unrecorded.

    Refused before the meeting has started: nobody has attended yet (apologies are sent by
    the members themselves). Side effects: one activity entry for the whole list.
    """
    if not meeting.has_started():
        raise MeetingError(queries.attendance_not_yet(meeting))
    valid = set(AttendanceStatus.values)
    existing = {a.person_id: a for a in meeting.attendance.all()}
    people = Person.objects.in_bulk(list(statuses))
    saved = []
    for person_id, status in statuses.items():
        person = people.get(person_id)
        if person is None:
            continue
        current = existing.get(person_id)
        if not status:
            if current is not None and current.status != AttendanceStatus.APOLOGIES:
                current.delete()
            continue
        if status not in valid:
            raise ValueError(status)
        if current is None:
            saved.append(
                Attendance.objects.create(
                    meeting=meeting, person=person, status=status, recorded_by=by
                )
            )
        elif current.status != status:
            current.status = status
            current.recorded_by = by
            current.save(update_fields=["status", "recorded_by", "recorded_at"])
            saved.append(current)
    record_activity(
        by=by, verb="meeting.attendance_recorded", target=meeting, public=is_public(meeting)
    )
    return saved
