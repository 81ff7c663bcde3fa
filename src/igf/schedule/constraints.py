"""The rules of a schedule on plain data: which placements break a hard constraint, and what
the soft constraints cost. No Django: the solver, the staff's grid editor and the tests share
these definitions, so "no hard violation" means the same thing everywhere.

Hard: nobody (organiser, speaker, moderator) in two places at once; one session per room at a
time; the room seats the expected attendance and has the equipment (hybrid, interpretation
booths, captions); the room is open then (some rooms are open only on some days or hours);
nobody of the session has said they are unavailable then; a session takes a time of a slot
grid of its type and duration; feeder sessions end before the main session they feed; pinned
sessions stay where they are.

Soft, weighted: sessions of one theme in parallel; remote speakers outside 07:00-22:00 of
their own day; a theme crowded on some days instead of spread; a track spread over rooms.

Once a release is public, moving a published session costs (`move_cost`): more the nearer the
meeting, and more for sessions with remote participants in far time zones.
"""

from __future__ import annotations

import math
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

# Remote participants should speak between these local hours (end included).
EARLIEST_HOUR, LATEST_HOUR = 7, 22

DEFAULT_WEIGHTS: dict[str, int] = {
    "theme_parallel": 10,
    "remote_hours": 5,
    "theme_spread": 2,
    "track_rooms": 3,
}
SOFT_CODES = tuple(DEFAULT_WEIGHTS)

# A published session's move: far more than any soft-constraint gain, far less than leaving a
# session out (the solver's 100,000), so a move happens only when a hard constraint or a
# session that could not be placed otherwise asks for it.
MOVE_BASE_COST = 1000
# Within this many days of the meeting, a move costs up to three times the base.
MOVE_URGENT_DAYS = 60
# A remote participant this many hours or more from the venue's time makes a move dearer.
FAR_ZONE_HOURS = 5

Window = tuple[datetime, datetime]


def _overlaps_any(windows: Iterable[Window], start: datetime, end: datetime) -> bool:
    return any(a < end and start < b for a, b in windows)


def _within_any(windows: Iterable[Window], start: datetime, end: datetime) -> bool:
    return any(a <= start and end <= b for a, b in windows)


@dataclass(frozen=True, slots=True)
class RoomSpec:
    id: int
    name: str
    capacity: int
    hybrid: bool = True
    booths: int = 0
    captioning: bool = True
    order: int = 0
    # When the room is open (UTC); empty: always open.
    open: tuple[Window, ...] = ()

    def is_open(self, start: datetime, end: datetime) -> bool:
        return not self.open or _within_any(self.open, start, end)


@dataclass(frozen=True, slots=True)
class GridTime:
    """A time of a slot grid; `types` are the session types it takes, `day` the venue's date."""

    id: int
    start: datetime
    end: datetime
    types: frozenset[int]
    day: date

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


@dataclass(frozen=True, slots=True)
class PersonRef:
    """Someone in a session: `key` recognises them across sessions; `remote_zone` is the time
    zone of a participant who takes part online (None onsite)."""

    key: str
    name: str
    remote_zone: str | None = None
    # When they said they cannot take part (UTC).
    away: tuple[Window, ...] = ()

    def is_away(self, start: datetime, end: datetime) -> bool:
        return _overlaps_any(self.away, start, end)


@dataclass(frozen=True, slots=True)
class Placement:
    session: int
    room: int
    start: datetime
    end: datetime

    def overlaps(self, other: Placement) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class SessionSpec:
    id: int
    title: str
    type_id: int
    duration: int
    attendance: int = 0
    hybrid: bool = False
    booths: int = 0
    captioning: bool = False
    theme: int | None = None
    track: int | None = None
    feeds: int | None = None
    people: tuple[PersonRef, ...] = ()
    pinned: Placement | None = None
    # Where the latest public release has it (minimal change keeps it there).
    published: Placement | None = None


