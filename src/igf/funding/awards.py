"""Choosing travel awards: maximise the total score within the budget, subject to balance
targets (a minimum share of awards per region, gender or stakeholder group), with OR-Tools'
CP-SAT as the schedule uses. Pure: plain data in, a frozen result out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.linear_solver import pywraplp

SCALE = 100  # scores to integers (two decimals)


@dataclass(frozen=True)
class Candidate:
    key: int
    score: float
    amount: int  # whole units of the reporting currency
    traits: dict[str, str]  # dimension -> category, e.g. {"region": "african"}


@dataclass(frozen=True)
class Target:
    dimension: str
    category: str
    minimum: float  # share of awards, 0..1


@dataclass(frozen=True)
class Selection:
    chosen: tuple[int, ...]
    total_score: float
    spent: int
    optimal: bool
    feasible: bool
    balance: dict[str, dict[str, float]]  # dimension -> category -> share of awards


def balance_of(candidates: Sequence[Candidate], chosen: set[int]) -> dict[str, dict[str, float]]:
    """The share of awards in each category of each dimension."""
    picked = [c for c in candidates if c.key in chosen]
    result: dict[str, dict[str, float]] = {}
    dimensions = sorted({d for c in candidates for d in c.traits})
    for dimension in dimensions:
        counts = Counter(c.traits.get(dimension, "") for c in picked)
        result[dimension] = (
            {k: v / len(picked) for k, v in sorted(counts.items())} if picked else {}
        )
    return result


def choose(
    candidates: Sequence[Candidate],
    budget: int,
    targets: Sequence[Target] = (),
    seconds: float = 10.0,
) -> Selection:
    """The awards that maximise the total score within `budget`, meeting every target.

    A mixed-integer programme (OR-Tools' SCIP): its linear relaxation of a knapsack with a few
    share constraints is tight, where CP-SAT alone found no large feasible choice in 10 s on
    2,000 applications (bench/funding/awards.py).
    """
    solver = pywraplp.Solver.CreateSolver("SCIP")
    solver.SetTimeLimit(int(seconds * 1000))
    x = {c.key: solver.BoolVar(f"x{c.key}") for c in candidates}
    solver.Add(solver.Sum([c.amount * x[c.key] for c in candidates]) <= budget)
    total = solver.Sum(list(x.values()))
    for target in targets:
        members = [
            x[c.key] for c in candidates if c.traits.get(target.dimension) == target.category
        ]
        solver.Add(solver.Sum(members) >= target.minimum * total)
    solver.Maximize(solver.Sum([round(c.score * SCALE) * x[c.key] for c in candidates]))
    status = solver.Solve()
    if status not in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE):
        return Selection((), 0.0, 0, False, False, {})
    chosen = {c.key for c in candidates if x[c.key].solution_value() > 0.5}
    return Selection(
        chosen=tuple(sorted(chosen)),
        total_score=sum(c.score for c in candidates if c.key in chosen),
        spent=sum(c.amount for c in candidates if c.key in chosen),
        optimal=status == pywraplp.Solver.OPTIMAL,
        feasible=True,
        balance=balance_of(candidates, chosen),
    )
