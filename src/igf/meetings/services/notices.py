"""E-mail about meetings: changes, cancellations, agendas, reminders, overdue action items.

Every message goes through `igf.core.notify.notify`: in the person's language and time zone,
sent once the change that caused it has committed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from igf.bodies.models import Membership
from igf.core.notify import notify
from igf.meetings import queries
from igf.meetings.enums import AttendanceStatus, MeetingStatus
from igf.meetings.models import ActionItem, Meeting

REMINDER_WINDOW = timedelta(hours=24)
# An overdue action's owner hears about it again after this many days.
OVERDUE_REMINDER_EVERY = timedelta(days=7)


def notify_about(*, meeting: Meeting, kind: str) -> int:
    """E-mail a meeting's participants: "changed", "cancelled", "agenda" (members only)."""
    recipients = queries.participants_of(meeting)
    if kind == "agenda":
        member_ids = set(
            Membership.objects.current(meeting.start.date())
            .filter(body=meeting.body)
            .values_list("person_id", flat=True)
        )
        recipients = [p for p in recipients if p.pk in member_ids]
    items = list(meeting.agenda_items.all()) if kind == "agenda" else []
    sent = 0
    for person in recipients:
        sent += notify(person, f"meetings/email/{kind}", {"meeting": meeting, "items": items})
    return sent


def send_due_reminders(*, now: datetime | None = None) -> int:
    """E-mail everyone expected at meetings starting within 24 hours, once per meeting.

    Those who sent apologies are not reminded. Side effects: `reminder_sent_at` set.
    """
    now = now or timezone.now()
    due = Meeting.objects.filter(
        status=MeetingStatus.SCHEDULED,
        reminder_sent_at__isnull=True,
        start__gt=now,
        start__lte=now + REMINDER_WINDOW,
    ).select_related("body")
    sent = 0
    for meeting in due:
        with transaction.atomic():
            claimed = Meeting.objects.filter(pk=meeting.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if not claimed:  # another worker took it
                continue
            excused = set(
                meeting.attendance.filter(status=AttendanceStatus.APOLOGIES).values_list(
                    "person_id", flat=True
                )
            )
            for person in queries.participants_of(meeting):
                if person.pk not in excused:
                    sent += notify(person, "meetings/email/reminder", {"meeting": meeting})
    return sent


def send_overdue_notices(*, today: date | None = None) -> int:
    """E-mail each owner of overdue action items, at most once a week per item.

    Side effects: `reminded_on` set on every item mentioned.
    """
    today = today or timezone.localdate()
    overdue = (
        ActionItem.objects.overdue(today)
        .filter(owner__isnull=False)
        .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lte=today - OVERDUE_REMINDER_EVERY))
        .select_related("owner__user", "meeting", "body")
        .order_by("owner_id", "due", "pk")
    )
    by_owner: dict[int, list[ActionItem]] = {}
    for action in overdue:
        by_owner.setdefault(action.owner_id or 0, []).append(action)
    sent = 0
    for actions in by_owner.values():
        owner = actions[0].owner
        assert owner is not None  # noqa: S101 - filtered above
        with transaction.atomic():
            ActionItem.objects.filter(pk__in=[a.pk for a in actions]).update(reminded_on=today)
            sent += notify(owner, "meetings/email/overdue", {"actions": actions})
    return sent
