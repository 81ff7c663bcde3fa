"""The composition rules on plain data: terms, shares, organisations, size, seats to fill."""

from __future__ import annotations

from datetime import date

from igf.bodies.composition import (
    Finding,
    Rules,
    Seat,
    Severity,
    Target,
    check_composition,
    seats_to_fill,
)
from igf.bodies.queries import consecutive_terms
from igf.core.balance import BalanceSubject, Dimension


def seat(
    n: int,
    group: str = "civil_society",
    *,
    terms: int = 1,
    org: int | None = None,
    gender: str | None = None,
) -> Seat:
    return Seat(
        person_id=n,
        subject=BalanceSubject(stakeholder_group=group, gender=gender),
        consecutive_terms=terms,
        organization_id=org,
    )


MAG_RULES = Rules(
    targets=(Target(Dimension.STAKEHOLDER_GROUP, "government", maximum=0.4, hard=True),),
    max_consecutive_terms=3,
    size_min=40,
    size_max=50,
)


def test_consecutive_terms_count_back_through_contiguous_terms() -> None:
    terms = [
        (date(2024, 1, 1), date(2024, 12, 31)),
        (date(2025, 1, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 12, 31)),
    ]
    assert consecutive_terms(terms, date(2026, 1, 1)) == 3
    assert consecutive_terms(terms, date(2025, 6, 1)) == 2


def test_consecutive_terms_restart_after_a_year_away() -> None:
    terms = [(date(2022, 1, 1), date(2022, 12, 31)), (date(2024, 1, 1), date(2024, 12, 31))]
    assert consecutive_terms(terms, date(2024, 1, 1)) == 1


def test_fourth_consecutive_term_is_refused() -> None:
    check = check_composition([seat(1, terms=4)], MAG_RULES, changed_person_id=1)
    assert [(f.finding, f.severity) for f in check.refusals] == [
        (Finding.TOO_MANY_TERMS, Severity.REFUSE)
    ]
    assert dict(check.refusals[0].values) == {"terms": 4, "maximum": 3}


def test_someone_elses_old_override_never_blocks_a_new_appointment() -> None:
    check = check_composition([seat(1, terms=4), seat(2)], MAG_RULES, changed_person_id=2)
    assert check.refusals == ()


def test_governments_above_forty_percent_are_refused() -> None:
    seats = [seat(i, "government") for i in range(5)] + [
        seat(i, "civil_society") for i in range(5, 10)
    ]
    check = check_composition(seats, MAG_RULES)
    finding = check.refusals[0]
    assert finding.finding == Finding.SHARE_ABOVE_MAXIMUM
    assert (finding.values["category"], finding.values["people"]) == ("government", 1)


def test_soft_targets_warn_and_never_refuse() -> None:
    rules = Rules(targets=(Target(Dimension.GENDER, "woman", minimum=0.5),), size_min=10)
    check = check_composition(
        [seat(1, gender="man"), seat(2, gender="woman"), seat(3, gender="man")], rules
    )
    assert check.refusals == ()
    assert [f.finding for f in check.warnings] == [
        Finding.SHARE_BELOW_MINIMUM,
        Finding.BELOW_TARGET_SIZE,
    ]


def test_organisations_delegate_one_representative() -> None:
    rules = Rules(one_representative_per_organization=True)
    check = check_composition([seat(1, org=7), seat(2, org=7)], rules, changed_person_id=2)
    assert [f.finding for f in check.refusals] == [Finding.SECOND_REPRESENTATIVE]


def test_too_few_stakeholder_groups_is_a_warning() -> None:
    check = check_composition([seat(1), seat(2)], Rules(min_stakeholder_groups=3))
    assert dict(check.warnings[0].values) == {"count": 1, "required": 3}


def test_seats_to_fill_meet_the_floors_at_the_target_size() -> None:
    rules = Rules(targets=(Target(Dimension.STAKEHOLDER_GROUP, "private_sector", minimum=0.2),))
    kept = [seat(1, "private_sector")] + [seat(i, "government") for i in range(2, 10)]
    needs = seats_to_fill(kept, rules, 20)
    assert [(n.category, n.seats) for n in needs] == [("private_sector", 3)]
