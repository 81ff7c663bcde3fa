"""The demo's trust fund: 12 donors over five years in three currencies and more, a host
country's contribution, and books that pass the audit."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from igf.core.demo import DemoContext
from igf.funding import demo, queries
from igf.funding.enums import EntryKind
from igf.funding.models import Award, Entry, Fund, SupportCall

pytestmark = pytest.mark.django_db


def test_demo_trust_fund_has_twelve_donors_over_five_years_and_balances(admin_user) -> None:  # type: ignore[no-untyped-def]
    accounts = demo.seed(DemoContext())
    assert [a.role for a in accounts] == ["finance (records)", "finance (approves)"]
    fund = Fund.objects.get(slug="trust-fund")
    assert queries.years_of(fund) == [2021, 2022, 2023, 2024, 2025]
    contributions = Entry.objects.filter(fund=fund, kind=EntryKind.CASH)
    assert contributions.exclude(donor=None).values("donor").distinct().count() == 12
    assert set(contributions.values_list("currency", flat=True)) >= {"USD", "EUR", "CHF"}
    assert Entry.objects.filter(fund=fund, kind=EntryKind.IN_KIND).count() == 5
    report = queries.year_report(fund, 2025)
    assert [h.name for h in report.hosts] == ["Norway"]
    assert report.closing > 0
    out = StringIO()
    call_command("audit_ledger", stdout=out)
    assert ": OK" in out.getvalue()
    assert demo.seed(DemoContext()) == accounts  # once only
    current = SupportCall.objects.get(slug="travel-2026")
    assert current.applications.count() == 200
    awards = Award.objects.filter(application__call=current)
    assert 0 < awards.count() < 200
    assert sum(a.amount for a in awards) <= current.budget
    women = awards.filter(application__gender="woman").count()
    assert women >= 0.4 * awards.count()
    past = Award.objects.filter(application__call__slug="travel-2025")
    assert past.filter(trip_report_filed=None).count() == past.count() // 5
    assert all(award.payment_id for award in past)
    assert SupportCall.objects.filter(kind="nri").count() == 1
