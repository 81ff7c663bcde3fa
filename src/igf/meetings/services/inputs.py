"""Written inputs to the forum's open consultations."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from igf.core.activity import record_activity
from igf.meetings.models import Meeting, WrittenInput
from igf.meetings.services.common import MeetingError, person_of
from igf.people.models import User


@transaction.atomic
def submit_written_input(
    *, by: User, meeting: Meeting, title: str, text: str, on_behalf_of: str = ""
) -> WrittenInput:
    """Submit a written input to an open consultation before it starts; it is published.

    Side effects: one public activity entry.
    """
    if not meeting.is_consultation:
        raise MeetingError(_("Written inputs are for open consultations."))
    if meeting.is_cancelled or meeting.has_started():
        raise MeetingError(_("Written inputs are accepted until the consultation starts."))
    written = WrittenInput.objects.create(
        meeting=meeting,
        author=person_of(by),
        title=title.strip(),
        text=text,
        on_behalf_of=on_behalf_of.strip(),
    )
    record_activity(by=by, verb="input.submitted", target=meeting, public=True)
    return written


@transaction.atomic
def hide_written_input(*, by: User, written: WrittenInput, hidden: bool) -> WrittenInput:
    """Hide (or show again) an input that breaks the code of conduct. Side effects: activity."""
    if written.hidden != hidden:
        written.hidden = hidden
        written.save(update_fields=["hidden"])
        record_activity(by=by, verb="input.moderated", target=written.meeting)
    return written
