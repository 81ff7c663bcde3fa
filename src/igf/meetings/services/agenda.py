"""A meeting's agenda: drafted, circulated to the members, approved before the meeting."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from igf.core.activity import record_activity
from igf.meetings.enums import AgendaStatus
from igf.meetings.models import AgendaItem, Meeting
from igf.meetings.services.common import MeetingError, changed_by, is_public, person_of
from igf.meetings.services.notices import notify_about
from igf.people.models import User


def _agenda_changed(meeting: Meeting) -> None:
    """An approved agenda that changes must be approved again."""
    if meeting.agenda_status == AgendaStatus.APPROVED:
        meeting.agenda_status = AgendaStatus.CIRCULATED
        meeting.agenda_approved_at = None
        meeting.agenda_approved_by = None
        meeting.save(
            update_fields=["agenda_status", "agenda_approved_at", "agenda_approved_by", "updated"]
        )


@transaction.atomic
def add_agenda_item(
    *,
    by: User,
    meeting: Meeting,
    title: str,
    presenter: str = "",
    minutes_allotted: int | None = None,
    documents: str = "",
) -> AgendaItem:
    """Append an item to the agenda. Side effects: an approved agenda needs approval again."""
    last = meeting.agenda_items.aggregate(last=Max("order"))["last"]
    item = AgendaItem.objects.create(
        meeting=meeting,
        order=(last or 0) + 1,
        title=title.strip(),
        presenter=presenter.strip(),
        minutes_allotted=minutes_allotted,
        documents=documents,
    )
    _agenda_changed(meeting)
    record_activity(by=by, verb="agenda.changed", target=meeting)
    return item


@transaction.atomic
def update_agenda_item(*, by: User, item: AgendaItem, changes: Mapping[str, Any]) -> AgendaItem:
    """Change an item's title, presenter, time or documents (an approved agenda reopens)."""
    allowed = {"title", "presenter", "minutes_allotted", "documents"}
    changed = [n for n, v in changes.items() if n in allowed and getattr(item, n) != v]
    for name in changed:
        setattr(item, name, changes[name])
    if changed:
        item.save(update_fields=changed)
        _agenda_changed(item.meeting)
        record_activity(by=by, verb="agenda.changed", target=item.meeting)
    return item


@transaction.atomic
def remove_agenda_item(*, by: User, item: AgendaItem) -> None:
    """Take an item off the agenda (decisions recorded on it keep their text)."""
    meeting = item.meeting
    item.delete()
    _agenda_changed(meeting)
    record_activity(by=by, verb="agenda.changed", target=meeting)


@transaction.atomic
def move_agenda_item(*, by: User, item: AgendaItem, up: bool) -> None:
    """Swap an item with its neighbour above (or below). Side effects: renumbers the agenda."""
    items = list(item.meeting.agenda_items.order_by("order", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(items):
        return
    items[index], items[other] = items[other], items[index]
    for position, entry in enumerate(items, start=1):
        if entry.order != position:
            entry.order = position
            entry.save(update_fields=["order"])
    _agenda_changed(item.meeting)
    record_activity(by=by, verb="agenda.changed", target=item.meeting)


@transaction.atomic
def circulate_agenda(*, by: User, meeting: Meeting) -> Meeting:
    """Send the draft agenda to the members. Side effects: e-mail to members, activity entry."""
    if not meeting.agenda_items.exists():
        raise MeetingError(_("Add at least one item before circulating the agenda."))
    if meeting.agenda_status == AgendaStatus.DRAFT:
        meeting.agenda_status = AgendaStatus.CIRCULATED
    meeting.agenda_circulated_at = timezone.now()
    changed_by(meeting, by).save(update_fields=["agenda_status", "agenda_circulated_at", "updated"])
    record_activity(by=by, verb="agenda.circulated", target=meeting)
    notify_about(meeting=meeting, kind="agenda")
    return meeting


@transaction.atomic
def approve_agenda(*, by: User, meeting: Meeting) -> Meeting:
    """Approve the agenda, recording who and when; only before the meeting starts.

    Side effects: one public activity entry (for open meetings).
    """
    if meeting.has_started():
        raise MeetingError(_("The agenda must be approved before the meeting starts."))
    if not meeting.agenda_items.exists():
        raise MeetingError(_("An empty agenda cannot be approved."))
    meeting.agenda_status = AgendaStatus.APPROVED
    meeting.agenda_approved_at = timezone.now()
    meeting.agenda_approved_by = person_of(by)
    changed_by(meeting, by).save(
        update_fields=["agenda_status", "agenda_approved_at", "agenda_approved_by", "updated"]
    )
    record_activity(by=by, verb="agenda.approved", target=meeting, public=is_public(meeting))
    return meeting
