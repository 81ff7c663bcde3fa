"""A body's composition rules, checked on plain data: who would sit in the body after a change.

`check_composition` is pure (no database): the services build `Seat` records from memberships
and call it before every change, the forms show its findings as warnings before staff save,
and the rotation planner uses it to count the seats to fill.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from igf.core.balance import BalanceReport, BalanceSubject, Dimension, ShareTarget, measure_balance
from igf.core.enums import StakeholderGroup


class Severity(StrEnum):
    REFUSE = "refuse"  # a hard rule: refused unless staff override with a reason
    WARN = "warn"  # a target: shown, never blocking


class Finding(StrEnum):
    TOO_MANY_TERMS = "too_many_terms"
    SHARE_ABOVE_MAXIMUM = "share_above_maximum"
    SHARE_BELOW_MINIMUM = "share_below_minimum"
    TOO_FEW_STAKEHOLDER_GROUPS = "too_few_stakeholder_groups"
    ABOVE_TARGET_SIZE = "above_target_size"
    BELOW_TARGET_SIZE = "below_target_size"
    SECOND_REPRESENTATIVE = "second_representative"


@dataclass(frozen=True, slots=True)
class Seat:
    """One person holding a seat, as the rules see them."""

    person_id: int
    subject: BalanceSubject
    consecutive_terms: int = 1
    organization_id: int | None = None


@dataclass(frozen=True, slots=True)
class Target:
    dimension: Dimension
    category: str
    minimum: float | None = None
    maximum: float | None = None
    hard: bool = False


@dataclass(frozen=True, slots=True)
class Rules:
    """A body's composition rules (from Body and its CompositionTarget rows)."""

    targets: tuple[Target, ...] = ()
    size_min: int | None = None
    size_max: int | None = None
    max_consecutive_terms: int | None = None
    min_stakeholder_groups: int = 0
    one_representative_per_organization: bool = False

    def balance_targets(self) -> dict[Dimension, dict[str, ShareTarget]]:
        result: dict[Dimension, dict[str, ShareTarget]] = {}
        for target in self.targets:
            result.setdefault(target.dimension, {})[target.category] = ShareTarget(
                minimum=target.minimum, maximum=target.maximum
            )
        return result


@dataclass(frozen=True, slots=True)
class RuleFinding:
    """One rule a composition breaks. `values` fill the finding's translated message."""

    finding: Finding
    severity: Severity
    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CompositionCheck:
    seats: int
    balance: BalanceReport
    findings: tuple[RuleFinding, ...]

    @property
    def refusals(self) -> tuple[RuleFinding, ...]:
        return tuple(f for f in self.findings if f.severity == Severity.REFUSE)

    @property
    def warnings(self) -> tuple[RuleFinding, ...]:
        return tuple(f for f in self.findings if f.severity == Severity.WARN)


DIMENSIONS = (
    Dimension.STAKEHOLDER_GROUP,
    Dimension.REGION,
    Dimension.GENDER,
    Dimension.DEVELOPING,
    Dimension.YOUTH,
)


def measure(seats: Iterable[Seat], rules: Rules) -> BalanceReport:
    return measure_balance(
        [seat.subject for seat in seats],
        rules.balance_targets(),
        dimensions=DIMENSIONS,
        categories={Dimension.STAKEHOLDER_GROUP: StakeholderGroup.values},
    )


def check_composition(
    seats: Iterable[Seat], rules: Rules, *, changed_person_id: int | None = None
) -> CompositionCheck:
    """Every rule the composition breaks, hard ones first.

    With `changed_person_id`, per-person rules (terms, organisations) are checked only for the
    person being appointed, so a change is never refused for someone else's earlier override.
    """
    people = list(seats)
    balance = measure(people, rules)
    findings: list[RuleFinding] = []
    findings.extend(_term_findings(people, rules, changed_person_id))
    findings.extend(_organization_findings(people, rules, changed_person_id))
    findings.extend(_share_findings(balance, rules))
    findings.extend(_size_findings(len(people), rules))
    groups = {s.subject.stakeholder_group for s in people if s.subject.stakeholder_group}
    if rules.min_stakeholder_groups and len(groups) < rules.min_stakeholder_groups:
        findings.append(
            RuleFinding(
                Finding.TOO_FEW_STAKEHOLDER_GROUPS,
                Severity.WARN,
                {"count": len(groups), "required": rules.min_stakeholder_groups},
            )
        )
    findings.sort(key=lambda f: f.severity != Severity.REFUSE)
    return CompositionCheck(seats=len(people), balance=balance, findings=tuple(findings))


