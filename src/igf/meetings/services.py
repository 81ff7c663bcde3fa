"""The rules of meetings: scheduling, agendas, attendance, minutes, decisions, action items.

Every function that changes a meeting's record takes the acting user as `by`, runs in one
transaction and writes one activity entry. E-mail goes through `django.core.mail`, whose
backend queues each message on the task queue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from igf.bodies.enums import SEAT_ROLES
from igf.bodies.models import Body, Membership
from igf.core.activity import record_activity
from igf.meetings import transcripts
from igf.meetings.clock import zone
from igf.meetings.enums import (
    OPEN_ACTION_STATUSES,
    ActionStatus,
    AgendaStatus,
    AttendanceStatus,
    ConsensusLevel,
    MeetingStatus,
    MinutesStatus,
)
from igf.meetings.ical import site_url
from igf.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    CalendarFeed,
    Cue,
    Decision,
    Meeting,
    Minutes,
    Objection,
    ObserverRegistration,
    Transcript,
    WrittenInput,
)
from igf.people.models import Person, User

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
REMINDER_WINDOW = timedelta(hours=24)
# An overdue action's owner hears about it again after this many days.
OVERDUE_REMINDER_EVERY = timedelta(days=7)


class MeetingError(Exception):
    """A change the forum's rules refuse; the message is translated and shown to the user."""


def _person(user: User) -> Person:
    return Person.objects.get(user=user)


def _changed_by(instance: Any, by: User | None) -> Any:
    """Name the user in the history record of the next save (requests name them anyway)."""
    instance._history_user = by  # django-simple-history's documented hook
    return instance


def _is_public(meeting: Meeting) -> bool:
    return meeting.is_consultation or meeting.open_to_observers


