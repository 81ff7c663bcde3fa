"""A fund's year as open data: the JSON download, the CSV's rows and the API share it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from igf.funding import queries
from igf.funding.models import Entry


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def report_data(report: queries.YearReport) -> dict[str, Any]:
    """The year of a fund as open data (the JSON download and the API)."""
    return {
        "fund": report.fund.slug,
        "name": report.fund.name,
        "year": report.year,
        "currency": report.currency,
        "opening_balance": _money(report.opening),
        "contributions": _money(report.figures.contributions),
        "cash_contributions": _money(report.figures.cash),
        "in_kind_contributions": _money(report.figures.in_kind),
        "expenditure": _money(report.figures.expenditure),
        "closing_balance": _money(report.closing),
        "donors": [
            {
                "name": d.name,
                "stakeholder_group": d.group,
                "country": d.country,
                "cash": _money(d.cash),
                "in_kind": _money(d.in_kind),
            }
            for d in report.donors
        ],
        "host_countries": [
            {"country": h.name, "cash": _money(h.cash), "in_kind": _money(h.in_kind)}
            for h in report.hosts
        ],
        "by_stakeholder_group": [
            {"group": g.key, "amount": _money(g.amount)} for g in report.groups
        ],
        "expenditure_by_category": [
            {"category": c.key, "amount": _money(c.amount)} for c in report.categories
        ],
        "entries": [entry_data(e) for e in report.entries],
        "trend": [
            {"year": p.year, "contributions": _money(p.contributions), "spent": _money(p.spent)}
            for p in report.trend
        ],
    }


def entry_data(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "date": entry.date.isoformat(),
        "kind": entry.kind,
        "from": str(entry.donor or entry.host_country or ""),
        "category": entry.category,
        "description": entry.description,
        "amount": _money(entry.amount),
        "currency": entry.currency,
        "rate": str(entry.rate),
        "rate_date": entry.rate_date.isoformat(),
        "reported_amount": _money(entry.reporting_amount),
        "reverses": entry.reverses_id,
        "reason": entry.reason,
    }
