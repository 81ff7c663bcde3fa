"""Reads about meetings, filtered by what the viewer may see."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from igf.bodies.models import Body, Membership
from igf.bodies.queries import seat_roles
from igf.conduct.queries import hidden_ids
from igf.core.enums import StakeholderGroup
from igf.core.rules import is_secretariat, reads_personal_data
from igf.meetings import clock
from igf.meetings.enums import OPEN_ACTION_STATUSES, PRESENT, AttendanceStatus, MeetingStatus
from igf.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    CalendarFeed,
    Cue,
    Decision,
    Meeting,
    Objection,
    ObserverRegistration,
    Transcript,
    WrittenInput,
)
from igf.meetings.rules import roles_of
from igf.people.models import Person, Viewer

ATTENDANCE_PERIOD = timedelta(days=365)


def _record_visible(user: Viewer) -> Q:
    """Meetings whose record (minutes, decisions, transcripts) the viewer may read."""
    if is_secretariat(user):
        return Q()
    mine = list(roles_of(user))
    return Q(open_to_observers=True) | Q(body__isnull=True) | Q(body_id__in=mine)


def meetings() -> QuerySet[Meeting]:
    """Every meeting is listed publicly (title, time, body); what is inside depends on rules."""
    return Meeting.objects.select_related("body__type")


def meeting_list(
    *, body: Body | None = None, past: bool = False, consultations: bool = False
) -> QuerySet[Meeting]:
    now = timezone.now()
    found = meetings()
    if body is not None:
        found = found.filter(body=body)
    elif consultations:
        found = found.filter(body__isnull=True)
    if past:
        return found.filter(end__lte=now).order_by("-start", "-pk")
    return found.filter(end__gt=now).order_by("start", "pk")


def get_meeting(pk: int) -> Meeting:
    """The meeting (every meeting is listed publicly), or Http404."""
    try:
        return meetings().select_related("agenda_approved_by").get(pk=pk)
    except Meeting.DoesNotExist as error:
        raise Http404 from error


def get_recorded_meeting(pk: int, *, viewer: Viewer) -> Meeting:
    """The meeting when the viewer may read its record (history, minutes), else Http404.

    A closed meeting's record is not refused but hidden, as its decisions and transcripts are.
    """
    meeting = get_meeting(pk)
    if not Meeting.objects.filter(_record_visible(viewer), pk=meeting.pk).exists():
        raise Http404
    return meeting


def get_body(slug: str) -> Body:
    try:
        return Body.objects.select_related("type").get(slug=slug)
    except Body.DoesNotExist as error:
        raise Http404 from error


def get_agenda_item(meeting: Meeting, pk: int) -> AgendaItem:
    """An item of this meeting's agenda (not another meeting's), or Http404."""
    try:
        return meeting.agenda_items.get(pk=pk)
    except AgendaItem.DoesNotExist as error:
        raise Http404 from error


def agenda(meeting: Meeting) -> list[AgendaItem]:
    return list(meeting.agenda_items.order_by("order", "pk"))


def actions_for_review(meeting: Meeting) -> list[ActionItem]:
    """Action items of the body from earlier meetings still open when this meeting starts.

    They make the agenda's "review of action items" until they are done.
    """
    if meeting.body_id is None:
        return []
    return list(
        ActionItem.objects.filter(body_id=meeting.body_id, meeting__start__lt=meeting.start)
        .filter(Q(status__in=OPEN_ACTION_STATUSES) | Q(completed_at__gt=meeting.start))
        .select_related("owner", "meeting")
        .order_by("due", "pk")
    )


def actions_of(meeting: Meeting) -> list[ActionItem]:
    return list(meeting.action_items.select_related("owner", "decision").order_by("pk"))


def decisions_of(meeting: Meeting) -> list[Decision]:
    return list(
        meeting.decisions.select_related("agenda_item", "determined_by")
        .prefetch_related(
            Prefetch("objections", queryset=_objections()),
            "action_items__owner",
        )
        .order_by("pk")
    )


def _objections() -> QuerySet[Objection]:
    return Objection.objects.select_related("person").order_by("created", "pk")


def attendance_of(meeting: Meeting) -> list[Attendance]:
    return list(meeting.attendance.select_related("person").order_by("person__display_name"))


def listed_observers(meeting: Meeting) -> list[ObserverRegistration]:
    return list(
        meeting.registrations.filter(listed=True, person__erased__isnull=True)
        .select_related("person")
        .order_by("person__display_name", "pk")
    )


def observer_count(meeting: Meeting) -> int:
    return meeting.registrations.count()


def registration_of(meeting: Meeting, user: Viewer) -> ObserverRegistration | None:
    if not user.is_authenticated:
        return None
    return meeting.registrations.filter(person__user=user).first()


def apologies_of(meeting: Meeting, user: Viewer) -> Attendance | None:
    if not user.is_authenticated:
        return None
    return meeting.attendance.filter(person__user=user, status=AttendanceStatus.APOLOGIES).first()


def written_inputs(meeting: Meeting, user: Viewer) -> list[WrittenInput]:
    inputs = meeting.inputs.select_related("author").exclude(pk__in=hidden_ids(WrittenInput))
    if not reads_personal_data(user):  # hidden inputs: the secretariat, with its second factor
        inputs = inputs.filter(hidden=False)
    return list(inputs.order_by("submitted", "pk"))


def transcripts_of(meeting: Meeting) -> list[Transcript]:
    return list(meeting.transcripts.annotate(cue_count=Count("cues")).order_by("language"))


def get_transcript(pk: int, *, viewer: Viewer) -> Transcript:
    """A transcript of a meeting whose record the viewer may read, else Http404."""
    try:
        transcript = Transcript.objects.select_related("meeting__body").get(pk=pk)
    except Transcript.DoesNotExist as error:
        raise Http404 from error
    if not Meeting.objects.filter(_record_visible(viewer), pk=transcript.meeting_id).exists():
        raise Http404
    return transcript


def get_decision(pk: int, *, viewer: Viewer) -> Decision:
    """A decision of a meeting whose record the viewer may read, else Http404."""
    try:
        decision = (
            Decision.objects.filter(Q(pk=pk))
            .select_related("meeting__body__type", "agenda_item", "determined_by")
            .get()
        )
    except Decision.DoesNotExist as error:
        raise Http404 from error
    if not Meeting.objects.filter(_record_visible(viewer), pk=decision.meeting_id).exists():
        raise Http404
    return decision


def get_action(pk: int) -> ActionItem:
    try:
        return ActionItem.objects.select_related("meeting__body", "owner", "decision").get(pk=pk)
    except ActionItem.DoesNotExist as error:
        raise Http404 from error


def get_written_input(pk: int) -> WrittenInput:
    try:
        return WrittenInput.objects.select_related("meeting").get(pk=pk)
    except WrittenInput.DoesNotExist as error:
        raise Http404 from error


def get_calendar_owner(token: str) -> Person:
    """The person whose secret calendar address this is, while they are with the forum."""
    try:
        feed = CalendarFeed.objects.select_related("person__user").get(token=token)
    except CalendarFeed.DoesNotExist as error:
        raise Http404 from error
    person = feed.person
    if person.erased is not None or not person.user.is_active:
        raise Http404
    return person


def decision_register(
    user: Viewer, body: Body, *, search: str = "", consensus: str = ""
) -> QuerySet[Decision]:
    """A body's decisions, newest first, searchable in their text and range of views."""
    visible = Meeting.objects.filter(_record_visible(user), body=body)
    decisions = Decision.objects.filter(meeting__in=visible).select_related(
        "meeting", "agenda_item"
    )
    if search:
        decisions = decisions.filter(
            Q(text__icontains=search)
            | Q(range_of_views__icontains=search)
            | Q(agenda_item__title__icontains=search)
        )
    if consensus:
        decisions = decisions.filter(consensus=consensus)
    return decisions.annotate(objection_count=Count("objections")).order_by("-meeting__start", "pk")


