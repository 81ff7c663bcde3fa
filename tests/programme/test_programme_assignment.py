"""Assignment of reviewers, pure: k each, never a conflict, loads within one, groups mixed."""

from __future__ import annotations

from collections import Counter, defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from igf.programme.assignment import (
    ProposalInfo,
    ReviewerInfo,
    is_eligible,
    pick_replacement,
    plan_assignments,
)

GROUPS = ("government", "private_sector", "civil_society", "technical_community", "igo")
REGIONS = ("african", "asia_pacific", "eastern_european", "latin_american_caribbean", "weog")


def reviewers(n: int) -> list[ReviewerInfo]:
    return [
        ReviewerInfo(
            id=i,
            person=100 + i,
            stakeholder_group=GROUPS[i % 5],
            region=REGIONS[(i // 5) % 5],
            organization=f"org {i % 7}",
        )
        for i in range(n)
    ]


def proposals(n: int) -> list[ProposalInfo]:
    return [ProposalInfo(id=p, people=frozenset({1000 + p})) for p in range(n)]


def teams(plan) -> dict[int, list[int]]:  # type: ignore[no-untyped-def]
    result: dict[int, list[int]] = defaultdict(list)
    for item in plan.assignments:
        result[item.proposal].append(item.reviewer)
    return result


def test_every_proposal_gets_five_reviewers_of_five_groups_with_balanced_loads() -> None:
    plan = plan_assignments(proposals(40), reviewers(25), k=5)
    by_id = {r.id: r for r in reviewers(25)}
    for team in teams(plan).values():
        assert len(team) == 5
        assert len({by_id[r].stakeholder_group for r in team}) == 5
    assert set(plan.loads.values()) == {8}
    assert plan.short == {}


def test_reviewers_never_get_their_own_organisations_proposals_or_ones_naming_them() -> None:
    pool = reviewers(10)
    items = [
        ProposalInfo(id=1, people=frozenset({100}), organizations=frozenset({"org 1"})),
        ProposalInfo(id=2, people=frozenset({102})),
    ]
    plan = plan_assignments(items, pool, k=5)
    given_to = teams(plan)
    assert 0 not in given_to[1]  # named in it
    assert 1 not in given_to[1]  # its organisation is behind it
    assert 8 not in given_to[1]  # org 1 too (8 % 7 == 1)
    assert 2 not in given_to[2]


def test_existing_assignments_stay_and_conflicts_are_respected() -> None:
    plan = plan_assignments(
        proposals(3), reviewers(6), k=3, existing={(0, 0), (0, 1)}, conflicts={(0, 2), (1, 3)}
    )
    team = teams(plan)
    assert len(team[0]) == 1  # two existing + one new
    assert 2 not in team[0]
    assert 3 not in team[1]
    assert plan.loads[0] >= 1


def test_explanations_say_why() -> None:
    plan = plan_assignments(proposals(2), reviewers(5), k=2)
    first = plan.assignments[0].explanation
    assert first.new_group
    assert first.floor <= first.load <= first.ceiling


def test_too_few_eligible_reviewers_leave_places_empty_and_say_so() -> None:
    items = [ProposalInfo(id=1, people=frozenset({100, 101, 102}))]
    plan = plan_assignments(items, reviewers(4), k=3)
    assert len(plan.assignments) == 1
    assert plan.short == {1: 2}


def test_replacement_prefers_a_new_group_then_the_lightest_load() -> None:
    pool = reviewers(10)
    proposal = ProposalInfo(id=1)
    choice = pick_replacement(
        proposal, pool, loads={3: 2, 8: 2, 4: 1}, current={0, 1, 2}, conflicts={(1, 9)}
    )
    assert choice is not None
    assert choice.id in {5, 6, 7}  # no load yet, and new groups on this proposal


@settings(max_examples=60, deadline=None)
@given(
    n_proposals=st.integers(1, 60),
    n_reviewers=st.integers(1, 20),
    k=st.integers(1, 5),
    conflict_seed=st.lists(st.tuples(st.integers(0, 59), st.integers(0, 19)), max_size=30),
    named=st.lists(st.tuples(st.integers(0, 59), st.integers(0, 19)), max_size=10),
)
def test_property_k_each_when_possible_and_never_an_ineligible_pair(
    n_proposals: int,
    n_reviewers: int,
    k: int,
    conflict_seed: list[tuple[int, int]],
    named: list[tuple[int, int]],
) -> None:
    pool = reviewers(n_reviewers)
    people: dict[int, set[int]] = defaultdict(set)
    for p, r in named:
        people[p].add(100 + r)
    items = [ProposalInfo(id=p, people=frozenset(people[p])) for p in range(n_proposals)]
    conflicts = set(conflict_seed)
    plan = plan_assignments(items, pool, k=k, conflicts=conflicts)
    team = teams(plan)
    for item in items:
        eligible = [r for r in pool if is_eligible(item, r, conflicts)]
        assert len(team[item.id]) == min(k, len(eligible))
        assert len(set(team[item.id])) == len(team[item.id])
        for reviewer_id in team[item.id]:
            assert is_eligible(item, pool[reviewer_id], conflicts)
    assert sum(plan.short.values()) == n_proposals * k - len(plan.assignments)


@settings(max_examples=60, deadline=None)
@given(n_proposals=st.integers(1, 80), n_reviewers=st.integers(1, 30), k=st.integers(1, 5))
def test_property_loads_differ_by_at_most_one_when_everyone_is_eligible(
    n_proposals: int, n_reviewers: int, k: int
) -> None:
    pool = reviewers(n_reviewers)
    items = [ProposalInfo(id=p) for p in range(n_proposals)]
    plan = plan_assignments(items, pool, k=k)
    loads = Counter({r.id: 0 for r in pool})
    loads.update(item.reviewer for item in plan.assignments)
    assert max(loads.values()) - min(loads.values()) <= 1
    if n_reviewers >= k:
        assert all(len(t) == k for t in teams(plan).values())


@settings(max_examples=40, deadline=None)
@given(n_proposals=st.integers(1, 40), k=st.integers(2, 5))
def test_property_a_proposals_reviewers_span_as_many_groups_as_possible(
    n_proposals: int, k: int
) -> None:
    pool = reviewers(25)
    plan = plan_assignments([ProposalInfo(id=p) for p in range(n_proposals)], pool, k=k)
    for team in teams(plan).values():
        assert len({pool[r].stakeholder_group for r in team}) == k
