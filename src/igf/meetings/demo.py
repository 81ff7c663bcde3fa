"""Demo meetings: a year of monthly calls of the MAG and the BPFs, and open consultations.

Called by `manage.py seed_demo` after the bodies app's demo. Without a body of type `mag`
(the bodies demo not yet run) it does nothing. Meetings are keyed on body and title, so a
second run finds them and changes nothing.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from igf.bodies.enums import Role
from igf.bodies.models import Body, Membership
from igf.core.demo import DemoAccount, DemoContext
from igf.meetings import transcripts
from igf.meetings.enums import (
    ActionStatus,
    AgendaStatus,
    AttendanceStatus,
    ConsensusLevel,
    MinutesStatus,
)
from igf.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Cue,
    Decision,
    Meeting,
    Minutes,
    Objection,
    ObserverRegistration,
    Transcript,
    WrittenInput,
)
from igf.people.models import Person

MONTHS_BACK = 9
MONTHS_AHEAD = 3

AGENDA = (
    ("Adoption of the agenda", 5),
    ("Review of the work plan", 30),
    ("Progress of the draft output", 40),
    ("Outreach and community engagement", 20),
    ("Any other business", 10),
)
MAG_AGENDA = (
    ("Adoption of the agenda", 5),
    ("Update from the Secretariat", 15),
    ("Evaluation of workshop proposals", 45),
    ("Main sessions and themes of the annual meeting", 40),
    ("Intersessional work: BPFs and Policy Networks", 15),
    ("Any other business", 5),
)
DECISIONS = (
    (ConsensusLevel.CONSENSUS, "The group adopts the work plan for the coming quarter.", ""),
    (
        ConsensusLevel.ROUGH_CONSENSUS,
        "The draft output is published for public comment for four weeks.",
        "",
    ),
    (
        ConsensusLevel.NO_CONSENSUS,
        "Whether to hold an in-person session at the annual meeting.",
        "Some members favoured an in-person workshop to reach new participants; others "
        "preferred an online-only session so that members from the Global South without "
        "travel support can take part on an equal footing.",
    ),
    (ConsensusLevel.DEFERRED, "The proposal to merge two sub-groups is taken up next month.", ""),
)
ACTIONS = (
    "Circulate the revised draft to the mailing list",
    "Prepare a summary of public comments",
    "Invite speakers from underrepresented regions",
    "Update the page on the forum's website",
    "Contact the national and regional initiatives for input",
    "Draft the session description",
)
TRANSCRIPT = """WEBVTT

00:00:04.000 --> 00:00:09.000
<v Chair>Good afternoon, good morning and good evening to everyone joining us.

00:00:09.000 --> 00:00:15.500
<v Chair>Let us start with the adoption of the agenda. Are there any comments?

00:00:21.000 --> 00:00:27.000
<v Secretariat>No requests for the floor. The agenda is adopted.