# --- Scheduling -------------------------------------------------------------------------------


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
        raise MeetingError(_("The meeting must end after it starts."))
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
    record_activity(by=by, verb="meeting.scheduled", target=meeting, public=_is_public(meeting))
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
        raise MeetingError(_("The meeting must end after it starts."))
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
    _changed_by(meeting, by).save(update_fields=fields)
    record_activity(
        by=by,
        verb="meeting.moved" if moved else "meeting.updated",
        target=meeting,
        public=_is_public(meeting),
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
    _changed_by(meeting, by).save(update_fields=["status", "sequence", "updated"])
    record_activity(by=by, verb="meeting.cancelled", target=meeting, public=_is_public(meeting))
    notify_about(meeting=meeting, kind="cancelled")
    return meeting


# --- Agenda -----------------------------------------------------------------------------------


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
    _changed_by(meeting, by).save(
        update_fields=["agenda_status", "agenda_circulated_at", "updated"]
    )
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
    meeting.agenda_approved_by = _person(by)
    _changed_by(meeting, by).save(
        update_fields=["agenda_status", "agenda_approved_at", "agenda_approved_by", "updated"]
    )
    record_activity(by=by, verb="agenda.approved", target=meeting, public=_is_public(meeting))
    return meeting


# --- Observers and attendance -----------------------------------------------------------------


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
        meeting=meeting, person=_person(by), defaults={"listed": listed}
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
    if not any(m.person.user_id == by.pk for m in expected_members(meeting)):
        raise MeetingError(_("Only members of the body send apologies."))
    attendance, _created = Attendance.objects.update_or_create(
        meeting=meeting,
        person=_person(by),
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

    Side effects: one activity entry for the whole list.
    """
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
        by=by, verb="meeting.attendance_recorded", target=meeting, public=_is_public(meeting)
    )
    return saved


# --- Minutes, decisions, action items ---------------------------------------------------------


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
    minutes.drafted_by = _person(by)
    _changed_by(minutes, by).save(update_fields=["summary", "drafted_by", "updated"])
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
        raise MeetingError(_("Choose a later meeting of the same body."))
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_at = timezone.now()
    minutes.approved_by = _person(by)
    minutes.approved_at_meeting = at_meeting
    _changed_by(minutes, by).save(
        update_fields=["status", "approved_at", "approved_by", "approved_at_meeting", "updated"]
    )
    record_activity(by=by, verb="minutes.approved", target=meeting, public=_is_public(meeting))
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
) -> Decision:
    """Record a decision with its consensus level, as determined by the chair.

    "No consensus" must record the range of views held. Side effects: activity entry.
    """
    if consensus not in ConsensusLevel.values:
        raise MeetingError(_("Choose a consensus level."))
    if consensus == ConsensusLevel.NO_CONSENSUS and not range_of_views.strip():
        raise MeetingError(_("Without consensus, record the range of views that were held."))
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise MeetingError(_("Choose an item of this meeting's agenda."))
    decision = Decision.objects.create(
        meeting=meeting,
        agenda_item=agenda_item,
        text=text.strip(),
        consensus=consensus,
        range_of_views=range_of_views.strip(),
        determined_by=determined_by or _person(by),
        recorded_by=by,
    )
    record_activity(by=by, verb="decision.recorded", target=decision, public=_is_public(meeting))
    return decision


@transaction.atomic
def object_to_decision(*, by: User, decision: Decision, text: str, named: bool) -> Objection:
    """Note an objection or minority view; the objector chooses whether it carries their name.

    Side effects: one private activity entry.
    """
    objection = Objection.objects.create(
        decision=decision, person=_person(by), text=text.strip(), named=named
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
        raise MeetingError(_("Choose a decision of this meeting."))
    action = ActionItem.objects.create(
        meeting=meeting,
        body=meeting.body,
        decision=decision,
        title=title.strip(),
        owner=owner,
        due=due,
    )
    record_activity(by=by, verb="action.added", target=action, public=_is_public(meeting))
    return action


@transaction.atomic
def update_action_item(
    *, by: User, action: ActionItem, status: str, note: str = "", due: date | None = None
) -> ActionItem:
    """Change an action item's status, note or due date. Side effects: activity entry."""
    if status not in ActionStatus.values:
        raise MeetingError(_("Choose a status."))
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
        _changed_by(action, by).save(update_fields=changed)
        record_activity(
            by=by,
            verb="action.updated",
            target=action,
            public=_is_public(action.meeting),
            data={"status": action.status},
        )
    return action


# --- Consultations: written inputs ------------------------------------------------------------


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
        author=_person(by),
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


# --- Recordings and transcripts ---------------------------------------------------------------


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
    record_activity(by=by, verb="transcript.attached", target=meeting, public=_is_public(meeting))
    return transcript


# --- Calendars --------------------------------------------------------------------------------


def calendar_feed_of(person: Person) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(person=person)
    return feed


@transaction.atomic
def reset_calendar_feed(*, by: User, person: Person) -> CalendarFeed:
    """Give the person a new secret calendar address; the old one stops working.

    Side effects: one private activity entry.
    """
    CalendarFeed.objects.filter(person=person).delete()
    feed = CalendarFeed.objects.create(person=person)
    record_activity(by=by, verb="calendar.reset", target=None)
    return feed


# --- E-mail -----------------------------------------------------------------------------------


def language_of(person: Person) -> str:
    """The language to write to a person in: the first of theirs the platform speaks."""
    codes = {code for code, _name in settings.LANGUAGES}
    return next((c for c in person.languages if c in codes), settings.LANGUAGE_CODE)


def email_person(person: Person, template: str, context: Mapping[str, Any]) -> bool:
    """Write to one person in their language, with times in their zone. Queued, not sent."""
    user = person.user
    if person.erased is not None or not user.is_active or not user.email:
        return False
    with translation.override(language_of(person)), timezone.override(zone(person.timezone)):
        full = {**context, "person": person, "site_url": site_url()}
        subject = " ".join(render_to_string(f"{template}_subject.txt", full).split())
        body = render_to_string(f"{template}.txt", full)
    send_mail(subject, body, None, [user.email])
    return True


def participants_of(meeting: Meeting) -> list[Person]:
    """Everyone expected or registered: current members (seats and roles) and observers."""
    people: dict[int, Person] = {}
    if meeting.body_id is not None:
        for membership in (
            Membership.objects.current(meeting.start.date())
            .filter(body_id=meeting.body_id)
            .select_related("person__user")
        ):
            people[membership.person_id] = membership.person
    for registration in meeting.registrations.select_related("person__user"):
        people[registration.person_id] = registration.person
    return list(people.values())


def notify_about(*, meeting: Meeting, kind: str) -> int:
    """E-mail a meeting's participants: "changed", "cancelled", "agenda" (members only)."""
    recipients = participants_of(meeting)
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
        sent += email_person(person, f"meetings/email/{kind}", {"meeting": meeting, "items": items})
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
            for person in participants_of(meeting):
                if person.pk not in excused:
                    sent += email_person(person, "meetings/email/reminder", {"meeting": meeting})
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
            sent += email_person(owner, "meetings/email/overdue", {"actions": actions})
    return sent


def expected_members(meeting: Meeting) -> list[Membership]:
    """The seats expected at a meeting: memberships current on its day with a seat role."""
    if meeting.body_id is None:
        return []
    return list(
        Membership.objects.current(meeting.start.date())
        .filter(body_id=meeting.body_id, role__in=SEAT_ROLES)
        .select_related("person")
        .order_by("person__display_name", "pk")
    )