@dataclass(frozen=True)
class Problem:
    """Everything the schedule is built from, as plain data."""

    rooms: tuple[RoomSpec, ...]
    times: tuple[GridTime, ...]
    sessions: tuple[SessionSpec, ...]
    venue_zone: str = "UTC"
    theme_names: Mapping[int, str] = field(default_factory=dict)
    track_names: Mapping[int, str] = field(default_factory=dict)
    # How many days until the meeting starts (moves cost more as it nears); None: far off.
    days_to_meeting: int | None = None

    @cached_property
    def room_by_id(self) -> dict[int, RoomSpec]:
        return {r.id: r for r in self.rooms}

    @cached_property
    def session_by_id(self) -> dict[int, SessionSpec]:
        return {s.id: s for s in self.sessions}

    @cached_property
    def days(self) -> tuple[date, ...]:
        return tuple(sorted({t.day for t in self.times}))

    def day_of(self, moment: datetime) -> date:
        return moment.astimezone(zone(self.venue_zone)).date()


@dataclass(frozen=True, slots=True)
class Violation:
    """A broken hard constraint. `code` names the rule; the other fields say who and what:
    room_clash, person_clash (`person`), capacity, hybrid, booths, captioning, grid,
    feeder (the feeder first), pinned, room_closed (`room`), unavailable (`person`).
    For a published session that moved: make_room (to place new sessions), replan (a full
    re-plan was asked for), withdrawn."""

    code: str
    sessions: tuple[int, ...]
    room: int | None = None
    person: str = ""
    needed: int = 0
    available: int = 0


@dataclass(frozen=True, slots=True)
class SoftItem:
    """One soft-constraint cost: `code`, the sessions concerned, the cost (weight x units)
    and what it is about (a theme, a track, a person, a day, a moment)."""

    code: str
    sessions: tuple[int, ...]
    cost: int
    units: int
    theme: int | None = None
    track: int | None = None
    person: str = ""
    day: date | None = None
    moment: datetime | None = None
    local_start: str = ""
    local_end: str = ""
    rooms: int = 0
    limit: int = 0


@dataclass(frozen=True)
class SoftReport:
    items: tuple[SoftItem, ...]

    @property
    def total(self) -> int:
        return sum(i.cost for i in self.items)

    def by_code(self) -> dict[str, int]:
        totals = dict.fromkeys(SOFT_CODES, 0)
        for item in self.items:
            totals[item.code] = totals.get(item.code, 0) + item.cost
        return totals


def zone(name: str | None) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def weights_with_defaults(weights: Mapping[str, int] | None) -> dict[str, int]:
    merged = dict(DEFAULT_WEIGHTS)
    for code, value in (weights or {}).items():
        if code in merged and isinstance(value, int) and not isinstance(value, bool):
            merged[code] = max(0, min(value, 1000))
    return merged


# --- Where a session may go --------------------------------------------------------------------


def room_misfits(session: SessionSpec, room: RoomSpec) -> list[Violation]:
    """What the room lacks for the session (capacity, hybrid equipment, booths, captions)."""
    found = []
    if room.capacity < session.attendance:
        found.append(
            Violation(
                "capacity",
                (session.id,),
                room=room.id,
                needed=session.attendance,
                available=room.capacity,
            )
        )
    if session.hybrid and not room.hybrid:
        found.append(Violation("hybrid", (session.id,), room=room.id))
    if room.booths < session.booths:
        found.append(
            Violation(
                "booths", (session.id,), room=room.id, needed=session.booths, available=room.booths
            )
        )
    if session.captioning and not room.captioning:
        found.append(Violation("captioning", (session.id,), room=room.id))
    return found


def fits_time(session: SessionSpec, time: GridTime) -> bool:
    return session.type_id in time.types and time.minutes == session.duration


def on_grid(problem: Problem, session: SessionSpec, start: datetime, end: datetime) -> bool:
    return any(fits_time(session, t) and t.start == start and t.end == end for t in problem.times)


def time_misfits(
    session: SessionSpec, room: RoomSpec | None, start: datetime, end: datetime
) -> list[Violation]:
    """What stands against the session at that time: the room closed, someone unavailable."""
    found: list[Violation] = []
    if room is not None and not room.is_open(start, end):
        found.append(Violation("room_closed", (session.id,), room=room.id))
    found.extend(
        Violation("unavailable", (session.id,), person=person.name)
        for person in session.people
        if person.is_away(start, end)
    )
    return found