def body_actions(body: Body, *, status: str = "") -> QuerySet[ActionItem]:
    actions = ActionItem.objects.filter(body=body).select_related("owner", "meeting")
    if status == "open":
        actions = actions.still_open()
    elif status == "overdue":
        actions = actions.overdue()
    elif status:
        actions = actions.filter(status=status)
    return actions.order_by("due", "pk")


def search_transcripts(user: Viewer, search: str, *, limit: int = 50) -> list[Cue]:
    """Cues whose text or speaker matches, in meetings whose record the viewer may read."""
    if not search:
        return []
    visible = Meeting.objects.filter(_record_visible(user))
    return list(
        Cue.objects.filter(transcript__meeting__in=visible)
        .filter(Q(text__icontains=search) | Q(speaker__icontains=search))
        .select_related("transcript__meeting")
        .order_by("-transcript__meeting__start", "transcript_id", "position")[:limit]
    )


def expected_members(meeting: Meeting) -> list[Membership]:
    """The seats expected at a meeting: memberships current on its day with a seat role."""
    if meeting.body_id is None:
        return []
    return list(
        Membership.objects.current(meeting.start.date())
        .filter(body_id=meeting.body_id, role__in=seat_roles(meeting.body))
        .select_related("person")
        .order_by("person__display_name", "pk")
    )


