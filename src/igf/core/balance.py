"""The balance calculator: how a set of people is spread across the forum's dimensions.

One pure function, `measure_balance`, serves every place where people are chosen: a body's
members, a proposal's speakers, a session's facilitators, travel awards, all registered
people. It takes plain records and targets and returns frozen dataclasses; it knows nothing
of the database, so it is fast and testable on its own.

A target is a share of the whole set (0..1): a floor ("at least 20% from each stakeholder
group"), a ceiling ("governments at most 40%"), or both. The gap to a target is counted in
people at the set's current size: how many more a category needs, or how many too many it has.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

UNKNOWN = "unknown"
YES = "yes"
NO = "no"


class Dimension(StrEnum):
    """The dimensions of balance, in the order pages show them."""

    STAKEHOLDER_GROUP = "stakeholder_group"
    REGION = "region"
    GENDER = "gender"
    DEVELOPING = "developing"
    YOUTH = "youth"
    NEWCOMER = "newcomer"


BINARY_DIMENSIONS = frozenset({Dimension.DEVELOPING, Dimension.YOUTH, Dimension.NEWCOMER})


@dataclass(frozen=True, slots=True)
class BalanceSubject:
    """What the calculator needs to know of one person; None means not known or not said."""

    stakeholder_group: str | None = None
    region: str | None = None
    gender: str | None = None
    developing: bool | None = None
    youth: bool | None = None
    newcomer: bool | None = None

    def category(self, dimension: Dimension) -> str:
        value = getattr(self, dimension.value)
        if value is None:
            return UNKNOWN
        if isinstance(value, bool):
            return YES if value else NO
        return str(value)


@dataclass(frozen=True, slots=True)
class ShareTarget:
    """A floor and/or a ceiling on one category's share of the whole set."""

    minimum: float | None = None
    maximum: float | None = None

    def __post_init__(self) -> None:
        for bound in (self.minimum, self.maximum):
            if bound is not None and not 0.0 <= bound <= 1.0:
                raise ValueError("A share target lies between 0 and 1.")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError("A share target's minimum cannot exceed its maximum.")


Targets = Mapping[Dimension, Mapping[str, ShareTarget]]


@dataclass(frozen=True, slots=True)
class CategoryCount:
    category: str
    count: int
    share: float
    target: ShareTarget | None = None
    # People this category lacks to reach its floor, at the set's current size.
    shortfall: int = 0
    # People this category has above its ceiling, at the set's current size.
    excess: int = 0

    @property
    def meets_target(self) -> bool:
        return self.shortfall == 0 and self.excess == 0


@dataclass(frozen=True, slots=True)
class DimensionBalance:
    dimension: Dimension
    total: int
    categories: tuple[CategoryCount, ...]

    @property
    def unknown(self) -> int:
        return sum(c.count for c in self.categories if c.category == UNKNOWN)

    @property
    def meets_targets(self) -> bool:
        return all(c.meets_target for c in self.categories)

    def count(self, category: str) -> int:
        return next((c.count for c in self.categories if c.category == category), 0)

    def share(self, category: str) -> float:
        return next((c.share for c in self.categories if c.category == category), 0.0)


@dataclass(frozen=True, slots=True)
class BalanceReport:
    total: int
    dimensions: tuple[DimensionBalance, ...] = field(default=())

    def __getitem__(self, dimension: Dimension) -> DimensionBalance:
        for item in self.dimensions:
            if item.dimension == dimension:
                return item
        raise KeyError(dimension)

    @property
    def meets_targets(self) -> bool:
        return all(d.meets_targets for d in self.dimensions)

    @property
    def unmet(self) -> tuple[tuple[Dimension, CategoryCount], ...]:
        return tuple(
            (d.dimension, c) for d in self.dimensions for c in d.categories if not c.meets_target
        )


def equal_shares(categories: Iterable[str], *, slack: float = 0.0) -> dict[str, ShareTarget]:
    """Targets that ask each category for an equal share, less an optional slack."""
    names = list(categories)
    if not names:
        return {}
    share = 1.0 / len(names)
    return {name: ShareTarget(minimum=max(0.0, share - slack)) for name in names}


def _shortfall(count: int, total: int, minimum: float | None) -> int:
    if minimum is None or total == 0:
        return 0
    # The small epsilon keeps 0.4 * 10 from becoming 4.000000000000001 and asking one more.
    return max(0, math.ceil(minimum * total - 1e-9) - count)


def _excess(count: int, total: int, maximum: float | None) -> int:
    if maximum is None:
        return 0
    return max(0, count - math.floor(maximum * total + 1e-9))


def measure_dimension(
    subjects: Iterable[BalanceSubject],
    dimension: Dimension,
    targets: Mapping[str, ShareTarget] | None = None,
    *,
    categories: Iterable[str] = (),
) -> DimensionBalance:
    """Count one dimension. Named `categories` appear even with a count of zero."""
    counts = Counter(subject.category(dimension) for subject in subjects)
    targets = targets or {}
    order = list(dict.fromkeys([*categories, *targets, *sorted(k for k in counts if k != UNKNOWN)]))
    if counts.get(UNKNOWN):
        order.append(UNKNOWN)
    total = sum(counts.values())
    rows = []
    for category in order:
        count = counts.get(category, 0)
        target = targets.get(category)
        rows.append(
            CategoryCount(
                category=category,
                count=count,
                share=count / total if total else 0.0,
                target=target,
                shortfall=_shortfall(count, total, target.minimum if target else None),
                excess=_excess(count, total, target.maximum if target else None),
            )
        )
    return DimensionBalance(dimension=dimension, total=total, categories=tuple(rows))


def measure_balance(
    subjects: Iterable[BalanceSubject],
    targets: Targets | None = None,
    *,
    dimensions: Iterable[Dimension] = tuple(Dimension),
    categories: Mapping[Dimension, Iterable[str]] | None = None,
) -> BalanceReport:
    """Count and share a set of people along each dimension and compare with the targets.

    `categories` lists, per dimension, the categories to show even when nobody is in them
    (a body with no member from the private sector must show a zero, not omit the row).
    """
    people = list(subjects)
    targets = targets or {}
    categories = categories or {}
    return BalanceReport(
        total=len(people),
        dimensions=tuple(
            measure_dimension(
                people,
                dimension,
                targets.get(dimension),
                categories=categories.get(
                    dimension, (YES, NO) if dimension in BINARY_DIMENSIONS else ()
                ),
            )
            for dimension in dimensions
        ),
    )