def _placement_misfits(
    problem: Problem, session: SessionSpec, placement: Placement
) -> list[Violation]:
    found: list[Violation] = []
    room = problem.room_by_id.get(placement.room)
    if room is not None:
        found.extend(room_misfits(session, room))
    if not on_grid(problem, session, placement.start, placement.end):
        found.append(Violation("grid", (session.id,)))
    found.extend(time_misfits(session, room, placement.start, placement.end))
    return found


def placement_misfits(
    problem: Problem, session: SessionSpec, placement: Placement
) -> list[Violation]:
    """What a place breaks on its own (room, equipment, grid, opening hours, people away)."""
    return _placement_misfits(problem, session, placement)


def _zone_offset_hours(zone_name: str, venue_zone: str, moment: datetime) -> float:
    offset = moment.astimezone(zone(zone_name)).utcoffset()
    venue = moment.astimezone(zone(venue_zone)).utcoffset()
    if offset is None or venue is None:
        return 0.0
    return abs((offset - venue).total_seconds()) / 3600


def move_cost(problem: Problem, session: SessionSpec) -> int:
    """What moving a published session costs: the base, up to three times as much as the
    meeting nears (within `MOVE_URGENT_DAYS`), and half as much again for each remote
    participant at least `FAR_ZONE_HOURS` from the venue's time (at most twice in all)."""
    urgency = 1.0
    if problem.days_to_meeting is not None:
        left = max(0, min(problem.days_to_meeting, MOVE_URGENT_DAYS))
        urgency += 2.0 * (MOVE_URGENT_DAYS - left) / MOVE_URGENT_DAYS
    far = 0
    if session.published is not None:
        far = sum(
            1
            for p in session.people
            if p.remote_zone is not None
            and _zone_offset_hours(p.remote_zone, problem.venue_zone, session.published.start)
            >= FAR_ZONE_HOURS
        )
    remote = min(2.0, 1.0 + 0.5 * far)
    return int(MOVE_BASE_COST * urgency * remote)


def _pair_violations(
    problem: Problem, a: Placement, b: Placement, keys: Mapping[int, Mapping[str, str]]
) -> list[Violation]:
    found: list[Violation] = []
    first, second = sorted((a.session, b.session))
    if a.overlaps(b):
        if a.room == b.room:
            found.append(Violation("room_clash", (first, second), room=a.room))
        shared = sorted(set(keys.get(a.session, {})) & set(keys.get(b.session, {})))
        found.extend(
            Violation("person_clash", (first, second), person=keys[a.session][key])
            for key in shared
        )
    sessions = problem.session_by_id
    for feeder, main in ((a, b), (b, a)):
        spec = sessions.get(feeder.session)
        if spec is not None and spec.feeds == main.session and feeder.end > main.start:
            found.append(Violation("feeder", (feeder.session, main.session)))
    return found


def _people_keys(problem: Problem) -> dict[int, dict[str, str]]:
    return {s.id: {p.key: p.name for p in s.people} for s in problem.sessions}


def people_keys(problem: Problem) -> dict[int, dict[str, str]]:
    """Per session, the keys and names of its people."""
    return _people_keys(problem)


def hard_violations(problem: Problem, placements: Iterable[Placement]) -> list[Violation]:
    """Every hard constraint the placements break (an empty list: a valid schedule)."""
    placed = sorted(placements, key=lambda p: (p.start, p.session))
    keys = _people_keys(problem)
    sessions = problem.session_by_id
    found: list[Violation] = []
    for placement in placed:
        spec = sessions.get(placement.session)
        if spec is None:
            continue
        found.extend(_placement_misfits(problem, spec, placement))
        if spec.pinned is not None and (
            spec.pinned.room,
            spec.pinned.start,
            spec.pinned.end,
        ) != (placement.room, placement.start, placement.end):
            found.append(Violation("pinned", (spec.id,)))
    # Sweep in start order: only placements that start before one ends can clash with it.
    by_session = {p.session: p for p in placed}
    for index, first in enumerate(placed):
        for second in placed[index + 1 :]:
            if second.start >= first.end:
                break
            found.extend(_pair_violations(problem, first, second, keys))
    # Feeders and their main session need not overlap to be in the wrong order.
    for spec in problem.sessions:
        if spec.feeds is None:
            continue
        feeder, main = by_session.get(spec.id), by_session.get(spec.feeds)
        if (
            feeder is not None
            and main is not None
            and not feeder.overlaps(main)
            and feeder.end > main.start
        ):
            found.append(Violation("feeder", (spec.id, spec.feeds)))
    return found


