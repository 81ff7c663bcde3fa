"""The funding's pages, for the checks on every page (weight, languages, escaping, axe)."""

from __future__ import annotations

from igf.funding.models import Fund
from igf.people.models import User
from tests.funding.factories import contribute, finance_user, make_donor, make_fund, spend
from tests.pages import Page


def _fund(user: User) -> Fund:
    fund = Fund.objects.filter(slug="trust-fund").first()
    if fund is not None:
        return fund
    clerk = finance_user()
    fund = make_fund()
    contribute(clerk, fund, make_donor(), "900")
    spend(clerk, fund, "300", "travel")
    return fund


PAGES = [
    Page("funding index", lambda u: "/funding/"),
    Page("fund year", lambda u: f"/funding/{_fund(u).slug}/2025/"),
    Page("iati index", lambda u: "/funding/iati/"),
    Page("books", lambda u: f"/funding/{_fund(u).slug}/books/", signed_in=True),
]
