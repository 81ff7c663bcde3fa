"""The schedule solver on plain data: hard constraints are never broken, on random small
instances too (Hypothesis); what cannot be placed is explained; soft constraints are weighed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from igf.schedule.constraints import (
    GridTime,
    PersonRef,
    Placement,
    Problem,
    RoomSpec,
    SessionSpec,
    hard_violations,
    soft_costs,
)
from igf.schedule.solver import explain_unplaced, solve

DAY = date(2026, 6, 22)
WORKSHOP, MAIN = 1, 2


def at(hour: int, minute: int = 0, day: int = 0) -> datetime:
    return datetime(2026, 6, 22 + day, hour, minute, tzinfo=UTC)


def times(
    *starts: tuple[int, int], minutes: int = 60, types: tuple[int, ...] = (WORKSHOP,)
) -> list[GridTime]:
    return [
        GridTime(
            id=index,
            start=at(hour, 0, day),
            end=at(hour, 0, day) + timedelta(minutes=minutes),
            types=frozenset(types),
            day=DAY + timedelta(days=day),
        )
        for index, (day, hour) in enumerate(starts, start=100 * minutes)
    ]


def room(pk: int, capacity: int = 100, **kwargs: object) -> RoomSpec:
    return RoomSpec(id=pk, name=f"Room {pk}", capacity=capacity, **kwargs)  # type: ignore[arg-type]


def session(pk: int, *people: str, **kwargs: object) -> SessionSpec:
    return SessionSpec(
        id=pk,
        title=f"Session {pk}",
        type_id=kwargs.pop("type_id", WORKSHOP),  # type: ignore[arg-type]
        duration=kwargs.pop("duration", 60),  # type: ignore[arg-type]
        people=tuple(PersonRef(key=p, name=p) for p in people),
        **kwargs,  # type: ignore[arg-type]
    )


def test_solver_keeps_a_person_out_of_two_places_at_once() -> None:
    problem = Problem(
        rooms=(room(1), room(2)),
        times=tuple(times((0, 9), (0, 10))),
        sessions=(session(1, "amina"), session(2, "amina"), session(3, "oleg")),
    )
    solution = solve(problem, time_limit=5)
    assert solution.unplaced == ()
    by_session = {p.session: p for p in solution.placements}
    assert not by_session[1].overlaps(by_session[2])
    assert solution.violations == ()
    assert hard_violations(problem, solution.placements) == []


def test_solver_fits_rooms_to_attendance_and_equipment() -> None:
    problem = Problem(
        rooms=(
            room(1, capacity=40, hybrid=False),
            room(2, capacity=500, hybrid=True, booths=3),
        ),
        times=tuple(times((0, 9), (0, 10), (0, 11))),
        sessions=(
            session(1, attendance=300),
            session(2, hybrid=True),
            session(3, booths=2),
            session(4, attendance=20),
        ),
    )
    solution = solve(problem, time_limit=5)
    rooms = {p.session: p.room for p in solution.placements}
    assert rooms == {1: 2, 2: 2, 3: 2, 4: 1}
    assert solution.unplaced == ()


def test_solver_explains_a_session_no_room_can_take() -> None:
    problem = Problem(
        rooms=(room(1, capacity=50, booths=0),),
        times=tuple(times((0, 9))),
        sessions=(session(1, attendance=800), session(2, booths=4)),
    )
    solution = solve(problem, time_limit=5)
    reasons = {u.session: [v.code for v in u.reasons] for u in solution.unplaced}
    assert reasons == {1: ["capacity"], 2: ["booths"]}
    capacity = next(v for v in solution.unplaced[0].reasons)
    assert (capacity.needed, capacity.available) == (800, 50)


def test_solver_explains_a_session_with_no_grid_of_its_duration() -> None:
    problem = Problem(
        rooms=(room(1),), times=tuple(times((0, 9))), sessions=(session(1, duration=90),)
    )
    solution = solve(problem, time_limit=5)
    assert [(u.session, [v.code for v in u.reasons]) for u in solution.unplaced] == [(1, ["grid"])]


def test_solver_explains_what_does_not_fit_when_people_are_overbooked() -> None:
    """Three sessions of one speaker, two times: one cannot be placed, and the speaker is
    named as the reason."""
    problem = Problem(
        rooms=(room(1), room(2), room(3)),
        times=tuple(times((0, 9), (0, 10))),
        sessions=(session(1, "amina"), session(2, "amina"), session(3, "amina")),
    )
    solution = solve(problem, time_limit=5)
    assert len(solution.placements) == 2
    [unplaced] = solution.unplaced
    assert {v.code for v in unplaced.reasons} == {"person_clash"}
    assert {v.person for v in unplaced.reasons} == {"amina"}


def test_solver_places_feeders_before_the_main_session() -> None:
    grid = [*times((0, 9), (0, 14), (1, 9)), *times((0, 11), (1, 11), minutes=120, types=(MAIN,))]
    problem = Problem(
        rooms=(room(1), room(2)),
        times=tuple(grid),
        sessions=(
            session(10, type_id=MAIN, duration=120),
            session(1, feeds=10),
            session(2, feeds=10),
        ),
    )
    solution = solve(problem, time_limit=5)
    where = {p.session: p for p in solution.placements}
    assert where[1].end <= where[10].start
    assert where[2].end <= where[10].start
    assert solution.unplaced == ()


def test_solver_keeps_pinned_sessions_and_explains_clashing_pins() -> None:
    pinned = Placement(1, 2, at(10), at(11))
    clashing = Placement(2, 2, at(10), at(11))
    problem = Problem(
        rooms=(room(1), room(2)),
        times=tuple(times((0, 9), (0, 10))),
        sessions=(session(1, pinned=pinned), session(2, pinned=clashing), session(3)),
    )
    solution = solve(problem, time_limit=5)
    assert pinned in solution.placements
    [unplaced] = solution.unplaced
    assert unplaced.session == 2
    assert [v.code for v in unplaced.reasons] == ["pinned", "room_clash"]


def test_solver_avoids_one_theme_in_parallel_when_it_can() -> None:
    problem = Problem(
        rooms=(room(1), room(2)),
        times=tuple(times((0, 9), (0, 10))),
        sessions=(
            session(1, theme=7),
            session(2, theme=7),
            session(3, theme=8),
            session(4, theme=8),
        ),
    )
    solution = solve(problem, time_limit=5)
    assert solution.soft.by_code()["theme_parallel"] == 0
    starts = {p.session: p.start for p in solution.placements}
    assert starts[1] != starts[2]
    assert starts[3] != starts[4]


def test_solver_respects_remote_speakers_hours_when_it_can() -> None:
    """A speaker in Los Angeles (UTC-7 in June): 09:00 UTC is 02:00 there, 16:00 UTC is 09:00."""
    remote = PersonRef(key="la", name="Speaker in Los Angeles", remote_zone="America/Los_Angeles")
    problem = Problem(
        rooms=(room(1),),
        times=tuple(times((0, 9), (0, 16))),
        sessions=(
            SessionSpec(id=1, title="Late", type_id=WORKSHOP, duration=60, people=(remote,)),
        ),
    )
    solution = solve(problem, time_limit=5)
    assert solution.placements[0].start == at(16)
    assert solution.cost == 0


def test_solver_keeps_a_track_in_one_room_when_it_can() -> None:
    problem = Problem(
        rooms=(room(1), room(2), room(3)),
        times=tuple(times((0, 9), (0, 10), (0, 11))),
        sessions=(
            session(1, track=5),
            session(2, track=5),
            session(3, track=5),
            session(4),
            session(5),
        ),
    )
    solution = solve(problem, time_limit=5)
    assert len({p.room for p in solution.placements if p.session in (1, 2, 3)}) == 1
    assert solution.soft.by_code()["track_rooms"] == 0


def test_soft_costs_count_each_constraint() -> None:
    problem = Problem(
        rooms=(room(1), room(2)),
        times=tuple(times((0, 9), (1, 9))),
        sessions=(
            session(1, theme=7, track=3),
            session(2, theme=7, track=3),
        ),
    )
    together = [Placement(1, 1, at(9), at(10)), Placement(2, 2, at(9), at(10))]
    report = soft_costs(
        problem, together, {"theme_parallel": 10, "theme_spread": 2, "track_rooms": 3}
    )
    assert report.by_code() == {
        "theme_parallel": 10,
        "remote_hours": 0,
        "theme_spread": 2,
        "track_rooms": 3,
    }
    assert report.total == 15


# --- Random small instances ---------------------------------------------------------------------

PEOPLE = ("a", "b", "c", "d", "e", "f")


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    rooms = tuple(
        RoomSpec(
            id=pk,
            name=f"Room {pk}",
            capacity=draw(st.sampled_from((20, 60, 200))),
            hybrid=draw(st.booleans()),
            booths=draw(st.integers(0, 2)),
            captioning=draw(st.booleans()),
        )
        for pk in range(1, draw(st.integers(1, 3)) + 1)
    )
    hours = draw(st.lists(st.integers(8, 17), min_size=1, max_size=4, unique=True))
    days = draw(st.integers(1, 2))
    grid = [
        GridTime(
            id=len(hours) * day + index,
            start=at(hour, 0, day),
            end=at(hour, 0, day) + timedelta(minutes=60),
            types=frozenset({WORKSHOP}),
            day=DAY + timedelta(days=day),
        )
        for day in range(days)
        for index, hour in enumerate(hours)
    ]
    grid += [
        GridTime(
            id=1000 + day,
            start=at(13, 30, day),
            end=at(15, 0, day),
            types=frozenset({WORKSHOP, MAIN}),
            day=DAY + timedelta(days=day),
        )
        for day in range(days)
    ]
    count = draw(st.integers(1, 7))
    sessions = []
    for pk in range(1, count + 1):
        people = draw(st.lists(st.sampled_from(PEOPLE), max_size=3, unique=True))
        remote = draw(st.sampled_from((None, "Asia/Tokyo", "America/Mexico_City")))
        sessions.append(
            SessionSpec(
                id=pk,
                title=f"S{pk}",
                type_id=draw(st.sampled_from((WORKSHOP, MAIN))),
                duration=draw(st.sampled_from((60, 90))),
                attendance=draw(st.sampled_from((0, 50, 150, 500))),
                hybrid=draw(st.booleans()),
                booths=draw(st.integers(0, 2)),
                captioning=draw(st.booleans()),
                theme=draw(st.sampled_from((None, 1, 2))),
                track=draw(st.sampled_from((None, 1))),
                feeds=draw(st.sampled_from((None, *range(1, count + 1)))),
                people=tuple(
                    PersonRef(p, p, remote if index == 0 else None)
                    for index, p in enumerate(people)
                ),
            )
        )
    # Sometimes a session is pinned somewhere, possibly in a bad place.
    if draw(st.booleans()):
        target = draw(st.sampled_from(sessions))
        slot = draw(st.sampled_from(grid))
        pin = Placement(target.id, draw(st.sampled_from(rooms)).id, slot.start, slot.end)
        sessions = [
            SessionSpec(**{**{f: getattr(s, f) for f in s.__slots__}, "pinned": pin})  # type: ignore[attr-defined]
            if s.id == target.id and s.duration == slot.minutes
            else s
            for s in sessions
        ]
    return Problem(rooms=rooms, times=tuple(grid), sessions=tuple(sessions))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_solver_never_breaks_a_hard_constraint(problem: Problem) -> None:
    solution = solve(problem, time_limit=2, workers=1)
    assert hard_violations(problem, solution.placements) == []
    placed = {p.session for p in solution.placements}
    unplaced = {u.session for u in solution.unplaced}
    # Every session is either placed once or explained.
    assert placed | unplaced == {s.id for s in problem.sessions}
    assert not placed & unplaced
    assert len(placed) == len(solution.placements)
    assert all(u.reasons for u in solution.unplaced)
    # Explaining again against the final schedule gives reasons too.
    again = explain_unplaced(problem, solution.placements, unplaced)
    assert all(again[s] for s in unplaced)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_solver_places_at_least_as_many_as_the_greedy_start(problem: Problem) -> None:
    """The search starts from a greedy placement and never settles for fewer sessions."""
    from igf.schedule import solver  # noqa: PLC0415
    from igf.schedule.constraints import weights_with_defaults  # noqa: PLC0415

    places, reasons = solver._candidates(problem)
    solver._keep_compatible_pins(problem, places, reasons)
    greedy = solver._greedy(problem, places, weights_with_defaults(None))
    solution = solve(problem, time_limit=2, workers=1)
    assert len(solution.placements) >= len(greedy)


def test_solver_explains_a_schedule_with_more_sessions_than_places() -> None:
    problem = Problem(
        rooms=(room(1),),
        times=tuple(times((0, 9), (0, 10))),
        sessions=tuple(session(pk) for pk in range(1, 5)),
    )
    solution = solve(problem, time_limit=5)
    assert len(solution.placements) == 2
    assert [[v.code for v in u.reasons] for u in solution.unplaced] == [
        ["rooms_taken"],
        ["rooms_taken"],
    ]
    assert all(u.reasons[0].needed == 2 for u in solution.unplaced)