def move_violations(
    problem: Problem,
    placements: Iterable[Placement],
    moved: Placement,
    keys: Mapping[int, Mapping[str, str]] | None = None,
) -> list[Violation]:
    """The hard constraints broken if one session goes to `moved` (the others staying).
    `keys` (from `people_keys`) saves working out who is in which session on every call."""
    others = [p for p in placements if p.session != moved.session]
    spec = problem.session_by_id[moved.session]
    keys = keys if keys is not None else _people_keys(problem)
    found = _placement_misfits(problem, spec, moved)
    for other in others:
        found.extend(_pair_violations(problem, moved, other, keys))
    return found


# --- Soft costs --------------------------------------------------------------------------------


def checkpoints(placements: Iterable[Placement]) -> list[datetime]:
    """Every distinct start: two placements overlap exactly when both run at one of them."""
    return sorted({p.start for p in placements})


def _local(moment: datetime, zone_name: str) -> datetime:
    return moment.astimezone(zone(zone_name))


def remote_out_of_hours(person: PersonRef, start: datetime, end: datetime) -> bool:
    """Whether a remote participant's part falls outside 07:00-22:00 of their own day."""
    if person.remote_zone is None:
        return False
    local_start, local_end = _local(start, person.remote_zone), _local(end, person.remote_zone)
    if local_start.date() != local_end.date() and (local_end.hour, local_end.minute) != (0, 0):
        return True
    if local_start.hour < EARLIEST_HOUR:
        return True
    end_minutes = local_end.hour * 60 + local_end.minute
    if local_end.date() != local_start.date():
        end_minutes = 24 * 60
    return end_minutes > LATEST_HOUR * 60


def _theme_parallel(
    problem: Problem, placed: list[Placement], weight: Mapping[str, int]
) -> list[SoftItem]:
    """Sessions of one theme in parallel: at each moment, every session beyond the first."""
    sessions = problem.session_by_id
    items = []
    for moment in checkpoints(placed):
        running: dict[int, list[int]] = defaultdict(list)
        for p in placed:
            theme = sessions[p.session].theme
            if theme is not None and p.start <= moment < p.end:
                running[theme].append(p.session)
        for theme, ids in sorted(running.items()):
            if len(ids) > 1:
                units = len(ids) - 1
                items.append(
                    SoftItem(
                        "theme_parallel",
                        tuple(sorted(ids)),
                        weight["theme_parallel"] * units,
                        units,
                        theme=theme,
                        moment=moment,
                    )
                )
    return items


def _remote_hours(
    problem: Problem, placed: list[Placement], weight: Mapping[str, int]
) -> list[SoftItem]:
    """Remote participants outside 07:00-22:00 of their own day."""
    items = []
    for p in placed:
        for person in problem.session_by_id[p.session].people:
            if remote_out_of_hours(person, p.start, p.end):
                zone_name = person.remote_zone or "UTC"
                items.append(
                    SoftItem(
                        "remote_hours",
                        (p.session,),
                        weight["remote_hours"],
                        1,
                        person=person.name,
                        local_start=f"{_local(p.start, zone_name):%H:%M}",
                        local_end=f"{_local(p.end, zone_name):%H:%M}",
                    )
                )
    return items


