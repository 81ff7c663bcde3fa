"""The benchmark's meeting in the platform's database, built the way the demo builds IGF 2026:
rooms and sessions as rows (the platform has no service for them), slot grids, pins, the
solver run and the release through `igf.schedule.services`.

Needs Django set up (see `run.py`); the database is the bench's own temporary one.
"""

from __future__ import annotations

import time as clock
from dataclasses import dataclass, field
from datetime import time, timedelta
from typing import Any

from bench.schedule.checker import Place
from bench.schedule.instance import (
    DAYS,
    DURATION_KINDS,
    FIRST_DAY,
    GRIDS,
    ROOMS,
    THEMES,
    TRACKS,
    VENUE_ZONE,
    Instance,
    SessionData,
)
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from igf.core.models import Country
from igf.people.models import Person, User
from igf.programme.enums import Attendance, SessionKind
from igf.programme.models import AnnualMeeting, Session, SessionPerson, SessionType, Theme, Track
from igf.schedule import services
from igf.schedule.models import Room, Slot

SLUG = "igf-bench-2026"
LANGUAGES = ("fr", "es", "ar", "ru", "zh-hans")
TOPICS = (
    "community networks", "AI in public services", "cross-border data flows",
    "child safety online", "multilingual content", "submarine cables",
    "digital public infrastructure", "open source in government", "election integrity",
    "e-waste", "platform accountability", "small island states' cybersecurity",
    "accessible e-government", "satellite broadband", "digital identity", "IPv6 adoption",
    "encryption", "online gender-based violence", "data protection", "green computing",
)  # fmt: skip
GROUPS = ("government", "private_sector", "civil_society", "technical_community")


@dataclass
class BuiltMeeting:
    meeting: AnnualMeeting
    staff: User
    session_pk: dict[int, int] = field(default_factory=dict)  # instance number -> pk
    room_pk: list[int] = field(default_factory=list)  # instance room index -> pk


@dataclass(frozen=True)
class SolverFigures:
    wall_seconds: float
    result: dict[str, Any]
    placed: dict[int, Place]
    queries: int


def title_of(session: SessionData) -> str:
    topic = TOPICS[(session.number * 7) % len(TOPICS)]
    return f"{SessionKind(session.kind).label} {session.number}: {topic.capitalize()}"


def description_of(session: SessionData) -> str:
    topic = TOPICS[(session.number * 7) % len(TOPICS)]
    theme = THEMES[session.theme]
    return (
        f"Practitioners from governments, business, civil society and the technical community "
        f"compare what worked on {topic}, and what did not, under the theme “{theme}”. "
        f"Each speaker opens with five minutes; then the floor is open, online participants "
        f"first. The session ends with messages for the forum's outputs on {topic}."
    )


def _staff() -> User:
    staff = User.objects.create(email="secretariat@bench.example", is_staff=True)
    Person.objects.get_or_create(user=staff, defaults={"display_name": "Bench Secretariat"})
    staff.groups.add(Group.objects.get_or_create(name=settings.IGF_SECRETARIAT_GROUP)[0])
    return staff


def _types(meeting: AnnualMeeting) -> dict[str, SessionType]:
    durations: dict[str, list[int]] = {}
    for duration, kinds in DURATION_KINDS.items():
        for kind in kinds:
            durations.setdefault(kind, []).append(duration)
    return {
        kind: SessionType.objects.create(
            meeting=meeting, kind=kind, durations=sorted(minutes), order=order
        )
        for order, (kind, minutes) in enumerate(sorted(durations.items()))
    }


