"""The minimal-change re-solve (issue 13): the 300-session meeting is solved and published,
then 10 new sessions arrive and 3 are withdrawn, and the solver runs again in its default
mode. It should place the new sessions and move no published session it need not move, in
under 10 seconds. A second round adds what forces moves (a room closed for a morning, three
speakers unavailable at their published times) and counts the moves against those that an
independent check says are forced. A full re-plan of the same change is shown for
comparison.

Pure data, no database: the instance (`instance.py`) becomes the solver's `Problem`; every
result is checked by `checker.py`, written from the instance, not from the platform's rules.

    .venv/bin/python bench/schedule/minimal_change.py [--seed 2026] [--limit 9]
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from datetime import datetime, timedelta
from importlib.metadata import version
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench.schedule import checker  # noqa: E402
from bench.schedule.instance import (  # noqa: E402
    DAYS,
    DURATION_KINDS,
    FIRST_DAY,
    ROOMS,
    VENUE_ZONE,
    Instance,
    _at,
    build,
)

from igf.schedule.constraints import (  # noqa: E402
    GridTime,
    PersonRef,
    Placement,
    Problem,
    RoomSpec,
    SessionSpec,
)
from igf.schedule.solver import Solution, solve  # noqa: E402

BASE_SESSIONS = 300
NEW_SESSIONS = 10
WITHDRAWN = (7, 120, 250)
GOAL_SECONDS = 10.0


def _kinds() -> dict[str, int]:
    names = sorted({k for kinds in DURATION_KINDS.values() for k in kinds})
    return {name: index + 1 for index, name in enumerate(names)}


def problem_of(
    instance: Instance,
    numbers: set[int],
    published: dict[int, Placement] | None = None,
    away: dict[str, tuple[tuple[datetime, datetime], ...]] | None = None,
    closed: dict[int, tuple[tuple[datetime, datetime], ...]] | None = None,
) -> Problem:
    """The instance's sessions `numbers` as the solver's problem. Room ids are the instance's
    room index + 1; `closed` gives open windows per room index."""
    kinds = _kinds()
    rooms = tuple(
        RoomSpec(
            id=index + 1,
            name=name,
            capacity=seats,
            hybrid=hybrid,
            booths=booths,
            captioning=True,
            order=index,
            open=(closed or {}).get(index, ()),
        )
        for index, (name, seats, hybrid, booths) in enumerate(ROOMS)
    )
    times = tuple(
        GridTime(
            id=duration * 1000 + n,
            start=start,
            end=start + timedelta(minutes=duration),
            types=frozenset(kinds[k] for k in DURATION_KINDS[duration]),
            day=start.astimezone(_venue()).date(),
        )
        for duration, starts in instance.grid_starts.items()
        for n, start in enumerate(starts)
    )
    sessions = []
    for s in instance.sessions:
        if s.number not in numbers:
            continue
        pinned = None
        if s.pinned is not None:
            room, start = s.pinned
            pinned = Placement(s.number, room + 1, start, start + timedelta(minutes=s.duration))
        sessions.append(
            SessionSpec(
                id=s.number,
                title=f"Session {s.number}",
                type_id=kinds[s.kind],
                duration=s.duration,
                attendance=s.attendance,
                hybrid=s.hybrid,
                booths=s.booths,
                theme=s.theme,
                track=s.track,
                feeds=s.feeds if s.feeds in numbers else None,
                people=tuple(
                    PersonRef(p.key, p.name, p.remote_zone, (away or {}).get(p.key, ()))
                    for _role, p in s.people
                ),
                pinned=pinned,
                published=(published or {}).get(s.number),
            )
        )
    return Problem(
        rooms=rooms,
        times=times,
        sessions=tuple(sessions),
        venue_zone=VENUE_ZONE,
        days_to_meeting=20,
    )


def _venue() -> ZoneInfo:
    return ZoneInfo(VENUE_ZONE)


def places(solution: Solution) -> dict[int, checker.Place]:
    return {p.session: checker.Place(p.room - 1, p.start, p.end) for p in solution.placements}


def moved_count(before: dict[int, Placement], solution: Solution) -> int:
    after = {p.session: p for p in solution.placements}
    return sum(1 for sid, p in before.items() if after.get(sid) != p)


def report(
    label: str,
    *,
    instance: Instance,
    solution: Solution,
    published: dict[int, Placement],
    wall: float,
    cpu: float,
    must: int | None = None,
) -> None:
    breaches = checker.hard_breaches(instance, places(solution))
    moved = moved_count(published, solution)
    reasons: dict[str, int] = {}
    for item in solution.moved:
        code = item.reasons[0].code if item.reasons else "?"
        reasons[code] = reasons.get(code, 0) + 1
    because = ", ".join(f"{code} {n}" for code, n in sorted(reasons.items())) or "none"
    print(
        f"{label}: {wall:.2f} s wall ({cpu:.2f} s CPU), status {solution.status}; "
        f"placed {len(solution.placements)}, unplaced {len(solution.unplaced)}; "
        f"hard violations (independent check) {len(breaches)}"
    )
    tail = f" (forced, by the independent check: {must})" if must is not None else ""
    print(f"  published sessions moved: {moved} of {len(published)}{tail}; because: {because}")
    print(f"  soft-constraint cost {solution.cost}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--first-limit", type=float, default=20.0)
    parser.add_argument("--limit", type=float, default=8.0, help="the re-solve's, in seconds")
    args = parser.parse_args()
    print(
        f"Machine: {platform.machine()} {platform.processor() or ''}, "
        f"Python {platform.python_version()}, OR-Tools {version('ortools')}"
    )
    instance = build(args.seed, sessions=BASE_SESSIONS + NEW_SESSIONS)
    base = {s.number for s in instance.sessions if s.number <= BASE_SESSIONS}
    new = {s.number for s in instance.sessions if s.number > BASE_SESSIONS}
    started = time.perf_counter()
    first = solve(problem_of(instance, base), time_limit=args.first_limit, workers=2)
    print(
        f"Release 1: {len(first.placements)} of {len(base)} sessions placed in "
        f"{time.perf_counter() - started:.1f} s ({first.status}), published"
    )
    published = {p.session: p for p in first.placements}
    now = (base - set(WITHDRAWN)) | new
    kept = {sid: p for sid, p in published.items() if sid in now}
    print(
        f"Change: {NEW_SESSIONS} new sessions, {len(WITHDRAWN)} withdrawn "
        f"({len(kept)} published sessions remain)"
    )

    problem = problem_of(instance, now, kept)
    started, cpu = time.perf_counter(), time.process_time()
    minimal = solve(problem, time_limit=args.limit, workers=2)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    report(
        "Minimal change (the default)",
        instance=instance,
        solution=minimal,
        published=kept,
        wall=wall,
        cpu=cpu,
        must=0,
    )
    print(f"  goal: under {GOAL_SECONDS:.0f} s: {'met' if wall < GOAL_SECONDS else 'MISSED'}")

    # Round 2: what forces moves. A workshop room closed on the last afternoon (open from
    # the first morning until 13:00 on the last day); three speakers unavailable at their
    # published times.
    morning_end = _at(FIRST_DAY + timedelta(days=DAYS - 1), "13:00")
    closed_room = len(ROOMS) - 6
    closed: dict[int, tuple[tuple[datetime, datetime], ...]] = {
        closed_room: ((_at(FIRST_DAY, "00:00"), morning_end),)
    }
    sessions = {s.number: s for s in instance.sessions}
    away: dict[str, tuple[tuple[datetime, datetime], ...]] = {}
    for sid in sorted(kept)[10:40:10]:
        person = sessions[sid].people[0][1]
        away[person.key] = ((kept[sid].start, kept[sid].end),)
    must = {
        sid
        for sid, p in kept.items()
        if (p.room == closed_room + 1 and p.end > morning_end)
        or any(
            a < p.end and p.start < b
            for _role, person in sessions[sid].people
            for a, b in away.get(person.key, ())
        )
    }
    forced_problem = problem_of(instance, now, kept, away, closed)
    started, cpu = time.perf_counter(), time.process_time()
    forced = solve(forced_problem, time_limit=args.limit, workers=2)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    report(
        f"Minimal change with {len(must)} forced moves (a room closed, people unavailable)",
        instance=instance,
        solution=forced,
        published=kept,
        wall=wall,
        cpu=cpu,
        must=len(must),
    )
    print(
        "  (make_room: a published session moved so that a session that fitted nowhere "
        "else could be placed)"
    )
    print(f"  goal: under {GOAL_SECONDS:.0f} s: {'met' if wall < GOAL_SECONDS else 'MISSED'}")

    started, cpu = time.perf_counter(), time.process_time()
    full = solve(problem, time_limit=args.limit, workers=2, minimal=False)
    report(
        "Full re-plan of the same change (for comparison)",
        instance=instance,
        solution=full,
        published=kept,
        wall=time.perf_counter() - started,
        cpu=time.process_time() - cpu,
    )


if __name__ == "__main__":
    main()
