"""Once a release is public the solver changes as little as it can (issue 13): published
sessions stay unless a hard constraint forces them away, each move is reported with its
reason, a full re-plan is asked for explicitly; rooms open only at some hours and people
unavailable at stated times are hard constraints."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from igf.schedule.constraints import (
    Placement,
    Problem,
    hard_violations,
    move_cost,
    move_violations,
)
from igf.schedule.solver import solve
from tests.schedule.test_schedule_solver import at, room, session, times

THEME = 7


def _published(spec_id: int, room_id: int, hour: int) -> Placement:
    return Placement(spec_id, room_id, at(hour), at(hour) + timedelta(minutes=60))


def _two_of_a_theme_in_parallel() -> Problem:
    """Two sessions of one theme published side by side at 09:00, with 10:00 free: a full
    re-plan would spread them (cheaper on "one theme in parallel"), minimal change keeps them."""
    return Problem(
        rooms=(room(1), room(2)),
        times=tuple(times((0, 9), (0, 10))),
        sessions=(
            session(1, "amina", theme=THEME, published=_published(1, 1, 9)),
            session(2, "oleg", theme=THEME, published=_published(2, 2, 9)),
            session(3, "li"),
        ),
    )


def _where(solution: object) -> dict[int, Placement]:
    return {p.session: p for p in solution.placements}  # type: ignore[attr-defined]


def test_minimal_change_keeps_every_published_session_and_places_the_new_one() -> None:
    problem = _two_of_a_theme_in_parallel()

    solution = solve(problem, time_limit=5)

    where = _where(solution)
    assert where[1] == _published(1, 1, 9)
    assert where[2] == _published(2, 2, 9)
    assert where[3].start == at(10)
    assert solution.moved == ()
    assert solution.minimal is True


def test_a_full_replan_may_move_published_sessions_and_says_so() -> None:
    problem = _two_of_a_theme_in_parallel()

    solution = solve(problem, time_limit=5, minimal=False)

    moved = {m.session: [v.code for v in m.reasons] for m in solution.moved}
    assert len(moved) == 1
    assert next(iter(moved.values())) == ["replan"]
    assert solution.soft.by_code()["theme_parallel"] == 0


def test_a_room_closed_at_the_published_time_forces_that_move_only() -> None:
    problem = _two_of_a_theme_in_parallel()
    closed = replace(problem.rooms[0], open=((at(10), at(18)),))
    problem = replace(problem, rooms=(closed, problem.rooms[1]))

    solution = solve(problem, time_limit=5)

    where = _where(solution)
    assert where[2] == _published(2, 2, 9)
    assert where[1].start == at(10)
    assert [(m.session, [v.code for v in m.reasons]) for m in solution.moved] == [
        (1, ["room_closed"])
    ]
    assert hard_violations(problem, solution.placements) == []


def test_a_person_unavailable_at_the_published_time_forces_that_move() -> None:
    problem = _two_of_a_theme_in_parallel()
    first = problem.sessions[1]
    away = replace(first.people[0], away=((at(8), at(9, 30)),))
    problem = replace(
        problem,
        sessions=(problem.sessions[0], replace(first, people=(away,)), problem.sessions[2]),
    )

    solution = solve(problem, time_limit=5)

    where = _where(solution)
    assert where[1] == _published(1, 1, 9)
    assert where[2].start == at(10)
    assert [(m.session, m.reasons[0].code, m.reasons[0].person) for m in solution.moved] == [
        (2, "unavailable", "oleg")
    ]


def test_a_published_session_moves_to_make_room_only_when_a_new_one_fits_nowhere_else() -> None:
    # Only room 2 seats 300; the published workshop there could go to room 1 instead.
    problem = Problem(
        rooms=(room(1, capacity=50), room(2, capacity=300)),
        times=tuple(times((0, 9))),
        sessions=(
            session(1, "amina", attendance=40, published=_published(1, 2, 9)),
            session(2, "oleg", attendance=250),
        ),
    )

    solution = solve(problem, time_limit=5)

    where = _where(solution)
    assert where[1].room == 1
    assert where[2].room == 2
    assert [(m.session, m.reasons[0].code) for m in solution.moved] == [(1, "make_room")]


def test_the_solver_never_places_a_new_session_in_a_closed_room_or_when_someone_is_away() -> None:
    problem = Problem(
        rooms=(room(1, open=((at(10), at(11)),)), room(2, open=((at(9), at(10)),))),
        times=tuple(times((0, 9), (0, 10))),
        sessions=(session(1, "amina"),),
    )
    away = replace(problem.sessions[0].people[0], away=((at(9), at(10)),))
    problem = replace(problem, sessions=(replace(problem.sessions[0], people=(away,)),))

    solution = solve(problem, time_limit=5)

    assert _where(solution)[1] == Placement(1, 1, at(10), at(11))


def test_a_move_by_hand_into_a_closed_room_is_refused_with_the_reason() -> None:
    problem = Problem(
        rooms=(room(1, open=((at(10), at(11)),)),),
        times=tuple(times((0, 9), (0, 10))),
        sessions=(session(1, "amina"),),
    )

    codes = [v.code for v in move_violations(problem, [], _published(1, 1, 9))]

    assert codes == ["room_closed"]


def test_a_move_costs_more_as_the_meeting_nears_and_with_far_remote_participants() -> None:
    base = _two_of_a_theme_in_parallel()
    near = replace(base, days_to_meeting=3, venue_zone="Europe/Zurich")
    far = replace(base, days_to_meeting=200, venue_zone="Europe/Zurich")
    spec = base.sessions[0]
    remote = replace(spec, people=(replace(spec.people[0], remote_zone="Pacific/Auckland"),))

    assert move_cost(far, spec) < move_cost(near, spec)
    assert move_cost(near, spec) < move_cost(near, remote)
