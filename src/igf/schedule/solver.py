"""The schedule solver: places every session it can with OR-Tools CP-SAT, on plain data.

One boolean per session and possible place (room and grid time). Hard constraints are
constraints: at most one place per session; at most one session per room and per person at
every moment (moments are the distinct start times: two sessions overlap exactly when both
run at one of them); feeders end before the session they feed; pinned sessions keep their
place. Soft constraints are the weighted terms of the objective (see `constraints`). Leaving
a session out costs far more than any soft constraint, so the solver places everything it
can; what it cannot place is explained with the constraints that stood in the way.

A greedy placement gives the search its first solution (and is the answer if the search
finds none in time), so a result always comes back within the time limit.

Minimal change (the default once a release is public): every published session whose place
still breaks no hard constraint is first held there, and only the new and displaced sessions
are placed around them. Only when that leaves out a session that could be placed does a
second search let published sessions move, each move costing `constraints.move_cost` (more
as the meeting nears, more with remote participants in far time zones). Every published
session that moved is reported with the reasons (`Solution.moved`).
"""

from __future__ import annotations

import bisect
import math
import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from ortools.sat.python import cp_model

from igf.schedule.constraints import (
    Placement,
    Problem,
    SessionSpec,
    SoftReport,
    Violation,
    candidate_places,
    hard_violations,
    move_cost,
    move_violations,
    on_grid,
    people_keys,
    placement_misfits,
    remote_out_of_hours,
    room_misfits,
    soft_costs,
    time_misfits,
    weights_with_defaults,
)

# What leaving one session out costs, against the soft constraints' few units.
UNPLACED_COST = 100_000
MAX_REASONS = 4
# How many published sessions in the way a minimal-change re-run may consider moving.
MAX_OCCUPANTS_MOVED = 24