00:00:27.500 --> 00:00:36.000
<v Member>Thank you. On the draft output, we received comments from three regions.
"""


def _month(today: date, offset: int) -> date:
    month_index = today.year * 12 + today.month - 1 + offset
    return date(month_index // 12, month_index % 12 + 1, 15)


def _leads_and_members(body: Body) -> tuple[list[Person], list[Person], list[Person]]:
    memberships = list(Membership.objects.current().filter(body=body).select_related("person"))
    leads = [m.person for m in memberships if body.type.leads(m.role)]
    seats = [m.person for m in memberships if body.type.holds_seat(m.role)]
    rapporteurs = [
        m.person for m in memberships if m.role in (Role.RAPPORTEUR, Role.SECRETARIAT_LIAISON)
    ]
    return leads, seats, rapporteurs


def _meetings_of(body: Body, rng: random.Random, today: date, now: datetime) -> int:
    leads, seats, rapporteurs = _leads_and_members(body)
    chair = leads[0] if leads else (seats[0] if seats else None)
    agenda = MAG_AGENDA if body.type.slug == "mag" else AGENDA
    created = 0
    previous: Meeting | None = None
    for offset in range(-MONTHS_BACK, MONTHS_AHEAD + 1):
        day = _month(today, offset)
        title = f"{body.acronym or body.name}: monthly call, {day:%B %Y}"
        existing = Meeting.objects.filter(body=body, title=title).first()
        if existing is not None:
            previous = existing
            continue
        start = datetime(day.year, day.month, day.day, 13 if offset % 2 else 7, 0, tzinfo=UTC)
        meeting = Meeting.objects.create(
            body=body,
            title=title,
            start=start,
            end=start + timedelta(hours=2),
            timezone="Europe/Zurich",
            online_url=f"https://meet.example.org/{body.slug}-{day:%Y-%m}",
            dial_in="+41 22 917 00 00, code 4821#",
            interpretation_languages=["fr", "es"] if body.type.slug == "mag" else [],
            captioning_languages=["en"],
            open_to_observers=body.type.meetings_open_by_default,
            recording_url=(
                f"https://video.example.org/{body.slug}-{day:%Y-%m}.mp4" if start < now else ""
            ),
        )
        created += 1
        items = [
            AgendaItem.objects.create(
                meeting=meeting,
                order=n,
                title=item_title,
                minutes_allotted=minutes,
                presenter=chair.public_name if chair and n == 1 else "",
            )
            for n, (item_title, minutes) in enumerate(agenda, start=1)
        ]
        upcoming = start > now
        if not upcoming or offset < MONTHS_AHEAD:
            meeting.agenda_status = AgendaStatus.APPROVED
            # Approved a week before the meeting, or just now for one sooner: never after
            # the meeting has started, never in the future.
            approved = min(start - timedelta(days=7), now - timedelta(hours=1))
            meeting.agenda_circulated_at = approved - timedelta(days=7)
            meeting.agenda_approved_at = approved
            meeting.agenda_approved_by = chair
        else:
            meeting.agenda_status = AgendaStatus.DRAFT
        meeting.save(
            update_fields=[
                "agenda_status", "agenda_circulated_at", "agenda_approved_at",
                "agenda_approved_by",
            ]
        )  # fmt: skip
        if not upcoming:
            _record(meeting, items, previous, chair, seats, rapporteurs, rng, offset, today)
        else:
            for person in seats:
                if rng.random() < 0.1:
                    Attendance.objects.get_or_create(
                        meeting=meeting,
                        person=person,
                        defaults={"status": AttendanceStatus.APOLOGIES},
                    )
        previous = meeting
    return created


def _record(  # noqa: PLR0917 - one call site, in order of the story
    meeting: Meeting,
    items: list[AgendaItem],
    previous: Meeting | None,
    chair: Person | None,
    seats: list[Person],
    rapporteurs: list[Person],
    rng: random.Random,
    offset: int,
    today: date,
) -> None:
    """Attendance, minutes, decisions and action items of a meeting that took place."""
    for person in seats:
        present = rng.choices(
            [
                AttendanceStatus.PRESENT_ONLINE,
                AttendanceStatus.PRESENT_ONSITE,
                AttendanceStatus.APOLOGIES,
                AttendanceStatus.ABSENT,
            ],
            weights=(70, 8, 14, 8),
            k=1,
        )[0]
        Attendance.objects.create(meeting=meeting, person=person, status=present)
    for n, item in enumerate(items):
        item.minutes = (
            f"The chair introduced the item. Members discussed it; the rapporteur noted "
            f"{rng.randint(3, 9)} interventions from across stakeholder groups."
            if n
            else "The agenda was adopted without changes."
        )
        item.save(update_fields=["minutes"])
    last_month = offset == -1
    Minutes.objects.create(
        meeting=meeting,
        summary="The meeting reviewed progress and agreed next steps, recorded below.",
        status=MinutesStatus.DRAFT if last_month else MinutesStatus.APPROVED,
        drafted_by=rapporteurs[0] if rapporteurs else chair,
        approved_by=None if last_month else chair,
        approved_at=None if last_month else meeting.end + timedelta(days=10),
    )
    level, text, views = DECISIONS[(offset + MONTHS_BACK) % len(DECISIONS)]
    decision = Decision.objects.create(
        meeting=meeting,
        agenda_item=items[2] if len(items) > 2 else None,
        text=text,
        consensus=level,
        range_of_views=views,
        determined_by=chair,
    )
    if level == ConsensusLevel.ROUGH_CONSENSUS and seats:
        Objection.objects.create(
            decision=decision,
            person=seats[-1],
            text="The comment period is too short for national initiatives to respond.",
            named=rng.random() < 0.5,
        )
    months_ago = -offset
    owners = seats or ([chair] if chair else [])
    for n in range(2):
        title = ACTIONS[(offset + MONTHS_BACK + n) % len(ACTIONS)]
        due = meeting.start.date() + timedelta(days=21)
        # Old items are mostly done; recent ones open or in progress; some overdue.
        status: str
        if months_ago > 4:
            status = (ActionStatus.DONE, ActionStatus.DROPPED)[n % 2] if n else ActionStatus.DONE
        elif months_ago > 1:
            status = (ActionStatus.IN_PROGRESS, ActionStatus.OPEN)[n]
        else:
            status = ActionStatus.OPEN
        ActionItem.objects.create(
            meeting=meeting,
            body=meeting.body,
            decision=decision if n == 0 else None,
            title=title,
            owner=owners[(offset + n) % len(owners)] if owners else None,
            due=due,
            status=status,
            completed_at=(
                meeting.start + timedelta(days=15)
                if status in (ActionStatus.DONE, ActionStatus.DROPPED)
                else None
            ),
            note="Done and reported to the group." if status == ActionStatus.DONE else "",
        )
    if previous is not None and offset == -2 and meeting.body and meeting.body.type.slug == "mag":
        _transcript(meeting)


def _transcript(meeting: Meeting) -> None:
    transcript = Transcript.objects.create(meeting=meeting, language="en", source_format="webvtt")
    cues = transcripts.rows(transcripts.parse_webvtt(TRANSCRIPT))
    Cue.objects.bulk_create(Cue(transcript=transcript, **row) for row in cues)


def _consultations(today: date, now: datetime, rng: random.Random) -> None:
    people = list(Person.objects.filter(erased__isnull=True).order_by("pk")[:40])
    plans = (
        (f"First open consultation and MAG meeting {today.year}", _month(today, -8), True),
        (f"Second open consultation {today.year}", _month(today, 1), True),
        (f"Open consultation on the annual meeting's themes {today.year}", _month(today, 2), False),
    )
    for title, day, online in plans:
        if Meeting.objects.filter(body__isnull=True, title=title).exists():
            continue
        start = datetime(day.year, day.month, day.day, 12, 0, tzinfo=UTC)
        meeting = Meeting.objects.create(
            body=None,
            title=title,
            description="Open to everyone. Written inputs sent before the meeting are "
            "published here and summarised by the Secretariat.",
            start=start,
            end=start + timedelta(hours=3),
            timezone="Europe/Zurich",
            online_url=f"https://meet.example.org/oc-{day:%Y-%m}" if online else "",
            venue="" if online else "Palais des Nations, Geneva",
            interpretation_languages=["ar", "zh-hans", "fr", "ru", "es"],
            captioning_languages=["en"],
            open_to_observers=True,
            agenda_status=AgendaStatus.APPROVED,
        )
        AgendaItem.objects.create(meeting=meeting, order=1, title="Welcome and introduction")
        AgendaItem.objects.create(meeting=meeting, order=2, title="Open floor: inputs")
        for person in rng.sample(people, k=min(12, len(people))):
            ObserverRegistration.objects.get_or_create(
                meeting=meeting, person=person, defaults={"listed": rng.random() < 0.7}
            )
        for person in people[:3]:
            WrittenInput.objects.create(
                meeting=meeting,
                author=person,
                title="Youth participation in the programme",
                text="We ask the MAG to keep at least one session led by young people.",
            )


def seed(context: DemoContext) -> list[DemoAccount]:
    """Seed the meetings of the MAG and the BPFs, if the bodies demo has created them."""
    mag_bodies = Body.objects.filter(type__slug="mag")
    if not mag_bodies.exists():
        return []
    rng = random.Random(context.seed + 40)
    now = timezone.now()
    today = timezone.localdate()
    with transaction.atomic():
        for body in [*mag_bodies, *Body.objects.filter(type__slug="bpf").order_by("slug")]:
            _meetings_of(body, rng, today, now)
        _consultations(today, now, rng)
    return []
