"""An independent check of a placed schedule against the benchmark's own instance data.

Written from the instance (`instance.py`), not from the platform's constraint module, so a
bug shared by the solver and the platform's checks would still show here. Hard rules: each
session placed once; room exists, seats the attendance, is hybrid when the session is, has
the interpretation booths; the session takes a start of its duration's slot grid, on a day of
the meeting, for a kind that grid takes; nobody (organiser, speaker, moderator) in two
sessions at once; one session per room at a time; feeders end before their main session
starts; pinned sessions stay where they were pinned.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from bench.schedule.instance import DURATION_KINDS, ROOMS, Instance, SessionData


@dataclass(frozen=True, slots=True)
class Place:
    room: int  # index into instance.ROOMS
    start: datetime
    end: datetime

    def overlaps(self, other: Place) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Breach:
    rule: str
    sessions: tuple[int, ...]
    detail: str = ""


def _alone(session: SessionData, place: Place, grid: set[datetime]) -> list[Breach]:
    """What breaks a rule whatever the other sessions do."""
    found: list[Breach] = []
    number = (session.number,)
    if not 0 <= place.room < len(ROOMS):
        return [Breach("room", number, f"no room {place.room}")]
    name, seats, hybrid, booths = ROOMS[place.room]
    if seats < session.attendance:
        found.append(Breach("capacity", number, f"{name} seats {seats} < {session.attendance}"))
    if session.hybrid and not hybrid:
        found.append(Breach("hybrid", number, f"{name} is not hybrid"))
    if booths < session.booths:
        found.append(Breach("booths", number, f"{name} has {booths} < {session.booths}"))
    if (
        place.start not in grid
        or place.end - place.start != timedelta(minutes=session.duration)
        or session.kind not in DURATION_KINDS.get(session.duration, ())
    ):
        found.append(Breach("grid", number, f"{place.start:%Y-%m-%d %H:%M}Z"))
    if session.pinned is not None:
        room, start = session.pinned
        if (place.room, place.start) != (room, start):
            found.append(Breach("pinned", number, "moved from its pinned place"))
    return found


def hard_breaches(instance: Instance, placed: Mapping[int, Place]) -> list[Breach]:
    """Every broken hard rule; an empty list is a valid schedule. Unplaced sessions are not
    breaches (see `unplaced`) except pinned ones."""
    sessions = {s.number: s for s in instance.sessions}
    grids = {d: set(starts) for d, starts in instance.grid_starts.items()}
    found: list[Breach] = []
    unknown = sorted(set(placed) - set(sessions))
    found.extend(Breach("unknown", (n,), "not in the instance") for n in unknown)
    for number, place in sorted(placed.items()):
        if number in sessions:
            session = sessions[number]
            found.extend(_alone(session, place, grids.get(session.duration, set())))
    for session in instance.sessions:
        if session.pinned is not None and session.number not in placed:
            found.append(Breach("pinned", (session.number,), "pinned but not placed"))
    keys = {n: {p.key for _role, p in s.people} for n, s in sessions.items()}
    ordered = sorted((p.start, n) for n, p in placed.items() if n in sessions)
    for index, (_start, first) in enumerate(ordered):
        a = placed[first]
        for _other_start, second in ordered[index + 1 :]:
            b = placed[second]
            if b.start >= a.end:
                break
            pair = (min(first, second), max(first, second))
            if a.room == b.room:
                found.append(Breach("room_clash", pair, ROOMS[a.room][0]))
            found.extend(
                Breach("person_clash", pair, key) for key in sorted(keys[first] & keys[second])
            )
    for session in instance.sessions:
        if session.feeds is None:
            continue
        feeder, main = placed.get(session.number), placed.get(session.feeds)
        if feeder is not None and main is not None and feeder.end > main.start:
            found.append(Breach("feeder", (session.number, session.feeds), "ends after main"))
    return found


def unplaced(instance: Instance, placed: Mapping[int, Place]) -> list[int]:
    return [s.number for s in instance.sessions if s.number not in placed]


def summary(breaches: list[Breach]) -> dict[str, int]:
    """Breaches counted per rule, every rule listed (zero when kept)."""
    rules = ("room", "capacity", "hybrid", "booths", "grid", "pinned", "room_clash")
    counts = Counter(b.rule for b in breaches)
    return {rule: counts.get(rule, 0) for rule in (*rules, "person_clash", "feeder", "unknown")}


def people_load(instance: Instance) -> dict[str, int]:
    """How many sessions each person is in (for the figures printed with the check)."""
    load: dict[str, int] = defaultdict(int)
    for session in instance.sessions:
        for _role, person in session.people:
            load[person.key] += 1
    return dict(load)
