"""The schedules of the demo forum, built on the programme's demo meetings and sessions.

IGF 2026: the venue's rooms, slot grids, two tracks, the MAG's main sessions each prepared by
two workshops, open forums, Dynamic Coalition and NRI sessions beside the accepted proposals;
placed by the solver, published, then changed and published again; registrations and a
participant's agenda with a clash. IGF 2025: a small published schedule in the past.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from faker import Faker

from igf.bodies.models import Membership
from igf.core.demo import DemoAccount, DemoContext
from igf.core.enums import Gender, StakeholderGroup
from igf.core.models import Country
from igf.people.models import Person, User
from igf.programme.demo import demo_years
from igf.programme.enums import Attendance, ParticipantRole, SessionKind
from igf.programme.models import AnnualMeeting, Session, SessionPerson, Track
from igf.schedule import queries, services
from igf.schedule.models import Registration, Room, ScheduleRelease, Slot, SolverRun, Star
from igf.translations import seeding as translations_demo

ROOMS = (
    ("Plenary Hall", 1200, True, 6),
    ("Workshop Room 1", 300, True, 2),
    ("Workshop Room 2", 250, True, 1),
    ("Workshop Room 3", 150, True, 0),
    ("Workshop Room 4", 150, True, 0),
    ("Open Forum Room", 120, True, 1),
    ("Room of the Regions", 100, True, 0),
    ("Village Stage", 60, False, 0),
)
GRIDS = (
    ("60 minutes", 60, ("09:00", "10:15", "11:30", "13:30", "14:45", "16:00", "17:15"),
     (SessionKind.WORKSHOP, SessionKind.OPEN_FORUM, SessionKind.TOWN_HALL,
      SessionKind.DYNAMIC_COALITION, SessionKind.NETWORKING)),
    ("90 minutes", 90, ("09:00", "11:00", "14:00", "16:00"),
     (SessionKind.WORKSHOP, SessionKind.DYNAMIC_COALITION, SessionKind.BPF_PN, SessionKind.NRI)),
    ("Main sessions", 120, ("10:00", "15:00"), (SessionKind.MAIN,)),
    ("Launches and awards", 30, ("12:30", "13:00", "18:30"), (SessionKind.LAUNCH_AWARD,)),
    ("Lightning talks", 20, ("12:30", "12:50", "13:10"), (SessionKind.LIGHTNING_TALK,)),
)  # fmt: skip
DAY_ZERO_GRID = ("Day 0", 120, ("10:00", "14:00", "16:30"))
MAIN_SESSIONS = (
    "Opening: an Internet for everyone, everywhere",
    "Artificial intelligence: who sets the rules?",
    "Connecting the next billion: financing and policy",
    "Human rights online in times of crisis",
    "The future of the IGF and the WSIS+20 review",
    "Closing: messages of the forum",
)
EXTRA_SESSIONS = (
    (SessionKind.OPEN_FORUM, "Open Forum: {topic} — the view of national regulators", 60),
    (SessionKind.OPEN_FORUM, "Open Forum: an intergovernmental agenda on {topic}", 60),
    (SessionKind.DYNAMIC_COALITION, "Dynamic Coalition session: {topic}", 90),
    (SessionKind.NRI, "NRI collaborative session: {topic} across regions", 90),
    (SessionKind.TOWN_HALL, "Town hall: {topic}", 60),
    (SessionKind.WORKSHOP, "Youth workshop: {topic}", 60),
    (SessionKind.WORKSHOP, "Parliamentary roundtable: {topic}", 90),
)
TOPICS = (
    "community networks", "AI in public services", "data flows", "child safety online",
    "multilingual content", "submarine cables", "digital public infrastructure",
    "open source in government", "election integrity", "e-waste", "platform accountability",
    "small island states' cybersecurity", "accessible e-government", "satellite broadband",
    "digital identity", "IPv6", "encryption", "online gender-based violence",
    "data protection in Africa", "green computing",
)  # fmt: skip


def _at(meeting: AnnualMeeting, day: date, hhmm: str) -> datetime:
    hours, minutes = (int(x) for x in hhmm.split(":"))
    return datetime.combine(day, time(hours, minutes), tzinfo=meeting.zone).astimezone(UTC)


def _rooms(meeting: AnnualMeeting, rooms: Sequence[tuple[str, int, bool, int]]) -> None:
    Room.objects.bulk_create(
        Room(
            meeting=meeting,
            name=name,
            capacity=seats,
            hybrid=hybrid,
            interpretation_booths=booths,
            captioning=hybrid,
            order=order,
        )
        for order, (name, seats, hybrid, booths) in enumerate(rooms)
    )


def _grids(meeting: AnnualMeeting, by: User, days: list[date], day_zero: date | None) -> None:
    types = {t.kind: t for t in meeting.session_types.all()}
    for name, minutes, starts, kinds in GRIDS:
        services.add_grid(
            by=by,
            meeting=meeting,
            name=name,
            duration=minutes,
            session_types=[types[k] for k in kinds if k in types],
            days=days,
            starts=[time(int(s[:2]), int(s[3:5])) for s in starts],
        )
    if day_zero is not None and SessionKind.DAY_ZERO in types:
        name, minutes, starts = DAY_ZERO_GRID
        services.add_grid(
            by=by,
            meeting=meeting,
            name=name,
            duration=minutes,
            session_types=[types[SessionKind.DAY_ZERO]],
            days=[day_zero],
            starts=[time(int(s[:2]), int(s[3:5])) for s in starts],
        )


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.fake = Faker(["en_GB", "fr_FR", "es_ES", "ar_AA", "zh_CN", "pt_BR", "sw"])
        self.fake.seed_instance(rng.randint(0, 10**6))
        self.countries = list(Country.objects.filter(status="member").order_by("iso2"))

    def row(
        self, session: Session, role: str, order: int, person: Person | None = None
    ) -> SessionPerson:
        rng = self.rng
        online = role == ParticipantRole.SPEAKER and rng.random() < 0.25
        country = (
            person.country if person is not None and person.country else rng.choice(self.countries)
        )
        return SessionPerson(
            session=session,
            role=role,
            person=person,
            name=person.display_name if person is not None else self.fake.name(),
            email="" if person is not None else f"guest{session.pk}-{order}@example.net",
            organization_name=self.fake.company(),
            stakeholder_group=(person.stakeholder_group if person is not None else "")
            or rng.choice(StakeholderGroup.values),
            country=country,
            gender=rng.choice(
                [Gender.WOMAN, Gender.MAN, Gender.WOMAN, Gender.MAN, Gender.NON_BINARY]
            ),
            attendance=Attendance.ONLINE if online else Attendance.ONSITE,
            order=order,
        )


def _extra_sessions(
    meeting: AnnualMeeting, rng: random.Random, names: _Names, speakers: list[Person]
) -> None:
    """Sessions beside the call's: the MAG's main sessions and others organised directly."""
    types = {t.kind: t for t in meeting.session_types.all()}
    themes = list(meeting.themes.all())
    youth, parliament = (
        Track.objects.create(meeting=meeting, name="Youth track", order=1),
        Track.objects.create(meeting=meeting, name="Parliamentary track", order=2),
    )
    rows: list[SessionPerson] = []
    mains = []
    for index, title in enumerate(MAIN_SESSIONS):
        session = Session.objects.create(
            meeting=meeting,
            session_type=types[SessionKind.MAIN],
            theme=themes[index % len(themes)] if 0 < index < len(MAIN_SESSIONS) - 1 else None,
            title=title,
            description="A main session organised by the MAG, with high-level speakers from "
            "every stakeholder group and the outputs of the sessions that prepared it.",
            duration=120,
            expected_attendance=800,
            languages=["en"],
            interpretation=["ar", "zh-hans", "es", "fr", "ru"],
        )
        mains.append(session)
        rows.append(names.row(session, ParticipantRole.ORGANISER, 0))
        rows.extend(names.row(session, ParticipantRole.SPEAKER, n) for n in range(1, 6))
        rows.append(names.row(session, ParticipantRole.ONSITE_MODERATOR, 6))
    for number in range(42):
        kind, pattern, minutes = EXTRA_SESSIONS[number % len(EXTRA_SESSIONS)]
        topic = TOPICS[(number * 7) % len(TOPICS)]
        track = (
            youth
            if pattern.startswith("Youth")
            else parliament
            if pattern.startswith("Parl")
            else None
        )
        session = Session.objects.create(
            meeting=meeting,
            session_type=types[kind],
            theme=rng.choice(themes),
            track=track,
            title=pattern.format(topic=topic),
            description=f"Practitioners compare what worked on {topic}, and what did not.",
            duration=minutes,
            expected_attendance=rng.randint(40, 140),
            languages=["en"] if rng.random() < 0.8 else ["es", "en"],
            interpretation=["fr"] if kind == SessionKind.NRI else [],
        )
        rows.append(names.row(session, ParticipantRole.ORGANISER, 0))
        for n in range(1, rng.randint(3, 5)):
            person = rng.choice(speakers) if speakers and rng.random() < 0.15 else None
            rows.append(names.row(session, ParticipantRole.SPEAKER, n, person))
        rows.append(names.row(session, ParticipantRole.ONSITE_MODERATOR, 9))
    SessionPerson.objects.bulk_create(rows)
    # Each main session after the opening is prepared by two workshops.
    workshops = list(
        meeting.sessions.filter(
            session_type__kind=SessionKind.WORKSHOP, track__isnull=True, duration=60
        ).order_by("pk")
    )
    for index, main in enumerate(mains[1:-1]):
        for feeder in workshops[index * 2 : index * 2 + 2]:
            feeder.feeds = main
            feeder.save(update_fields=["feeds"])


def _settings(meeting: AnnualMeeting, rng: random.Random) -> None:
    """Attendance for the accepted proposals' sessions, and every session's join link."""
    for session in meeting.sessions.filter(expected_attendance=0):
        session.expected_attendance = rng.randint(40, 200)
        session.save(update_fields=["expected_attendance"])
    for session in meeting.sessions.all():
        session.join_url = f"https://meet.example.org/{meeting.slug}/{session.code.lower()}"
        session.save(update_fields=["join_url"])


def _solve(meeting: AnnualMeeting, secretariat: User | None, seconds: int) -> None:
    run = SolverRun.objects.create(meeting=meeting, time_limit=seconds, requested_by=secretariat)
    services.run_solver(run=run, workers=2)


def _second_release(meeting: AnnualMeeting, secretariat: User | None) -> None:
    """Two sessions moved after the first release, and published again with a note."""
    placements = {p.session: p for p in queries.working_placements(meeting)}
    movable = list(
        meeting.sessions.filter(
            slot__pinned=False, session_type__kind=SessionKind.WORKSHOP, duration=60
        )
        .select_related("meeting", "slot")
        .order_by("pk")
    )
    moved = 0
    for session in movable:
        for other in movable:
            if other.pk == session.pk or session.pk not in placements or other.pk not in placements:
                continue
            try:
                services.swap_sessions(by=secretariat, first=session, second=other)  # type: ignore[arg-type]
            except services.ScheduleError:
                continue
            moved += 1
            break
        if moved:
            break
    services.publish_schedule(
        by=secretariat,
        meeting=meeting,
        note="Two workshops swapped places at the organisers' request.",
        now=timezone.now() - timedelta(days=2),
    )


def _participants(meeting: AnnualMeeting, rng: random.Random, people: Sequence[Person]) -> None:
    Registration.objects.bulk_create(
        Registration(
            meeting=meeting,
            person=person,
            attendance=Attendance.ONSITE if rng.random() < 0.6 else Attendance.ONLINE,
        )
        for person in people
        if rng.random() < 0.7
    )
    pablo = Person.objects.filter(user__email="participant@example.org").first()
    if pablo is None:
        return
    Registration.objects.get_or_create(
        meeting=meeting, person=pablo, defaults={"attendance": Attendance.ONLINE}
    )
    slots = list(
        Slot.objects.filter(session__meeting=meeting).order_by("start", "room__order")[:40]
    )
    chosen = slots[::6][:5]
    clash = next((s for s in slots if s.start == chosen[0].start and s not in chosen), None)
    for slot in [*chosen, *([clash] if clash else [])]:
        Star.objects.get_or_create(person=pablo, session_id=slot.session_id)


def build(
    meeting: AnnualMeeting,
    *,
    rng: random.Random,
    people: Sequence[Person],
    secretariat: User | None,
) -> None:
    """IGF 2026's schedule, published twice (see the module's docstring)."""
    if secretariat is None:
        return
    _rooms(meeting, ROOMS)
    days = services.meeting_days(meeting)
    _grids(meeting, secretariat, days[1:], days[0])
    names = _Names(rng)
    accounts = list(
        Person.objects.filter(user__email__in=["proposer@example.org", "rapporteur@example.org"])
    )
    _extra_sessions(meeting, rng, names, accounts)
    _settings(meeting, rng)
    _solve(meeting, secretariat, seconds=5)
    services.publish_schedule(
        by=secretariat,
        meeting=meeting,
        note="The full programme of the annual meeting.",
        now=timezone.now() - timedelta(days=12),
    )
    _second_release(meeting, secretariat)
    _participants(meeting, rng, people)


def build_past(meeting: AnnualMeeting, *, rng: random.Random, secretariat: User | None) -> None:
    """IGF 2025's schedule, in the past (its reports come from `igf.outcomes.demo`)."""
    if secretariat is None:
        return
    _rooms(meeting, ROOMS[:4])
    days = services.meeting_days(meeting)
    _grids(meeting, secretariat, days[1:], None)
    for session in meeting.sessions.all():
        session.expected_attendance = rng.randint(40, 140)
        session.save(update_fields=["expected_attendance"])
    _solve(meeting, secretariat, seconds=2)
    services.publish_schedule(
        by=secretariat,
        meeting=meeting,
        now=datetime.combine(meeting.starts - timedelta(days=40), time(9), tzinfo=UTC),
    )


