"""The books: conversion, double entry, two-person approval, reversals, and the invariant
balance = contributions - expenditure over random ledgers (hypothesis)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from moneyed import Money

from igf.core.errors import NotAllowed
from igf.funding import queries, services
from igf.funding.enums import EntryKind, EntryStatus
from igf.funding.ledger import audit, totals
from igf.funding.models import Entry, Posting
from tests.factories import UserFactory, country
from tests.funding.factories import DAY, contribute, finance_user, make_donor, make_fund, spend

pytestmark = pytest.mark.django_db


def test_contribution_in_euros_is_reported_at_the_rate_entered() -> None:
    clerk = finance_user()
    fund = make_fund()
    entry = contribute(clerk, fund, make_donor(), "1000.00", "EUR", rate="1.08345")
    assert entry.money == Money("1000.00", "EUR")
    assert entry.reporting_amount == Decimal("1083.45")
    assert entry.status == EntryStatus.POSTED
    assert sorted((p.account, p.amount) for p in entry.postings.all()) == [
        ("cash", Decimal("1083.45")),
        ("contributions", Decimal("-1083.45")),
    ]


def test_in_kind_contribution_counts_as_given_and_used() -> None:
    clerk = finance_user()
    fund = make_fund()
    contribute(clerk, fund, make_donor(), "500", kind=EntryKind.IN_KIND)
    figures = queries.year_report(fund, 2025).figures
    assert (figures.cash, figures.in_kind, figures.spent, figures.balance) == (
        Decimal(0),
        Decimal(500),
        Decimal(500),
        Decimal(0),
    )


def test_only_the_finance_role_records_entries() -> None:
    with pytest.raises(NotAllowed):
        contribute(UserFactory.create(), make_fund(), make_donor(), "10")
    assert not Entry.objects.exists()


def test_expenditure_beyond_the_cash_held_is_refused() -> None:
    clerk = finance_user()
    fund = make_fund()
    contribute(clerk, fund, make_donor(), "100")
    with pytest.raises(services.LedgerError, match=r"holds 100\.00 USD"):
        spend(clerk, fund, "100.01")
    assert services.cash_held(fund) == Decimal(100)
    assert Entry.objects.count() == 1


def test_rate_other_than_one_in_the_reporting_currency_is_refused() -> None:
    with pytest.raises(services.LedgerError, match="rate 1"):
        contribute(finance_user(), make_fund(), make_donor(), "10", "USD", rate="1.1")


def test_entry_above_the_threshold_waits_for_a_second_person() -> None:
    recorder, approver = finance_user("Rita Recorder"), finance_user("Alan Approver")
    fund = make_fund(threshold=1000)
    entry = contribute(recorder, fund, make_donor(), "5000")
    assert entry.status == EntryStatus.PENDING
    assert queries.year_report(fund, 2025).figures.cash == Decimal(0)
    with pytest.raises(services.LedgerError, match="cannot approve"):
        services.approve_entry(by=recorder, entry=entry)
    services.approve_entry(by=approver, entry=entry)
    entry.refresh_from_db()
    assert (entry.status, entry.approved_by) == (EntryStatus.POSTED, approver)
    assert queries.year_report(fund, 2025).figures.cash == Decimal(5000)


def test_reversal_keeps_the_entry_and_records_the_reason() -> None:
    clerk = finance_user()
    fund = make_fund()
    entry = contribute(clerk, fund, make_donor(), "300")
    reversal = services.reverse_entry(
        by=clerk, entry=entry, reason="Recorded twice", on=DAY + dt.timedelta(days=2)
    )
    entry.refresh_from_db()
    assert entry.reporting_amount == Decimal(300)  # history unchanged
    assert (reversal.reverses, reversal.reason, reversal.reporting_amount) == (
        entry,
        "Recorded twice",
        Decimal(-300),
    )
    assert queries.year_report(fund, 2025).figures.balance == Decimal(0)
    with pytest.raises(services.LedgerError, match="already reversed"):
        services.reverse_entry(by=clerk, entry=entry, reason="again", on=DAY)


def test_reversal_without_a_reason_is_refused() -> None:
    clerk = finance_user()
    entry = contribute(clerk, make_fund(), make_donor(), "300")
    with pytest.raises(services.LedgerError, match="reason"):
        services.reverse_entry(by=clerk, entry=entry, reason="  ", on=DAY)


def test_host_country_contribution_needs_no_donor() -> None:
    clerk = finance_user()
    fund = make_fund()
    services.record_entry(
        by=clerk,
        fund=fund,
        kind=EntryKind.CASH,
        on=DAY,
        amount=Money("2000", "NOK"),
        rate=Decimal("0.1"),
        rate_date=DAY,
        description="Host country contribution",
        host_country=country("NO"),
    )
    report = queries.year_report(fund, 2025)
    assert [(h.name, h.cash) for h in report.hosts] == [("Norway", Decimal("200.00"))]


def test_audit_ledger_command_passes_right_books_and_finds_a_broken_one() -> None:
    clerk = finance_user()
    fund = make_fund()
    contribute(clerk, fund, make_donor(), "300")
    spend(clerk, fund, "120")
    out = StringIO()
    call_command("audit_ledger", stdout=out)
    assert "trust-fund: 2 entries, contributions 300.00 - spent 120.00 = balance 180.00" in (
        out.getvalue()
    )
    Posting.objects.filter(account="cash", amount=Decimal(-120)).update(amount=Decimal(-100))
    with pytest.raises(CommandError, match="problem"):
        call_command("audit_ledger", stdout=StringIO(), stderr=StringIO())


# --- Random ledgers -----------------------------------------------------------------------------

RUNS = itertools.count()
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(20000), places=2)
rates = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(200), places=5)
step = st.one_of(
    st.tuples(st.just("cash"), amounts, st.sampled_from(["USD", "EUR", "JPY"]), rates),
    st.tuples(st.just("in_kind"), amounts, st.just("USD"), st.just(Decimal(1))),
    st.tuples(st.just("spend"), amounts, st.just("USD"), st.just(Decimal(1))),
    st.tuples(st.just("reverse"), st.integers(0, 50), st.just(""), st.just(Decimal(1))),
    st.tuples(st.just("approve"), st.integers(0, 50), st.just(""), st.just(Decimal(1))),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(step, max_size=15))
def test_random_ledgers_keep_balance_equal_to_contributions_minus_expenditure(
    steps: list[tuple[str, object, str, Decimal]],
) -> None:
    run = next(RUNS)
    clerk, second = finance_user("One"), finance_user("Two")
    fund = make_fund(slug=f"random-{run}", threshold=5000)
    donor = make_donor(name=f"Donor {run}")
    for action, value, currency, rate in steps:
        made = list(Entry.objects.filter(fund=fund).order_by("pk"))
        try:
            if action in ("cash", "in_kind"):
                kind = EntryKind.CASH if action == "cash" else EntryKind.IN_KIND
                contribute(clerk, fund, donor, str(value), currency, str(rate), kind=kind)
            elif action == "spend":
                spend(clerk, fund, str(value))
            elif made and action == "reverse":
                services.reverse_entry(
                    by=clerk, entry=made[int(str(value)) % len(made)], reason="random", on=DAY
                )
            elif made and action == "approve":
                services.approve_entry(by=second, entry=made[int(str(value)) % len(made)])
        except services.LedgerError:
            pass
    entries, postings = queries.audit_lines(fund)
    assert audit(entries, postings) == []
    figures = totals(entries)
    assert services.cash_held(fund) == figures.balance
    assert figures.balance == figures.contributions - figures.spent
    assert figures.balance >= 0
