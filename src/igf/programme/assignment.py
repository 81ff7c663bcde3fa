"""Who reviews which proposal: automatic, balanced and explainable assignment, pure.

The plan is a min-cost flow (OR-Tools) from proposals to reviewers, in this order of priority:

1. every proposal gets `k` reviewers, if enough eligible reviewers exist (maximum flow);
2. workloads are balanced: every reviewer ends between the floor and the ceiling of the mean
   load (each unit above the ceiling costs more than any other gain);
3. a proposal's reviewers come from different stakeholder groups (a second reviewer of a group
   already on the proposal costs more than a first one of a new group).

A reviewer is never given a proposal that names them, that an organiser of their own
organisation is behind, or on which they declared a conflict of interest. After the flow, swaps
between proposals that keep every load and every group mix spread each proposal's reviewers
over more regions. Existing assignments are kept; only the missing places are filled.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from ortools.graph.python import min_cost_flow

BALANCE_COST = 10_000
GROUP_COST = 100
OVERFLOW_STEPS = 6


@dataclass(frozen=True, slots=True)
class ReviewerInfo:
    id: int
    person: int
    stakeholder_group: str = ""
    region: str = ""
    # The organisation's name, normalised (lower case, single spaces).
    organization: str = ""
    active: bool = True


@dataclass(frozen=True, slots=True)
class ProposalInfo:
    id: int
    # Everyone the proposal names who has an account, and the organisations behind it.
    people: frozenset[int] = frozenset()
    organizations: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a proposal went to a reviewer, for the assignment page."""

    stakeholder_group: str
    region: str
    load: int
    floor: int
    ceiling: int
    new_group: bool
    new_region: bool

    def as_data(self) -> dict[str, object]:
        return {
            "group": self.stakeholder_group,
            "region": self.region,
            "load": self.load,
            "floor": self.floor,
            "ceiling": self.ceiling,
            "new_group": self.new_group,
            "new_region": self.new_region,
        }


@dataclass(frozen=True, slots=True)
class PlannedAssignment:
    proposal: int
    reviewer: int
    explanation: Explanation


@dataclass(frozen=True, slots=True)
class AssignmentPlan:
    assignments: tuple[PlannedAssignment, ...]
    # Final load of every active reviewer (existing assignments included).
    loads: Mapping[int, int] = field(default_factory=dict)
    # Proposals that could not get k reviewers: how many places stay empty.
    short: Mapping[int, int] = field(default_factory=dict)
    floor: int = 0
    ceiling: int = 0


def is_eligible(
    proposal: ProposalInfo, reviewer: ReviewerInfo, conflicts: Collection[tuple[int, int]]
) -> bool:
    """Whether the reviewer may review the proposal at all."""
    return (
        reviewer.person not in proposal.people
        and (not reviewer.organization or reviewer.organization not in proposal.organizations)
        and (proposal.id, reviewer.id) not in conflicts
    )