def build_meeting(instance: Instance) -> BuiltMeeting:
    """The meeting, its types, themes, tracks, rooms, slot grids, sessions and people, and
    the pinned sessions in their places. Nothing is placed otherwise."""
    meeting = AnnualMeeting.objects.create(
        name="IGF 2026 (benchmark)",
        slug=SLUG,
        year=2026,
        host_city="Geneva",
        timezone=VENUE_ZONE,
        starts=FIRST_DAY,
        ends=FIRST_DAY + timedelta(days=DAYS - 1),
    )
    built = BuiltMeeting(meeting=meeting, staff=_staff())
    types = _types(meeting)
    themes = [
        Theme.objects.create(meeting=meeting, name=name, order=n) for n, name in enumerate(THEMES)
    ]
    tracks = [
        Track.objects.create(meeting=meeting, name=name, order=n) for n, name in enumerate(TRACKS)
    ]
    rooms = Room.objects.bulk_create(
        Room(
            meeting=meeting,
            name=name,
            capacity=seats,
            hybrid=hybrid,
            interpretation_booths=booths,
            captioning=True,
            order=order,
        )
        for order, (name, seats, hybrid, booths) in enumerate(ROOMS)
    )
    built.room_pk = [room.pk for room in rooms]
    days = services.meeting_days(meeting)
    for duration, starts in GRIDS.items():
        services.add_grid(
            by=built.staff,
            meeting=meeting,
            name=f"{duration} minutes",
            duration=duration,
            session_types=[types[kind] for kind in DURATION_KINDS[duration]],
            days=days,
            starts=[time(int(s[:2]), int(s[3:])) for s in starts],
        )
    countries = list(Country.objects.order_by("iso2"))
    rows: list[SessionPerson] = []
    for data in instance.sessions:
        session = Session.objects.create(
            meeting=meeting,
            session_type=types[data.kind],
            theme=themes[data.theme],
            track=tracks[data.track] if data.track is not None else None,
            title=title_of(data),
            description=description_of(data),
            duration=data.duration,
            expected_attendance=data.attendance,
            hybrid=data.hybrid,
            languages=["en"],
            interpretation=list(LANGUAGES[: data.booths]),
        )
        session.join_url = f"https://meet.example.org/{SLUG}/{session.code.lower()}"
        session.save(update_fields=["join_url"])
        built.session_pk[data.number] = session.pk
        for order, (role, person) in enumerate(data.people):
            number = int(person.key.rsplit("-", 1)[1])
            rows.append(
                SessionPerson(
                    session=session,
                    role=role,
                    name=person.name,
                    email=f"{person.key}@bench.example",
                    organization_name=f"Organisation {number % 240}",
                    stakeholder_group=GROUPS[number % len(GROUPS)],
                    country=countries[number % len(countries)] if countries else None,
                    attendance=Attendance.ONLINE if person.remote_zone else Attendance.ONSITE,
                    timezone=person.remote_zone or "",
                    order=order,
                )
            )
    SessionPerson.objects.bulk_create(rows, batch_size=1000)
    for data in instance.sessions:
        if data.feeds is not None:
            Session.objects.filter(pk=built.session_pk[data.number]).update(
                feeds_id=built.session_pk[data.feeds]
            )
    for data in instance.sessions:
        if data.pinned is not None:
            room_index, start = data.pinned
            session = Session.objects.select_related("meeting").get(
                pk=built.session_pk[data.number]
            )
            room = Room.objects.get(pk=built.room_pk[room_index])
            services.move_session(by=built.staff, session=session, room=room, start=start)
            services.set_pinned(by=built.staff, session=session, pinned=True)
    return built


def placed_sessions(built: BuiltMeeting) -> dict[int, Place]:
    """The working schedule, by instance number and room index."""
    number_of = {pk: number for number, pk in built.session_pk.items()}
    room_index = {pk: index for index, pk in enumerate(built.room_pk)}
    return {
        number_of[slot.session_id]: Place(room_index[slot.room_id], slot.start, slot.end)
        for slot in Slot.objects.filter(session__meeting=built.meeting)
    }


def run_solver(built: BuiltMeeting, time_limit: int) -> SolverFigures:
    """A solver run as the staff's "Solve" button asks for one (`request_solver_run`), run
    in this process the way the task worker runs it (`run_solver`)."""
    run = services.request_solver_run(by=built.staff, meeting=built.meeting, time_limit=time_limit)
    started = clock.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        run = services.run_solver(run=run)
    wall = clock.perf_counter() - started
    return SolverFigures(
        wall_seconds=wall,
        result=dict(run.result),
        placed=placed_sessions(built),
        queries=len(queries.captured_queries),
    )


def publish(built: BuiltMeeting) -> int:
    release = services.publish_schedule(
        by=built.staff, meeting=built.meeting, note="The full programme (benchmark)."
    )
    return release.version


def exchange(instance: Instance, built: BuiltMeeting, placed: dict[int, Place]) -> dict[str, Any]:
    """The published schedule as plain JSON, for building the same event in pretalx."""
    codes = dict(Session.objects.filter(meeting=built.meeting).values_list("pk", "code"))
    sessions = []
    for data in instance.sessions:
        place = placed.get(data.number)
        if place is None:
            continue
        sessions.append(
            {
                "number": data.number,
                "code": codes[built.session_pk[data.number]],
                "title": title_of(data),
                "description": description_of(data),
                "kind": str(SessionKind(data.kind).label),
                "duration": data.duration,
                "room": place.room,
                "start": place.start.isoformat(),
                "end": place.end.isoformat(),
                "track": TRACKS[data.track] if data.track is not None else None,
                "speakers": [
                    {"key": person.key, "name": person.name} for _role, person in data.people
                ],
            }
        )
    return {
        "timezone": VENUE_ZONE,
        "first_day": FIRST_DAY.isoformat(),
        "days": DAYS,
        "rooms": [{"name": name, "capacity": seats} for name, seats, _h, _b in ROOMS],
        "sessions": sessions,
    }