def why_not_expected(meeting: Meeting, user: Viewer) -> str | None:
    """Why a member of the body is not expected at this meeting: their term ends before it,
    or starts after it. None when they are expected or hold no seat at all."""
    if meeting.body_id is None or not user.is_authenticated:
        return None
    day = meeting.start.date()
    terms = list(
        Membership.objects.filter(
            body_id=meeting.body_id, person__user=user, role__in=seat_roles(meeting.body)
        ).order_by("start")
    )
    if not terms or any(t.start <= day and (t.end is None or t.end >= day) for t in terms):
        return None
    earlier = [t for t in terms if t.end is not None and t.end < day]
    if earlier:
        end = max(t.end for t in earlier if t.end is not None)
        when = date_format(end, "DATE_FORMAT")
        if end < timezone.localdate():
            return _("Your term ended on %(date)s, so you are not expected at this meeting.") % {
                "date": when
            }
        return _(
            "Your term ends on %(date)s, before this meeting, so you are not expected at it."
        ) % {"date": when}
    start = min(t.start for t in terms if t.start > day)
    return _("Your term starts on %(date)s, after this meeting, so you are not expected at it.") % {
        "date": date_format(start, "DATE_FORMAT")
    }


def attendance_not_yet(meeting: Meeting) -> str:
    """Why attendance cannot be recorded yet: the meeting has not started."""
    return _(
        "Attendance is recorded once the meeting has started (%(start)s); members who cannot "
        "come send their apologies from the meeting page."
    ) % {"start": date_format(timezone.localtime(meeting.start), "DATETIME_FORMAT")}


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


def member_zones(meeting: Meeting) -> list[str]:
    """Profile time zones of the body's current members ("" when not chosen)."""
    if meeting.body_id is None:
        return []
    return list(
        Membership.objects.current()
        .filter(body_id=meeting.body_id, role__in=seat_roles(meeting.body))
        .values_list("person__timezone", flat=True)
    )


def night_report(meeting: Meeting) -> clock.NightReport | None:
    zones = member_zones(meeting)
    if not zones:
        return None
    return clock.night_report(meeting.start, meeting.end, zones)


@dataclass(frozen=True)
class MemberAttendance:
    person: Person
    role: str
    expected: int
    present: int
    apologies: int

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


def _held_meetings(body: Body, since: datetime, now: datetime) -> list[Meeting]:
    return list(
        Meeting.objects.filter(
            body=body, start__gte=since, start__lte=now, status=MeetingStatus.SCHEDULED
        ).only("pk", "start")
    )


