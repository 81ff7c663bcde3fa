"""A meeting's record: minutes, decisions and objections, action items, transcripts."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from igf.core.activity import record_activity
from igf.meetings import transcripts
from igf.meetings.enums import OPEN_ACTION_STATUSES, ActionStatus, ConsensusLevel, MinutesStatus
from igf.meetings.models import (
    ActionItem,
    AgendaItem,
    Cue,
    Decision,
    Meeting,
    Minutes,
    Objection,
    Transcript,
)
from igf.meetings.services.common import MeetingError, changed_by, is_public, person_of
from igf.people.models import Person, User


def minutes_of(meeting: Meeting) -> Minutes:
    minutes, _created = Minutes.objects.get_or_create(meeting=meeting)
    return minutes


@transaction.atomic
def save_minutes(*, by: User, meeting: Meeting, summary: str, items: Mapping[int, str]) -> Minutes:
    """Save the draft minutes: a summary and the record of each agenda item.

    Approved minutes are the record and no longer change. Side effects: activity entry.
    """
    minutes = minutes_of(meeting)
    if minutes.is_approved:
        raise MeetingError(_("Approved minutes cannot be changed."))
    minutes.summary = summary
    minutes.drafted_by = person_of(by)
    changed_by(minutes, by).save(update_fields=["summary", "drafted_by", "updated"])
    for item in meeting.agenda_items.all():
        text = items.get(item.pk)
        if text is not None and text != item.minutes:
            item.minutes = text
            item.save(update_fields=["minutes"])
    record_activity(by=by, verb="minutes.saved", target=meeting)
    return minutes


@transaction.atomic
def approve_minutes(*, by: User, meeting: Meeting, at_meeting: Meeting | None = None) -> Minutes:
    """Approve the minutes, by the chair or as approved by a later meeting (recorded).

    Side effects: minutes of open meetings become public; one activity entry.
    """
    minutes = minutes_of(meeting)
    if minutes.is_approved:
        return minutes
    if not meeting.has_started():
        raise MeetingError(_("Minutes can be approved only once the meeting has taken place."))
    if at_meeting is not None and (
        at_meeting.body_id != meeting.body_id or at_meeting.start <= meeting.start
    ):
        raise MeetingError(_("Choose a later meeting of the same body."), field="at_meeting")
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_at = timezone.now()
    minutes.approved_by = person_of(by)
    minutes.approved_at_meeting = at_meeting
    changed_by(minutes, by).save(
        update_fields=["status", "approved_at", "approved_by", "approved_at_meeting", "updated"]
    )
    record_activity(by=by, verb="minutes.approved", target=meeting, public=is_public(meeting))
    return minutes


@transaction.atomic
def record_decision(
    *,
    by: User,
    meeting: Meeting,
    text: str,
    consensus: str,
    agenda_item: AgendaItem | None = None,
    range_of_views: str = "",
    determined_by: Person | None = None,
    by_correspondence: bool = False,
    decided_on: date | None = None,
) -> Decision:
    """Record a decision with its consensus level, as determined by the chair.

    "No consensus" must record the range of views held. A decision recorded before the
    meeting has started was not taken in it: it must say it was decided by correspondence,
    and on which day (not a day still to come). Side effects: activity entry.
    """
    if by_correspondence:
        if decided_on is None:
            raise MeetingError(
                _("Give the day the decision was reached by correspondence."), field="decided_on"
            )
        if decided_on > timezone.localdate():
            raise MeetingError(
                _("A decision by correspondence cannot be dated in the future."),
                field="decided_on",
            )
    elif not meeting.has_started():
        raise MeetingError(
            _(
                "This meeting has not taken place yet (it starts on %(start)s). A decision "
                "reached before it is recorded as decided by correspondence, with its date."
            )
            % {"start": date_format(timezone.localtime(meeting.start), "DATETIME_FORMAT")},
            field="by_correspondence",
        )
    else:
        decided_on = None
    if consensus not in ConsensusLevel.values:
        raise MeetingError(_("Choose a consensus level."), field="consensus")
    if consensus == ConsensusLevel.NO_CONSENSUS and not range_of_views.strip():
        raise MeetingError(
            _("Without consensus, record the range of views that were held."),
            field="range_of_views",
        )
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise MeetingError(_("Choose an item of this meeting's agenda."), field="agenda_item")
    decision = Decision.objects.create(
        meeting=meeting,
        agenda_item=agenda_item,
        text=text.strip(),
        consensus=consensus,
        range_of_views=range_of_views.strip(),
        determined_by=determined_by or person_of(by),
        by_correspondence=by_correspondence,
        decided_on=decided_on,
        recorded_by=by,
    )
    record_activity(by=by, verb="decision.recorded", target=decision, public=is_public(meeting))
    return decision


@transaction.atomic
def object_to_decision(*, by: User, decision: Decision, text: str, named: bool) -> Objection:
    """Note an objection or minority view; the objector chooses whether it carries their name.

    Side effects: one private activity entry.
    """
    objection = Objection.objects.create(
        decision=decision, person=person_of(by), text=text.strip(), named=named
    )
    record_activity(by=by, verb="decision.objection", target=decision)
    return objection


@transaction.atomic
def add_action_item(
    *,
    by: User,
    meeting: Meeting,
    title: str,
    owner: Person | None,
    due: date | None,
    decision: Decision | None = None,
) -> ActionItem:
    """Record an action item decided at `meeting`; it returns on every agenda until done.

    Side effects: one activity entry.
    """
    if decision is not None and decision.meeting_id != meeting.pk:
        raise MeetingError(_("Choose a decision of this meeting."), field="decision")
    action = ActionItem.objects.create(
        meeting=meeting,
        body=meeting.body,
        decision=decision,
        title=title.strip(),
        owner=owner,
        due=due,
    )
    record_activity(by=by, verb="action.added", target=action, public=is_public(meeting))
    return action


@transaction.atomic
def update_action_item(
    *, by: User, action: ActionItem, status: str, note: str = "", due: date | None = None
) -> ActionItem:
    """Change an action item's status, note or due date. Side effects: activity entry."""
    if status not in ActionStatus.values:
        raise MeetingError(_("Choose a status."), field="status")
    changed = []
    if action.status != status:
        action.status = status
        action.completed_at = None if status in OPEN_ACTION_STATUSES else timezone.now()
        changed += ["status", "completed_at"]
    if action.note != note:
        action.note = note
        changed.append("note")
    if due is not None and action.due != due:
        action.due = due
        action.reminded_on = None
        changed += ["due", "reminded_on"]
    if changed:
        changed_by(action, by).save(update_fields=changed)
        record_activity(
            by=by,
            verb="action.updated",
            target=action,
            public=is_public(action.meeting),
            data={"status": action.status},
        )
    return action


@transaction.atomic
def attach_transcript(
    *, by: User, meeting: Meeting, language: str, source_format: str, text: str
) -> Transcript:
    """Read a transcript (WebVTT, SRT or text) into cues; replaces one in the same language.

    Raises `transcripts.TranscriptError` when the text cannot be read. Side effects: activity.
    """
    cues = transcripts.parse(text, source_format)
    Transcript.objects.filter(meeting=meeting, language=language).delete()
    transcript = Transcript.objects.create(
        meeting=meeting, language=language, source_format=source_format, uploaded_by=by
    )
    Cue.objects.bulk_create(Cue(transcript=transcript, **row) for row in transcripts.rows(cues))
    record_activity(by=by, verb="transcript.attached", target=meeting, public=is_public(meeting))
    return transcript