def _term_findings(seats: list[Seat], rules: Rules, changed: int | None) -> Iterable[RuleFinding]:
    if rules.max_consecutive_terms is None:
        return
    for seat in seats:
        if changed is not None and seat.person_id != changed:
            continue
        if seat.consecutive_terms > rules.max_consecutive_terms:
            yield RuleFinding(
                Finding.TOO_MANY_TERMS,
                Severity.REFUSE,
                {"terms": seat.consecutive_terms, "maximum": rules.max_consecutive_terms},
            )


def _organization_findings(
    seats: list[Seat], rules: Rules, changed: int | None
) -> Iterable[RuleFinding]:
    if not rules.one_representative_per_organization:
        return
    counts = Counter(s.organization_id for s in seats if s.organization_id is not None)
    for seat in seats:
        if changed is not None and seat.person_id != changed:
            continue
        if seat.organization_id is not None and counts[seat.organization_id] > 1:
            yield RuleFinding(Finding.SECOND_REPRESENTATIVE, Severity.REFUSE, {})


def _share_findings(balance: BalanceReport, rules: Rules) -> Iterable[RuleFinding]:
    hard = {(t.dimension, t.category) for t in rules.targets if t.hard}
    for dimension in balance.dimensions:
        for row in dimension.categories:
            severity = (
                Severity.REFUSE if (dimension.dimension, row.category) in hard else Severity.WARN
            )
            values = {
                "dimension": dimension.dimension.value,
                "category": row.category,
                "share": row.share,
            }
            if row.excess and row.target is not None:
                yield RuleFinding(
                    Finding.SHARE_ABOVE_MAXIMUM,
                    severity,
                    {**values, "limit": row.target.maximum, "people": row.excess},
                )
            if row.shortfall and row.target is not None:
                # A floor is a goal to work towards: it never blocks a change on its own.
                yield RuleFinding(
                    Finding.SHARE_BELOW_MINIMUM,
                    Severity.WARN,
                    {**values, "limit": row.target.minimum, "people": row.shortfall},
                )


def _size_findings(size: int, rules: Rules) -> Iterable[RuleFinding]:
    if rules.size_max is not None and size > rules.size_max:
        yield RuleFinding(
            Finding.ABOVE_TARGET_SIZE, Severity.WARN, {"size": size, "limit": rules.size_max}
        )
    if rules.size_min is not None and size < rules.size_min:
        yield RuleFinding(
            Finding.BELOW_TARGET_SIZE, Severity.WARN, {"size": size, "limit": rules.size_min}
        )


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """One body's key figures for the side-by-side comparison of a type's bodies."""

    body: object
    seats: int
    group_shares: tuple[float, ...]
    women: float | None
    developing: float | None
    regions: int
    balance: BalanceReport


def comparison_row(
    body: object, report: BalanceReport, *, suppress_below: int = 5
) -> ComparisonRow:
    """Shares by stakeholder group (in StakeholderGroup order), and the share of women and of
    developing countries; gender is hidden below `suppress_below` consenting members."""
    groups = report[Dimension.STAKEHOLDER_GROUP]
    gender = report[Dimension.GENDER]
    known_gender = gender.total - gender.unknown
    developing = report[Dimension.DEVELOPING]
    known_developing = developing.total - developing.unknown
    regions = report[Dimension.REGION]
    return ComparisonRow(
        body=body,
        seats=report.total,
        group_shares=tuple(groups.share(g) for g in StakeholderGroup.values),
        women=gender.count("woman") / known_gender if known_gender >= suppress_below else None,
        developing=developing.count("yes") / known_developing if known_developing else None,
        regions=sum(1 for r in regions.categories if r.count and r.category != "unknown"),
        balance=report,
    )


@dataclass(frozen=True, slots=True)
class SeatsToFill:
    dimension: Dimension
    category: str
    seats: int


def seats_to_fill(remaining: Iterable[Seat], rules: Rules, size: int) -> tuple[SeatsToFill, ...]:
    """Seats each category needs, among those to fill, to meet the floors at `size` seats."""
    kept = list(remaining)
    needed = []
    for target in rules.targets:
        if target.minimum is None:
            continue
        have = sum(1 for s in kept if s.subject.category(target.dimension) == target.category)
        want = math.ceil(target.minimum * size - 1e-9)
        if want > have:
            needed.append(SeatsToFill(target.dimension, target.category, want - have))
    return tuple(needed)