@dataclass(frozen=True, slots=True)
class Candidate:
    room: int
    start: datetime
    end: datetime
    day: date

    def placement(self, session: int) -> Placement:
        return Placement(session, self.room, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A session the solver could not place, and why (the constraints in the way)."""

    session: int
    reasons: tuple[Violation, ...]


@dataclass(frozen=True, slots=True)
class Moved:
    """A published session the solver moved (or left out), and why."""

    session: int
    reasons: tuple[Violation, ...]


@dataclass(frozen=True)
class Solution:
    placements: tuple[Placement, ...]
    unplaced: tuple[Unplaced, ...]
    soft: SoftReport
    # "optimal", "feasible" (time ran out) or "greedy" (the search found nothing better).
    status: str
    seconds: float
    violations: tuple[Violation, ...] = ()
    moved: tuple[Moved, ...] = ()
    minimal: bool = False

    @property
    def cost(self) -> int:
        return self.soft.total


def _candidates(
    problem: Problem,
) -> tuple[dict[int, list[Candidate]], dict[int, list[Violation]]]:
    """Each session's possible places, and the reasons of those that have none."""
    places: dict[int, list[Candidate]] = {}
    reasons: dict[int, list[Violation]] = {}
    for session in problem.sessions:
        if session.pinned is not None:
            pin = session.pinned
            room = problem.room_by_id.get(pin.room)
            # A pin kept from before a room or grid changed may no longer fit: the session
            # is then left out and explained, never placed against a hard constraint.
            wrong = room_misfits(session, room) if room is not None else []
            if not on_grid(problem, session, pin.start, pin.end):
                wrong.append(Violation("grid", (session.id,)))
            wrong.extend(time_misfits(session, room, pin.start, pin.end))
            if room is None or wrong:
                reasons[session.id] = [Violation("pinned", (session.id,)), *wrong]
            else:
                places[session.id] = [
                    Candidate(pin.room, pin.start, pin.end, problem.day_of(pin.start))
                ]
            continue
        found, why = candidate_places(problem, session)
        if found:
            places[session.id] = [Candidate(r.id, t.start, t.end, t.day) for r, t in found]
        else:
            reasons[session.id] = why
    return places, reasons


def _keep_compatible_pins(
    problem: Problem, places: dict[int, list[Candidate]], reasons: dict[int, list[Violation]]
) -> None:
    """Pinned sessions that clash with an earlier pinned one lose their place (explained)."""
    kept: list[Placement] = []
    for session in sorted(problem.sessions, key=lambda s: s.id):
        if session.pinned is None or session.id not in places:
            continue
        placement = places[session.id][0].placement(session.id)
        clashes = [
            v
            for v in move_violations(problem, kept, placement)
            if v.code in ("room_clash", "person_clash", "feeder")
        ]
        if clashes:
            del places[session.id]
            reasons[session.id] = [Violation("pinned", (session.id,)), *clashes]
        else:
            kept.append(placement)


class _Board:
    """Who and what is busy when, for the greedy placement."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.rooms: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
        self.people: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
        self.placed: dict[int, Candidate] = {}
        self.theme_load: Counter[tuple[int, datetime]] = Counter()

    @staticmethod
    def _free(busy: list[tuple[datetime, datetime]], start: datetime, end: datetime) -> bool:
        return all(end <= s or e <= start for s, e in busy)

    def fits(self, session: SessionSpec, c: Candidate) -> bool:
        if not self._free(self.rooms[c.room], c.start, c.end):
            return False
        if not all(self._free(self.people[p.key], c.start, c.end) for p in session.people):
            return False
        main = self.placed.get(session.feeds) if session.feeds is not None else None
        if main is not None and c.end > main.start:
            return False
        for other, place in self.placed.items():
            if self.problem.session_by_id[other].feeds == session.id and place.end > c.start:
                return False
        return True

    def put(self, session: SessionSpec, c: Candidate) -> None:
        self.rooms[c.room].append((c.start, c.end))
        for person in session.people:
            self.people[person.key].append((c.start, c.end))
        self.placed[session.id] = c
        if session.theme is not None:
            self.theme_load[(session.theme, c.start)] += 1


def _valid_hint(
    problem: Problem, places: Mapping[int, list[Candidate]], hint: Iterable[Placement]
) -> dict[int, Candidate]:
    """The hinted places that are still possible for their session."""
    found: dict[int, Candidate] = {}
    for placement in hint:
        for candidate in places.get(placement.session, ()):
            if candidate.placement(placement.session) == placement:
                found[placement.session] = candidate
                break
    return found


def _greedy(
    problem: Problem,
    places: Mapping[int, list[Candidate]],
    weight: Mapping[str, int],
    keep: Mapping[int, Candidate] | None = None,
) -> dict[int, Candidate]:
    """A quick valid placement: the hinted places that still fit first, then the most
    constrained sessions, each in the cheapest free place (its theme already running then,
    remote speakers' hours)."""
    board = _Board(problem)
    sessions = problem.session_by_id
    for sid, candidate in sorted((keep or {}).items()):
        if board.fits(sessions[sid], candidate):
            board.put(sessions[sid], candidate)
    order = sorted(
        places,
        key=lambda sid: (
            sessions[sid].pinned is None,
            len(places[sid]),
            -len(sessions[sid].people),
            sid,
        ),
    )
    for sid in order:
        if sid in board.placed:
            continue
        session = sessions[sid]

        def cost(c: Candidate, session: SessionSpec = session) -> tuple[int, datetime, int]:
            value = 0
            if session.theme is not None:
                value += weight["theme_parallel"] * board.theme_load[(session.theme, c.start)]
            value += weight["remote_hours"] * sum(
                1 for p in session.people if remote_out_of_hours(p, c.start, c.end)
            )
            return value, c.start, c.room

        for candidate in sorted(places[sid], key=cost):
            if board.fits(session, candidate):
                board.put(session, candidate)
                break
    return board.placed


def _covered(moments: Sequence[datetime], start: datetime, end: datetime) -> range:
    """Indices of the moments within [start, end)."""
    return range(bisect.bisect_left(moments, start), bisect.bisect_left(moments, end))


def _explain_unplaced(
    problem: Problem, session: SessionSpec, places: Sequence[Candidate], placed: list[Placement]
) -> tuple[Violation, ...]:
    """Why no possible place of a session was free: at each possible time, someone of the
    session is busy elsewhere, or it would end after a session it feeds starts, or every
    suitable room is taken. People first, then feeders, then full rooms."""
    by_time: dict[tuple[datetime, datetime], list[Candidate]] = defaultdict(list)
    for candidate in places:
        by_time[(candidate.start, candidate.end)].append(candidate)
    people: dict[str, Violation] = {}
    feeders: list[Violation] = []
    full = 0
    for candidates in by_time.values():
        found = [
            [
                v
                for v in move_violations(problem, placed, c.placement(session.id))
                if v.code in ("room_clash", "person_clash", "feeder")
            ]
            for c in candidates
        ]
        flat = [v for violations in found for v in violations]
        clashes = [v for v in flat if v.code == "person_clash"]
        if clashes:
            for violation in clashes:
                people.setdefault(violation.person, violation)
        elif any(v.code == "feeder" for v in flat):
            feeders.extend(v for v in flat if v.code == "feeder" and v not in feeders)
        elif all(any(v.code == "room_clash" for v in violations) for violations in found):
            full += 1
    chosen: list[Violation] = list(people.values())[:MAX_REASONS]
    chosen.extend(feeders[: max(0, MAX_REASONS - len(chosen))])
    if full and len(chosen) < MAX_REASONS:
        chosen.append(Violation("rooms_taken", (session.id,), needed=full))
    if not chosen:
        chosen.append(Violation("crowded", (session.id,), available=len(places)))
    return tuple(chosen)


class _Model:
    """The CP-SAT model of one problem, hinted with a known valid placement."""

    def __init__(
        self,
        problem: Problem,
        places: Mapping[int, list[Candidate]],
        weight: Mapping[str, int],
        start: Mapping[int, Candidate],
        *,
        moves: Mapping[int, tuple[Candidate, int]] | None = None,
        extra: Mapping[int, Mapping[Candidate, int]] | None = None,
    ) -> None:
        self.problem, self.places, self.weight, self.start = problem, places, weight, start
        # Per session and place: a cost beside sessions outside the model.
        self.extra = extra or {}
        # Per published session: its published place and what leaving it costs.
        self.moves = moves or {}
        self.sessions = problem.session_by_id
        self.model = cp_model.CpModel()
        self.choice: dict[int, list[cp_model.IntVar]] = {}
        self.placed: dict[int, cp_model.IntVar] = {}
        self.moments = sorted({c.start for cs in places.values() for c in cs})
        self.by_session_moment: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
        self.objective: list[cp_model.LinearExprT] = []
        self.by_theme: dict[int, list[int]] = defaultdict(list)
        for sid in places:
            theme = self.sessions[sid].theme
            if theme is not None:
                self.by_theme[theme].append(sid)

    def _hinted(self, sid: int, candidate: Candidate) -> bool:
        return self.start.get(sid) == candidate

    def _aux(self, upper: int, value: int) -> cp_model.IntVar:
        variable = self.model.new_int_var(0, upper, "")
        self.model.add_hint(variable, max(0, min(upper, value)))
        return variable

    def add_choices(self) -> None:
        by_room: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
        for sid, candidates in self.places.items():
            session = self.sessions[sid]
            variables = [self.model.new_bool_var("") for _ in candidates]
            self.choice[sid] = variables
            placed = self.model.new_bool_var("")
            self.placed[sid] = placed
            self.model.add(sum(variables) == placed)
            self.model.add_hint(placed, sid in self.start)
            if session.pinned is not None:
                self.model.add(placed == 1)
            self.objective.append(UNPLACED_COST * (1 - placed))
            kept = self.moves.get(sid)
            extra = self.extra.get(sid, {})
            for candidate, variable in zip(candidates, variables, strict=True):
                if kept is not None and candidate == kept[0]:
                    self.objective.append(kept[1] * (1 - variable))
                if candidate in extra:
                    self.objective.append(extra[candidate] * variable)
                self.model.add_hint(variable, self._hinted(sid, candidate))
                for k in _covered(self.moments, candidate.start, candidate.end):
                    by_room[(candidate.room, k)].append(variable)
                    self.by_session_moment[(sid, k)].append(variable)
                remote = sum(
                    1
                    for p in session.people
                    if remote_out_of_hours(p, candidate.start, candidate.end)
                )
                if remote and self.weight["remote_hours"]:
                    self.objective.append(self.weight["remote_hours"] * remote * variable)
        for variables in by_room.values():
            if len(variables) > 1:
                self.model.add_at_most_one(variables)
        # The known placement proves this many sessions fit: never settle for fewer.
        self.model.add(sum(self.placed.values()) >= len(self.start))

    def add_people(self) -> None:
        """Nobody in two places at once."""
        sessions_of: dict[str, list[int]] = defaultdict(list)
        for sid in self.places:
            for key in {p.key for p in self.sessions[sid].people}:
                sessions_of[key].append(sid)
        for sids in sessions_of.values():
            if len(sids) < 2:
                continue
            for k in range(len(self.moments)):
                variables = [v for sid in sids for v in self.by_session_moment.get((sid, k), ())]
                if len(variables) > 1:
                    self.model.add_at_most_one(variables)

    def add_feeders(self) -> None:
        """Feeders end before the main session starts (when both are placed)."""
        origin = self.moments[0] if self.moments else None

        def minutes(moment: datetime) -> int:
            return int((moment - origin).total_seconds() // 60) if origin else 0

        for sid in self.places:
            main = self.sessions[sid].feeds
            if main is None or main not in self.places:
                continue
            end = sum(
                minutes(c.end) * v for c, v in zip(self.places[sid], self.choice[sid], strict=True)
            )
            start = sum(
                minutes(c.start) * v
                for c, v in zip(self.places[main], self.choice[main], strict=True)
            )
            self.model.add(end <= start).only_enforce_if([self.placed[sid], self.placed[main]])

    def add_theme_parallel(self) -> None:
        """Sessions of one theme in parallel: every one beyond the first, at each moment."""
        weight = self.weight["theme_parallel"]
        if not weight:
            return
        for sids in self.by_theme.values():
            for k, moment in enumerate(self.moments):
                present = [sid for sid in sids if self.by_session_moment.get((sid, k))]
                if len(present) < 2:
                    continue
                variables = [v for sid in present for v in self.by_session_moment[(sid, k)]]
                running = sum(
                    1
                    for sid in present
                    if sid in self.start and self.start[sid].start <= moment < self.start[sid].end
                )
                excess = self._aux(len(present), running - 1)
                self.model.add(sum(variables) - 1 <= excess)
                self.objective.append(weight * excess)

    def add_theme_spread(self) -> None:
        """A theme spread over the days: no more than its fair share on any day."""
        weight = self.weight["theme_spread"]
        days = self.problem.days or tuple(
            sorted({c.day for cs in self.places.values() for c in cs})
        )
        if not weight or not days:
            return
        for sids in self.by_theme.values():
            limit = math.ceil(len(sids) / len(days))
            for day in days:
                variables = [
                    v
                    for sid in sids
                    for c, v in zip(self.places[sid], self.choice[sid], strict=True)
                    if c.day == day
                ]
                if len(variables) <= limit:
                    continue
                that_day = sum(
                    1 for sid in sids if sid in self.start and self.start[sid].day == day
                )
                over = self._aux(len(sids), that_day - limit)
                self.model.add(sum(variables) - limit <= over)
                self.objective.append(weight * over)

    def add_track_rooms(self) -> None:
        """A track kept in one room: each further room it uses costs."""
        weight = self.weight["track_rooms"]
        if not weight:
            return
        by_track: dict[int, list[int]] = defaultdict(list)
        for sid in self.places:
            track = self.sessions[sid].track
            if track is not None:
                by_track[track].append(sid)
        for sids in by_track.values():
            if len(sids) < 2:
                continue
            used = {self.start[sid].room for sid in sids if sid in self.start}
            uses: dict[int, cp_model.IntVar] = {}
            for sid in sids:
                for c, v in zip(self.places[sid], self.choice[sid], strict=True):
                    if c.room not in uses:
                        uses[c.room] = self.model.new_bool_var("")
                        self.model.add_hint(uses[c.room], c.room in used)
                        self.objective.append(weight * uses[c.room])
                    self.model.add_implication(v, uses[c.room])

    def build(self) -> None:
        self.add_choices()
        self.add_people()
        self.add_feeders()
        self.add_theme_parallel()
        self.add_theme_spread()
        self.add_track_rooms()
        self.model.minimize(sum(self.objective))

    def run(self, seconds: float, workers: int, seed: int) -> tuple[dict[int, Candidate], str]:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.5, seconds)
        solver.parameters.num_workers = max(1, workers)
        solver.parameters.random_seed = seed
        # Probing a model this size takes longer than it saves; the hint already solves it.
        solver.parameters.cp_model_probing_level = 0
        solver.parameters.log_search_progress = bool(os.environ.get("IGF_SOLVER_LOG"))
        status = solver.solve(self.model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return dict(self.start), "greedy"
        chosen: dict[int, Candidate] = {}
        for sid, variables in self.choice.items():
            for candidate, variable in zip(self.places[sid], variables, strict=True):
                if solver.boolean_value(variable):
                    chosen[sid] = candidate
                    break
        return chosen, "optimal" if status == cp_model.OPTIMAL else "feasible"


def _published_candidate(problem: Problem, session: SessionSpec) -> Candidate | None:
    pub = session.published
    if pub is None:
        return None
    return Candidate(pub.room, pub.start, pub.end, problem.day_of(pub.start))


def _hold_published(
    problem: Problem, places: Mapping[int, list[Candidate]]
) -> tuple[dict[int, Candidate], dict[int, list[Violation]]]:
    """The published places that can be kept as they are, and why the others cannot: the place
    breaks a rule on its own (a room now closed, someone unavailable, another grid), or
    clashes with a pinned session or with a published session kept before it."""
    held: dict[int, Candidate] = {}
    forced: dict[int, list[Violation]] = {}
    keys = people_keys(problem)
    kept: list[Placement] = [
        places[s.id][0].placement(s.id)
        for s in problem.sessions
        if s.pinned is not None and s.id in places
    ]
    for session in sorted(problem.sessions, key=lambda s: s.id):
        candidate = _published_candidate(problem, session)
        if candidate is None or session.pinned is not None:
            continue
        placement = candidate.placement(session.id)
        alone = placement_misfits(problem, session, placement)
        if alone or candidate not in places.get(session.id, []):
            forced[session.id] = alone or [Violation("crowded", (session.id,))]
            continue
        clashes = [
            v
            for v in move_violations(problem, kept, placement, keys)
            if v.code in ("room_clash", "person_clash", "feeder")
        ]
        if clashes:
            forced[session.id] = clashes
            continue
        held[session.id] = candidate
        kept.append(placement)
    return held, forced


def _in_the_way(
    problem: Problem,
    places: Mapping[int, list[Candidate]],
    held: Mapping[int, Candidate],
    left_out: set[int],
) -> set[int]:
    """The held published sessions that stand in the way of the sessions left out: those
    sharing a person with one of them, and (the earliest few) in a room at a time one of
    them could take while its people are free."""
    sessions = problem.session_by_id
    busy: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    for sid, c in held.items():
        for person in sessions[sid].people:
            busy[person.key].append((c.start, c.end))
    wanted: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    keys: set[str] = set()
    for sid in left_out:
        people = [p.key for p in sessions[sid].people]
        keys.update(people)
        for c in places.get(sid, []):
            if not any(a < c.end and c.start < b for key in people for a, b in busy[key]):
                wanted[c.room].append((c.start, c.end))
    found = {sid for sid in held if keys & {p.key for p in sessions[sid].people}}
    occupants = sorted(
        (c.start, sid)
        for sid, c in held.items()
        if sid not in found
        and any(c.start < end and start < c.end for start, end in wanted.get(c.room, ()))
    )
    # A few occupants are enough to make room; all of them would make the search slow.
    found.update(sid for _start, sid in occupants[:MAX_OCCUPANTS_MOVED])
    return found


def _search(
    problem: Problem,
    places: Mapping[int, list[Candidate]],
    weight: Mapping[str, int],
    hint: Mapping[int, Candidate],
    *,
    seconds: float,
    workers: int,
    seed: int,
    moves: Mapping[int, tuple[Candidate, int]] | None = None,
) -> tuple[dict[int, Candidate], dict[int, Candidate], str]:
    """The greedy start and the search's answer (or the start, labelled "greedy")."""
    start = _greedy(problem, places, weight, hint)
    model = _Model(problem, places, weight, start, moves=moves)
    model.build()
    chosen, label = model.run(seconds, workers, seed)
    return start, chosen, label


def _search_around(
    problem: Problem,
    places: Mapping[int, list[Candidate]],
    weight: Mapping[str, int],
    held: Mapping[int, Candidate],
    hint: Mapping[int, Candidate],
    *,
    seconds: float,
    workers: int,
    seed: int,
    moves: Mapping[int, tuple[Candidate, int]] | None = None,
) -> tuple[dict[int, Candidate], dict[int, Candidate], str]:
    """Place the other sessions around the `held` ones, which stay as they are: the search
    sees only the others, in the places the held ones leave free, each place costing what
    it adds beside the held sessions (its theme already running then, a further room for
    its track). A small model, so a re-run after a release is quick."""
    sessions = problem.session_by_id
    board = _Board(problem)
    theme_busy: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    track_rooms: dict[int, set[int]] = defaultdict(set)
    for sid, c in held.items():
        spec = sessions[sid]
        board.put(spec, c)
        if spec.theme is not None:
            theme_busy[spec.theme].append((c.start, c.end))
        if spec.track is not None:
            track_rooms[spec.track].add(c.room)
    free: dict[int, list[Candidate]] = {}
    extra: dict[int, dict[Candidate, int]] = {}
    for sid, candidates in places.items():
        if sid in held:
            continue
        spec = sessions[sid]
        fitting = [c for c in candidates if board.fits(spec, c)]
        if not fitting:
            continue
        free[sid] = fitting
        costs: dict[Candidate, int] = {}
        for c in fitting:
            cost = 0
            if spec.theme is not None and any(
                a < c.end and c.start < b for a, b in theme_busy.get(spec.theme, ())
            ):
                cost += weight["theme_parallel"]
            rooms = track_rooms.get(spec.track) if spec.track is not None else None
            if rooms and c.room not in rooms:
                cost += weight["track_rooms"]
            if cost:
                costs[c] = cost
        extra[sid] = costs
    if not free:
        return dict(held), dict(held), "optimal"
    free_hint = {sid: c for sid, c in hint.items() if sid in free and c in free[sid]}
    start = _greedy(problem, free, weight, free_hint)
    model = _Model(problem, free, weight, start, moves=moves, extra=extra)
    model.build()
    chosen, label = model.run(seconds, workers, seed)
    return {**held, **start}, {**held, **chosen}, label


def _moved(
    problem: Problem,
    chosen: Mapping[int, Candidate],
    forced: Mapping[int, list[Violation]],
    *,
    minimal: bool,
) -> tuple[Moved, ...]:
    """The published sessions that are not where the release has them, with the reasons."""
    found = []
    for session in sorted(problem.sessions, key=lambda s: s.id):
        published = _published_candidate(problem, session)
        if published is None or chosen.get(session.id) == published:
            continue
        if session.id in forced:
            reasons = tuple(forced[session.id][:MAX_REASONS])
        elif minimal:
            reasons = (Violation("make_room", (session.id,)),)
        else:
            reasons = (Violation("replan", (session.id,)),)
        found.append(Moved(session.id, reasons))
    return tuple(found)


def solve(
    problem: Problem,
    weights: Mapping[str, int] | None = None,
    *,
    time_limit: float = 60.0,
    workers: int = 2,
    seed: int = 0,
    hint: Iterable[Placement] = (),
    minimal: bool = True,
) -> Solution:
    """Place the sessions of `problem`; see the module's docstring. `hint` is a placement to
    start from (the current schedule), used where it is still valid. With `minimal` (the
    default) and published places in the problem, published sessions move only when they
    must; otherwise every unpinned session may move (a full re-plan)."""
    started = time.perf_counter()

    def left() -> float:
        return time_limit - (time.perf_counter() - started)

    weight = weights_with_defaults(weights)
    places, reasons = _candidates(problem)
    _keep_compatible_pins(problem, places, reasons)
    sessions = problem.session_by_id
    hinted = _valid_hint(problem, places, hint)
    published = any(s.published is not None for s in problem.sessions)
    minimal = minimal and published
    forced: dict[int, list[Violation]] = {}
    if minimal:
        held, forced = _hold_published(problem, places)
        start, chosen, label = _search_around(
            problem,
            places,
            weight,
            held,
            hinted,
            seconds=left() / 2,
            workers=workers,
            seed=seed,
        )
        if len(chosen) < len(places):
            # Some session is left out with published places held: let the published
            # sessions in its way move, at a cost.
            movable = _in_the_way(problem, places, held, set(places) - set(chosen))
            moves = {
                sid: (c, move_cost(problem, sessions[sid]))
                for sid in movable
                if (c := _published_candidate(problem, sessions[sid])) is not None
            }
            start2, chosen2, label2 = _search_around(
                problem,
                places,
                weight,
                {sid: c for sid, c in held.items() if sid not in movable},
                chosen,
                seconds=max(1.0, left()),
                workers=workers,
                seed=seed,
                moves=moves,
            )
            if len(chosen2) > len(chosen) and not hard_violations(
                problem, [c.placement(sid) for sid, c in chosen2.items()]
            ):
                start, chosen, label = start2, chosen2, label2
    else:
        start, chosen, label = _search(
            problem, places, weight, hinted, seconds=left(), workers=workers, seed=seed
        )
    placements = [c.placement(sid) for sid, c in chosen.items()]
    violations = hard_violations(problem, placements)
    if violations and label != "greedy":
        chosen, label = start, "greedy"
        placements = [c.placement(sid) for sid, c in chosen.items()]
        violations = hard_violations(problem, placements)
    unplaced = [Unplaced(sid, tuple(why)) for sid, why in sorted(reasons.items())]
    for sid in sorted(places):
        if sid not in chosen:
            unplaced.append(
                Unplaced(sid, _explain_unplaced(problem, sessions[sid], places[sid], placements))
            )
    for sid, why in reasons.items():
        forced.setdefault(sid, why)
    placements.sort(key=lambda p: (p.start, p.room, p.session))
    return Solution(
        placements=tuple(placements),
        unplaced=tuple(sorted(unplaced, key=lambda u: u.session)),
        soft=soft_costs(problem, placements, weight),
        status=label,
        seconds=time.perf_counter() - started,
        violations=tuple(violations),
        moved=_moved(problem, chosen, forced, minimal=minimal),
        minimal=minimal,
    )


def explain_unplaced(
    problem: Problem, placements: Sequence[Placement], session_ids: Iterable[int]
) -> dict[int, tuple[Violation, ...]]:
    """Why each of these sessions is not in the schedule `placements` (for sessions the
    solver left out, explained again against the schedule as it is now)."""
    places, reasons = _candidates(problem)
    _keep_compatible_pins(problem, places, reasons)
    placed = list(placements)
    found: dict[int, tuple[Violation, ...]] = {}
    for sid in session_ids:
        spec = problem.session_by_id.get(sid)
        if spec is None:
            continue
        if sid in reasons:
            found[sid] = tuple(reasons[sid])
        else:
            found[sid] = _explain_unplaced(problem, spec, places.get(sid, []), placed)
    return found
