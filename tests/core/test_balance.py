"""The balance calculator: counts, shares and gaps to targets (pure, no database)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from igf.core.balance import (
    UNKNOWN,
    BalanceSubject,
    Dimension,
    ShareTarget,
    equal_shares,
    measure_balance,
    measure_dimension,
)
from igf.core.enums import StakeholderGroup

GROUPS = StakeholderGroup.values

subjects = st.builds(
    BalanceSubject,
    stakeholder_group=st.one_of(st.none(), st.sampled_from(GROUPS)),
    region=st.one_of(st.none(), st.sampled_from(["african", "weog", "asia_pacific"])),
    gender=st.one_of(st.none(), st.sampled_from(["woman", "man", "non_binary"])),
    developing=st.one_of(st.none(), st.booleans()),
    youth=st.one_of(st.none(), st.booleans()),
    newcomer=st.one_of(st.none(), st.booleans()),
)


@given(st.lists(subjects, max_size=60))
def test_balance_counts_equal_the_input_in_every_dimension(people: list[BalanceSubject]) -> None:
    report = measure_balance(people)
    assert report.total == len(people)
    for dimension in report.dimensions:
        assert sum(c.count for c in dimension.categories) == len(people)


@given(st.lists(subjects, min_size=1, max_size=60))
def test_balance_shares_sum_to_one(people: list[BalanceSubject]) -> None:
    report = measure_balance(people)
    for dimension in report.dimensions:
        assert sum(c.share for c in dimension.categories) == pytest.approx(1.0)


@given(st.lists(subjects, max_size=40), st.randoms())
def test_balance_ignores_the_order_of_people(people: list[BalanceSubject], rng) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(people)
    rng.shuffle(shuffled)
    assert measure_balance(people) == measure_balance(shuffled)


@given(st.lists(subjects, min_size=1, max_size=40), st.floats(0, 1), st.floats(0, 1))
def test_balance_gaps_close_the_distance_to_the_target(
    people: list[BalanceSubject], low: float, high: float
) -> None:
    low, high = min(low, high), max(low, high)
    target = {GROUPS[0]: ShareTarget(minimum=low, maximum=high)}
    row = measure_dimension(people, Dimension.STAKEHOLDER_GROUP, target).categories[0]
    total = len(people)
    # Adding the shortfall (at constant size) reaches the floor; removing the excess, the ceiling.
    assert (row.count + row.shortfall) / total >= low - 1e-9
    assert (row.count - row.excess) / total <= high + 1e-9
    assert row.shortfall == 0 or (row.count + row.shortfall - 1) / total < low
    assert row.excess == 0 or (row.count - row.excess + 1) / total > high


def test_balance_mag_government_ceiling_flags_the_excess() -> None:
    members = [BalanceSubject(stakeholder_group="government")] * 22 + [
        BalanceSubject(stakeholder_group="civil_society")
    ] * 18
    targets = {Dimension.STAKEHOLDER_GROUP: {"government": ShareTarget(maximum=0.4)}}
    report = measure_balance(members, targets, dimensions=[Dimension.STAKEHOLDER_GROUP])
    government = report[Dimension.STAKEHOLDER_GROUP].categories[0]
    assert (government.count, government.share, government.excess) == (22, 0.55, 6)
    assert not report.meets_targets
    assert report.unmet == ((Dimension.STAKEHOLDER_GROUP, government),)


def test_balance_equal_shares_show_empty_groups_with_their_shortfall() -> None:
    members = [BalanceSubject(stakeholder_group="government")] * 5 + [
        BalanceSubject(stakeholder_group="civil_society")
    ] * 5
    report = measure_balance(
        members,
        {Dimension.STAKEHOLDER_GROUP: equal_shares(GROUPS)},
        dimensions=[Dimension.STAKEHOLDER_GROUP],
    )
    rows = {c.category: c for c in report[Dimension.STAKEHOLDER_GROUP].categories}
    assert list(rows) == GROUPS
    assert rows["private_sector"].count == 0
    assert rows["private_sector"].shortfall == 2
    assert rows["government"].shortfall == 0


def test_balance_unknown_answers_are_counted_separately_and_last() -> None:
    report = measure_balance(
        [BalanceSubject(gender="woman"), BalanceSubject(gender=None), BalanceSubject(gender="man")],
        dimensions=[Dimension.GENDER],
    )
    gender = report[Dimension.GENDER]
    assert [(c.category, c.count) for c in gender.categories] == [
        ("man", 1),
        ("woman", 1),
        (UNKNOWN, 1),
    ]
    assert gender.unknown == 1


def test_balance_binary_dimensions_always_show_yes_and_no() -> None:
    report = measure_balance([BalanceSubject(youth=True)], dimensions=[Dimension.YOUTH])
    assert [(c.category, c.count) for c in report[Dimension.YOUTH].categories] == [
        ("yes", 1),
        ("no", 0),
    ]


def test_balance_of_nobody_has_zero_shares_and_no_gaps() -> None:
    report = measure_balance([], {Dimension.GENDER: {"woman": ShareTarget(minimum=0.5)}})
    assert report.total == 0
    assert report[Dimension.GENDER].categories[0].share == 0.0
    assert report.meets_targets


@pytest.mark.parametrize(("minimum", "maximum"), [(-0.1, None), (None, 1.5), (0.6, 0.4)])
def test_share_target_refuses_impossible_bounds(
    minimum: float | None, maximum: float | None
) -> None:
    with pytest.raises(ValueError, match="share target"):
        ShareTarget(minimum=minimum, maximum=maximum)