def attendance_rates(body: Body, *, now: datetime | None = None) -> list[MemberAttendance]:
    """Each current member's attendance over the last 12 months, meetings of their term only."""
    now = now or timezone.now()
    held = _held_meetings(body, now - ATTENDANCE_PERIOD, now)
    memberships = list(
        Membership.objects.current(now.date())
        .filter(body=body, role__in=seat_roles(body))
        .select_related("person")
        .order_by("person__display_name", "pk")
    )
    # All terms of the current members, so a renewed member's earlier term counts too.
    terms: dict[int, list[tuple[date, date | None]]] = {}
    for person_id, start, end in Membership.objects.filter(
        body=body, person_id__in=[m.person_id for m in memberships], role__in=seat_roles(body)
    ).values_list("person_id", "start", "end"):
        terms.setdefault(person_id, []).append((start, end))
    statuses = {
        (a["meeting_id"], a["person_id"]): a["status"]
        for a in Attendance.objects.filter(meeting__in=[m.pk for m in held]).values(
            "meeting_id", "person_id", "status"
        )
    }
    rows = []
    for membership in memberships:
        expected = present = apologies = 0
        for meeting in held:
            day = meeting.start.date()
            if not any(
                s <= day and (e is None or e >= day) for s, e in terms[membership.person_id]
            ):
                continue
            expected += 1
            status = statuses.get((meeting.pk, membership.person_id))
            present += status in PRESENT
            apologies += status == AttendanceStatus.APOLOGIES
        rows.append(
            MemberAttendance(
                person=membership.person,
                role=membership.get_role_display(),
                expected=expected,
                present=present,
                apologies=apologies,
            )
        )
    return rows


@dataclass(frozen=True)
class GroupAttendance:
    group: str
    label: str
    expected: int
    present: int

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


def attendance_by_group(body: Body, *, now: datetime | None = None) -> list[GroupAttendance]:
    """Attendance over the last 12 months by the stakeholder group of the seat (no names)."""
    now = now or timezone.now()
    held = _held_meetings(body, now - ATTENDANCE_PERIOD, now)
    if not held:
        return []
    seats = list(
        Membership.objects.filter(body=body, role__in=seat_roles(body)).values_list(
            "person_id", "start", "end", "stakeholder_group", "person__stakeholder_group"
        )
    )
    statuses = {
        (meeting_id, person_id): status
        for meeting_id, person_id, status in Attendance.objects.filter(
            meeting__in=[m.pk for m in held]
        ).values_list("meeting_id", "person_id", "status")
    }
    expected: Counter[str] = Counter()
    present: Counter[str] = Counter()
    for meeting in held:
        day = meeting.start.date()
        for person_id, start, end, seat_group, own_group in seats:
            if start <= day and (end is None or end >= day):
                group = seat_group or own_group or ""
                expected[group] += 1
                present[group] += statuses.get((meeting.pk, person_id)) in PRESENT
    labels = dict(StakeholderGroup.choices)
    order = [*StakeholderGroup.values, ""]
    return [
        GroupAttendance(
            group=group,
            label=str(labels.get(group, "")),
            expected=expected[group],
            present=present[group],
        )
        for group in order
        if expected[group]
    ]


def consultations_in(year: int) -> list[Meeting]:
    return list(Meeting.objects.filter(body__isnull=True, start__year=year).order_by("start", "pk"))


def personal_meetings(person: Person, *, since: datetime | None = None) -> QuerySet[Meeting]:
    """Meetings of the bodies the person sits in now, and those they registered for."""
    since = since or timezone.now() - timedelta(days=90)
    bodies = Membership.objects.current().filter(person=person).values("body_id")
    return (
        meetings()
        .filter(Q(body_id__in=bodies) | Q(registrations__person=person))
        .filter(end__gte=since)
        .distinct()
        .order_by("start", "pk")
    )


def open_actions_of(person: Person) -> list[ActionItem]:
    return list(
        ActionItem.objects.still_open()
        .filter(owner=person)
        .select_related("meeting", "body")
        .order_by("due", "pk")
    )


def upcoming_public(limit: int = 3) -> list[Meeting]:
    """The next meetings open to observers, for the home page."""
    return list(
        meetings()
        .filter(
            Q(open_to_observers=True) | Q(body__isnull=True),
            status=MeetingStatus.SCHEDULED,
            end__gt=timezone.now(),
        )
        .order_by("start", "pk")[:limit]
    )


def bodies_with_meetings() -> QuerySet[Body]:
    return Body.objects.filter(meetings__isnull=False).distinct().select_related("type")