def _theme_spread(
    problem: Problem, placed: list[Placement], weight: Mapping[str, int]
) -> list[SoftItem]:
    """A theme crowded on a day: sessions beyond its fair share of the days."""
    days = problem.days or tuple(sorted({problem.day_of(p.start) for p in placed}))
    per_theme: dict[int, list[Placement]] = defaultdict(list)
    for p in placed:
        theme = problem.session_by_id[p.session].theme
        if theme is not None:
            per_theme[theme].append(p)
    items = []
    for theme, theme_placed in sorted(per_theme.items()):
        limit = math.ceil(len(theme_placed) / max(1, len(days)))
        per_day: dict[date, list[int]] = defaultdict(list)
        for p in theme_placed:
            per_day[problem.day_of(p.start)].append(p.session)
        for day, ids in sorted(per_day.items()):
            if len(ids) > limit:
                units = len(ids) - limit
                items.append(
                    SoftItem(
                        "theme_spread",
                        tuple(sorted(ids)),
                        weight["theme_spread"] * units,
                        units,
                        theme=theme,
                        day=day,
                        limit=limit,
                    )
                )
    return items


def _track_rooms(
    problem: Problem, placed: list[Placement], weight: Mapping[str, int]
) -> list[SoftItem]:
    """A track's sessions in more than one room: each further room."""
    per_track: dict[int, list[Placement]] = defaultdict(list)
    for p in placed:
        track = problem.session_by_id[p.session].track
        if track is not None:
            per_track[track].append(p)
    items = []
    for track, track_placed in sorted(per_track.items()):
        rooms = {p.room for p in track_placed}
        if len(rooms) > 1:
            units = len(rooms) - 1
            items.append(
                SoftItem(
                    "track_rooms",
                    tuple(sorted(p.session for p in track_placed)),
                    weight["track_rooms"] * units,
                    units,
                    track=track,
                    rooms=len(rooms),
                )
            )
    return items


def soft_costs(
    problem: Problem, placements: Iterable[Placement], weights: Mapping[str, int] | None = None
) -> SoftReport:
    """What the placements cost on each soft constraint, item by item."""
    weight = weights_with_defaults(weights)
    placed = [p for p in placements if p.session in problem.session_by_id]
    return SoftReport(
        items=(
            *_theme_parallel(problem, placed, weight),
            *_remote_hours(problem, placed, weight),
            *_theme_spread(problem, placed, weight),
            *_track_rooms(problem, placed, weight),
        )
    )


def _open_and_free(
    session: SessionSpec, times: list[GridTime], rooms: list[RoomSpec]
) -> tuple[list[tuple[RoomSpec, GridTime]], list[Violation]]:
    """The (room, time) pairs where the room is open and nobody of the session is away, and
    what blocks the others."""
    away = [p for p in session.people if p.away]
    if not away and not any(r.open for r in rooms):
        return [(r, t) for t in times for r in rooms], []
    blocked: list[Violation] = []
    free = []
    for t in times:
        gone = [p for p in away if p.is_away(t.start, t.end)]
        for r in rooms:
            wrong = [Violation("unavailable", (session.id,), person=p.name) for p in gone]
            if not r.is_open(t.start, t.end):
                wrong.append(Violation("room_closed", (session.id,), room=r.id))
            if wrong:
                blocked.extend(v for v in wrong if v not in blocked)
            else:
                free.append((r, t))
    return free, blocked


def candidate_places(
    problem: Problem, session: SessionSpec
) -> tuple[list[tuple[RoomSpec, GridTime]], list[Violation]]:
    """The (room, time) pairs a session may take on its own, and, when there are none, why."""
    times = [t for t in problem.times if fits_time(session, t)]
    rooms: list[RoomSpec] = []
    misfits: list[Violation] = []
    for room in problem.rooms:
        wrong = room_misfits(session, room)
        if wrong:
            misfits.extend(wrong)
        else:
            rooms.append(room)
    reasons: list[Violation] = []
    if not times:
        reasons.append(Violation("grid", (session.id,), needed=session.duration))
    if not rooms:
        # The reasons shared by every room, each once (e.g. "no room seats 800").
        seen: set[str] = set()
        for violation in misfits:
            if violation.code not in seen:
                seen.add(violation.code)
                best = max((v.available for v in misfits if v.code == violation.code), default=0)
                reasons.append(
                    Violation(
                        violation.code,
                        (session.id,),
                        needed=violation.needed,
                        available=best,
                    )
                )
    places = [(r, t) for t in times for r in rooms] if times and rooms else []
    if places:
        places, blocked = _open_and_free(session, times, rooms)
        if not places:
            reasons.extend(blocked[:4])
    return places, reasons
