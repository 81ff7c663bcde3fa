"""The funding's pages, for the checks on every page (weight, languages, escaping, axe)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from igf.funding.enums import CallKind
from igf.funding.models import Application, Award, Fund, SupportCall
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


def _call(user: User) -> SupportCall:
    call = SupportCall.objects.filter(slug="travel").first()
    if call is not None:
        return call
    today = timezone.localdate()
    return SupportCall.objects.create(
        fund=_fund(user),
        kind=CallKind.TRAVEL,
        title="Travel support",
        slug="travel",
        criteria="Open to **active contributors**.",
        opens=today - dt.timedelta(days=3),
        closes=today + dt.timedelta(days=30),
        budget=Decimal(5000),
        max_award=Decimal(2000),
    )


PAGES += [
    Page("support call", lambda u: _call(u).get_absolute_url()),
    Page("apply for support", lambda u: f"{_call(u).get_absolute_url()}apply/", signed_in=True),
    Page("score applications", lambda u: f"{_call(u).get_absolute_url()}scores/", signed_in=True),
    Page("choose awards", lambda u: f"{_call(u).get_absolute_url()}awards/", signed_in=True),
]


def _trip_report(user: User) -> str:
    call = _call(user)
    application, _created = Application.objects.get_or_create(
        call=call, applicant=user, defaults={"status": "awarded", "amount": Decimal(1000)}
    )
    award, _created = Award.objects.get_or_create(
        application=application,
        defaults={"amount": Decimal(1000), "reason": "Scored well", "decided_by": user},
    )
    return f"/funding/awards/{award.pk}/report/"


PAGES += [Page("trip report", _trip_report, signed_in=True)]
