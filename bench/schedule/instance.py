"""A realistic annual meeting for the schedule benchmark, as plain data: 300 sessions of the
IGF's session types in 15 rooms over 4 days, about 1,000 speakers (some in several
sessions, a fifth of them remote, from every time zone), five themes, three tracks, main
sessions fed by workshops, two pinned sessions. Deterministic for a given seed."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

VENUE_ZONE = "Europe/Zurich"
FIRST_DAY = date(2026, 11, 16)
DAYS = 4
REMOTE_ZONES = (
    "America/Los_Angeles", "America/Mexico_City", "America/Sao_Paulo", "America/New_York",
    "Africa/Lagos", "Africa/Nairobi", "Asia/Kolkata", "Asia/Jakarta", "Asia/Tokyo",
    "Pacific/Auckland", "Europe/London", "Asia/Dubai",
)  # fmt: skip

# Session kinds: duration, how many, attendance range, booths needed, whether hybrid.
KINDS: tuple[tuple[str, int, int, tuple[int, int], int, bool], ...] = (
    ("workshop", 60, 100, (40, 150), 0, True),
    ("workshop", 90, 50, (40, 150), 0, True),
    ("open_forum", 60, 40, (30, 120), 0, True),
    ("town_hall", 60, 10, (50, 200), 0, True),
    ("dynamic_coalition", 90, 20, (30, 100), 0, True),
    ("nri", 90, 20, (30, 100), 1, True),
    ("bpf_pn", 90, 15, (50, 250), 1, True),
    ("main", 120, 8, (300, 900), 5, True),
    ("lightning_talk", 20, 25, (20, 50), 0, False),
    ("launch_award", 30, 12, (20, 50), 0, False),
)
# Rooms: name, seats, whether hybrid, interpretation booths.
ROOMS: tuple[tuple[str, int, bool, int], ...] = (
    ("Plenary Hall", 1000, True, 6),
    ("Workshop Room 1", 300, True, 2),
    ("Workshop Room 2", 300, True, 2),
    *((f"Workshop Room {n}", 150, True, 1) for n in range(3, 7)),
    *((f"Workshop Room {n}", 120, True, 0) for n in range(7, 11)),
    ("Open Forum Room A", 80, True, 0),
    ("Open Forum Room B", 80, True, 0),
    ("Village Stage", 60, False, 0),
    ("Launch Corner", 50, False, 0),
)
# Grid starts (venue time) per duration.
GRIDS: dict[int, tuple[str, ...]] = {
    60: ("09:00", "10:15", "11:30", "12:45", "14:00", "15:15", "16:30", "17:45"),
    90: ("09:00", "11:00", "13:00", "15:00", "17:00"),
    120: ("10:00", "15:00"),
    20: ("12:30", "13:00", "13:30", "14:00", "14:30"),
    30: ("08:30", "12:30", "13:15", "18:30"),
}
DURATION_KINDS = {60: ("workshop", "open_forum", "town_hall"),
                  90: ("workshop", "dynamic_coalition", "nri", "bpf_pn"),
                  120: ("main",), 20: ("lightning_talk",), 30: ("launch_award",)}  # fmt: skip
THEMES = (
    "Trust and security",
    "Connectivity",
    "AI and data",
    "Rights and inclusion",
    "Environment",
)
TRACKS = ("Parliamentary track", "Youth track", "Leaders track")


@dataclass
class PersonSpec:
    key: str
    name: str
    remote_zone: str | None


@dataclass
class SessionData:
    number: int
    kind: str
    duration: int
    attendance: int
    booths: int
    hybrid: bool
    theme: int
    track: int | None
    feeds: int | None = None
    people: list[tuple[str, PersonSpec]] = field(default_factory=list)
    pinned: tuple[int, datetime] | None = None


@dataclass
class Instance:
    sessions: list[SessionData]
    people: list[PersonSpec]
    grid_starts: dict[int, list[datetime]]


def _at(day: date, hhmm: str) -> datetime:
    hours, minutes = (int(x) for x in hhmm.split(":"))
    return datetime.combine(day, time(hours, minutes), tzinfo=ZoneInfo(VENUE_ZONE)).astimezone(UTC)


def build(seed: int = 2026, sessions: int = 300, speakers: int = 1000) -> Instance:
    rng = random.Random(seed)
    people = [
        PersonSpec(
            key=f"person-{n}",
            name=f"Speaker {n}",
            remote_zone=rng.choice(REMOTE_ZONES) if rng.random() < 0.2 else None,
        )
        for n in range(speakers)
    ]
    days = [FIRST_DAY + timedelta(days=d) for d in range(DAYS)]
    grid_starts = {
        duration: [_at(day, start) for day in days for start in starts]
        for duration, starts in GRIDS.items()
    }
    plan: list[tuple[str, int, tuple[int, int], int, bool]] = []
    for kind, duration, count, attendance, booths, hybrid in KINDS:
        plan.extend([(kind, duration, attendance, booths, hybrid)] * count)
    scale = sessions / len(plan)
    plan = plan[:sessions] if scale <= 1 else plan + rng.choices(plan, k=sessions - len(plan))
    result: list[SessionData] = []
    # Most speakers speak once; a few are in two to four sessions.
    pool = list(range(speakers))
    rng.shuffle(pool)
    cursor = 0
    for number, (kind, duration, attendance, booths, hybrid) in enumerate(plan, start=1):
        track = None
        if kind in ("workshop", "open_forum") and rng.random() < 0.08:
            track = rng.randrange(len(TRACKS))
        session = SessionData(
            number=number,
            kind=kind,
            duration=duration,
            attendance=rng.randint(*attendance),
            booths=booths,
            hybrid=hybrid,
            theme=rng.randrange(len(THEMES)),
            track=track,
        )
        size = rng.randint(3, 6) if kind != "lightning_talk" else 1
        roles = ["organiser", *(["speaker"] * (size - 1)), "onsite_moderator"]
        for role in roles:
            if cursor < len(pool) and rng.random() < 0.85:
                person = people[pool[cursor]]
                cursor += 1
            else:
                person = people[rng.randrange(speakers)]
            if role == "onsite_moderator":
                person = PersonSpec(person.key, person.name, None)
            if all(p.key != person.key for _r, p in session.people):
                session.people.append((role, person))
        result.append(session)
    mains = [s for s in result if s.kind == "main"]
    workshops = [s for s in result if s.kind == "workshop"]
    # Main sessions after the opening one are each prepared by two workshops.
    for index, main in enumerate(mains[1:]):
        for feeder in workshops[index * 2 : index * 2 + 2]:
            feeder.feeds = main.number
    # The opening main session and one launch are fixed by the host.
    if mains:
        mains[0].pinned = (0, grid_starts[120][0])
    launches = [s for s in result if s.kind == "launch_award"]
    if launches:
        launches[0].pinned = (len(ROOMS) - 1, grid_starts[30][0])
    return Instance(sessions=result, people=people, grid_starts=grid_starts)