def _participant_pool(meeting: AnnualMeeting) -> list[Person]:
    """The demo participants the programme drew from (not members of the evaluating body)."""
    members = set(
        Membership.objects.filter(body_id=meeting.evaluating_body_id).values_list(
            "person_id", flat=True
        )
        if meeting.evaluating_body_id is not None
        else []
    )
    return [
        p
        for p in Person.objects.filter(user__email__startswith="person", erased__isnull=True)
        .select_related("country", "user")
        .order_by("pk")
        if p.pk not in members
    ]


def seed(context: DemoContext) -> list[DemoAccount]:
    """Schedule IGF 2025 (in the past) and IGF 2026 (published twice); once only."""
    last_year, this_year = demo_years()
    if ScheduleRelease.objects.filter(meeting__year=this_year).exists():
        return []
    secretariat = User.objects.filter(email="secretariat@example.org").first()
    with transaction.atomic():
        last = AnnualMeeting.objects.filter(year=last_year).first()
        if last is not None:
            build_past(last, rng=random.Random(context.seed + 60), secretariat=secretariat)
        this = AnnualMeeting.objects.filter(year=this_year).first()
        if this is not None:
            # A draw of sessions the solver places whole within the demo's five seconds.
            rng = random.Random(context.seed + 61)
            build(this, rng=rng, people=_participant_pool(this), secretariat=secretariat)
        translations_demo.apply("schedule")
    return []