def plan_assignments(  # noqa: PLR0912, PLR0915 - one algorithm, read top to bottom
    proposals: Iterable[ProposalInfo],
    reviewers: Iterable[ReviewerInfo],
    *,
    k: int,
    existing: Collection[tuple[int, int]] = (),
    conflicts: Collection[tuple[int, int]] = (),
) -> AssignmentPlan:
    """Fill every proposal up to `k` reviewers. `existing` and `conflicts` are (proposal,
    reviewer) pairs; existing pairs stay and count in the loads."""
    proposal_list = list(proposals)
    all_reviewers = list(reviewers)
    active = [r for r in all_reviewers if r.active]
    by_id = {r.id: r for r in all_reviewers}
    conflict_set = set(conflicts)
    existing_set = set(existing)
    on_proposal: dict[int, set[int]] = defaultdict(set)
    for proposal_id, reviewer_id in existing_set:
        on_proposal[proposal_id].add(reviewer_id)
    existing_load = Counter(reviewer_id for _p, reviewer_id in existing_set)
    need = {p.id: max(0, k - len(on_proposal[p.id])) for p in proposal_list}
    units = sum(need.values())
    if not active or units == 0:
        return AssignmentPlan(
            assignments=(),
            loads={r.id: existing_load[r.id] for r in active},
            short={pid: n for pid, n in need.items() if n},
        )
    total = units + sum(existing_load[r.id] for r in active)
    floor, ceiling = total // len(active), math.ceil(total / len(active))

    flow = min_cost_flow.SimpleMinCostFlow()
    source, sink = 0, 1
    next_node = 2
    proposal_node: dict[int, int] = {}
    reviewer_node: dict[int, int] = {}
    for reviewer in active:
        reviewer_node[reviewer.id] = next_node
        next_node += 1
    # Arcs from a proposal-group node to a reviewer, to read the flow back.
    pair_arcs: list[tuple[int, int, int]] = []
    for proposal in proposal_list:
        if not need[proposal.id]:
            continue
        node = next_node
        next_node += 1
        proposal_node[proposal.id] = node
        flow.add_arc_with_capacity_and_unit_cost(source, node, need[proposal.id], 0)
        groups_present = {by_id[r].stakeholder_group for r in on_proposal[proposal.id]}
        eligible_by_group: dict[str, list[ReviewerInfo]] = defaultdict(list)
        for reviewer in active:
            if reviewer.id in on_proposal[proposal.id]:
                continue
            if is_eligible(proposal, reviewer, conflict_set):
                eligible_by_group[reviewer.stakeholder_group].append(reviewer)
        for group, members in eligible_by_group.items():
            group_node = next_node
            next_node += 1
            capacity = min(need[proposal.id], len(members))
            # Groups unknown to us are never counted as "new" (no diversity is shown).
            first_cost = GROUP_COST if (group in groups_present or not group) else 0
            flow.add_arc_with_capacity_and_unit_cost(node, group_node, 1, first_cost)
            if capacity > 1:
                flow.add_arc_with_capacity_and_unit_cost(node, group_node, capacity - 1, GROUP_COST)
            for reviewer in members:
                arc = flow.add_arc_with_capacity_and_unit_cost(
                    group_node, reviewer_node[reviewer.id], 1, 0
                )
                pair_arcs.append((arc, proposal.id, reviewer.id))
    for reviewer in active:
        node = reviewer_node[reviewer.id]
        have = existing_load[reviewer.id]
        below_floor = max(0, floor - have)
        up_to_ceiling = max(0, ceiling - max(have, floor))
        if below_floor:
            flow.add_arc_with_capacity_and_unit_cost(node, sink, below_floor, -BALANCE_COST)
        if up_to_ceiling:
            flow.add_arc_with_capacity_and_unit_cost(node, sink, up_to_ceiling, 0)
        # Above the ceiling only when nothing else gives a proposal its k reviewers, and
        # each further unit costs more, so the excess is spread.
        for step in range(1, OVERFLOW_STEPS):
            flow.add_arc_with_capacity_and_unit_cost(node, sink, 1, BALANCE_COST * step)
        flow.add_arc_with_capacity_and_unit_cost(node, sink, units, BALANCE_COST * OVERFLOW_STEPS)
    flow.set_node_supply(source, units)
    flow.set_node_supply(sink, -units)
    status = flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL:  # pragma: no cover - the network is always well formed
        raise RuntimeError(f"Assignment flow failed with status {status}")

    chosen: dict[int, list[int]] = defaultdict(list)
    for arc, proposal_id, reviewer_id in pair_arcs:
        if flow.flow(arc):
            chosen[proposal_id].append(reviewer_id)
    _spread_regions(proposal_list, by_id, chosen, on_proposal, conflict_set)

    loads = Counter(existing_load)
    for reviewer_ids in chosen.values():
        loads.update(reviewer_ids)
    planned = []
    for proposal in proposal_list:
        new_ids = sorted(chosen.get(proposal.id, ()))
        groups = Counter(by_id[r].stakeholder_group for r in on_proposal[proposal.id])
        regions = Counter(by_id[r].region for r in on_proposal[proposal.id])
        for reviewer_id in new_ids:
            reviewer = by_id[reviewer_id]
            planned.append(
                PlannedAssignment(
                    proposal=proposal.id,
                    reviewer=reviewer_id,
                    explanation=Explanation(
                        stakeholder_group=reviewer.stakeholder_group,
                        region=reviewer.region,
                        load=loads[reviewer_id],
                        floor=floor,
                        ceiling=ceiling,
                        new_group=groups[reviewer.stakeholder_group] == 0,
                        new_region=regions[reviewer.region] == 0,
                    ),
                )
            )
            groups[reviewer.stakeholder_group] += 1
            regions[reviewer.region] += 1
    short = {
        p.id: need[p.id] - len(chosen.get(p.id, ()))
        for p in proposal_list
        if need[p.id] > len(chosen.get(p.id, ()))
    }
    return AssignmentPlan(
        assignments=tuple(planned),
        loads={r.id: loads[r.id] for r in active},
        short=short,
        floor=floor,
        ceiling=ceiling,
    )


def _regions(reviewer_ids: Iterable[int], by_id: Mapping[int, ReviewerInfo]) -> int:
    return len({by_id[r].region for r in reviewer_ids if by_id[r].region})


def _spread_regions(  # noqa: PLR0912 - one local search, read top to bottom
    proposals: list[ProposalInfo],
    by_id: Mapping[int, ReviewerInfo],
    chosen: dict[int, list[int]],
    fixed: Mapping[int, set[int]],
    conflicts: set[tuple[int, int]],
) -> None:
    """Swap two new assignments of the same stakeholder group between two proposals when that
    gives the pair more distinct regions in all; loads and group mixes stay exactly as they are."""
    info = {p.id: p for p in proposals}
    held: dict[int, set[int]] = defaultdict(set)  # reviewer -> proposals given in this plan
    for proposal_id, reviewer_ids in chosen.items():
        for reviewer_id in reviewer_ids:
            held[reviewer_id].add(proposal_id)
    by_group: dict[str, list[int]] = defaultdict(list)
    for reviewer_id in held:
        by_group[by_id[reviewer_id].stakeholder_group].append(reviewer_id)

    def team(proposal_id: int) -> set[int]:
        return set(chosen.get(proposal_id, ())) | fixed.get(proposal_id, set())

    for first in proposals:
        for a in list(chosen.get(first.id, ())):
            first_team = team(first.id)
            regions = Counter(by_id[r].region for r in first_team)
            if regions[by_id[a].region] < 2:
                continue
            for b in by_group[by_id[a].stakeholder_group]:
                region_b = by_id[b].region
                if b in first_team or regions[region_b] or not region_b:
                    continue
                if not is_eligible(first, by_id[b], conflicts):
                    continue
                swapped = False
                for second_id in held[b]:
                    second_team = team(second_id)
                    if a in second_team or b in fixed.get(second_id, set()):
                        continue
                    if not is_eligible(info[second_id], by_id[a], conflicts):
                        continue
                    before = _regions(first_team, by_id) + _regions(second_team, by_id)
                    after = _regions((first_team - {a}) | {b}, by_id) + _regions(
                        (second_team - {b}) | {a}, by_id
                    )
                    if after > before:
                        chosen[first.id][chosen[first.id].index(a)] = b
                        chosen[second_id][chosen[second_id].index(b)] = a
                        held[a].discard(first.id)
                        held[a].add(second_id)
                        held[b].discard(second_id)
                        held[b].add(first.id)
                        swapped = True
                        break
                if swapped:
                    break


def pick_replacement(
    proposal: ProposalInfo,
    reviewers: Iterable[ReviewerInfo],
    *,
    loads: Mapping[int, int],
    current: Collection[int],
    conflicts: Collection[tuple[int, int]],
) -> ReviewerInfo | None:
    """The reviewer who should take over a place on `proposal` (after a conflict): eligible,
    not already on it, preferring a new stakeholder group, then a new region, then the
    lightest load."""
    pool = list(reviewers)
    by_id = {r.id: r for r in pool}
    groups = {by_id[r].stakeholder_group for r in current if r in by_id}
    regions = {by_id[r].region for r in current if r in by_id}
    candidates = [
        r
        for r in pool
        if r.active and r.id not in current and is_eligible(proposal, r, set(conflicts))
    ]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda r: (
            loads.get(r.id, 0),
            r.stakeholder_group in groups,
            r.region in regions,
            r.id,
        ),
    )
