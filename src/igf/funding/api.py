"""The funding's open data: funds, the public ledger of a fund's year, the IATI files.

Mounted by igf.api at /api/v1/funding/. Only posted entries; donors are organisations, whose
contributions are public by nature.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema, Status

from igf.funding import iati, opendata, queries, support

PREFIX = "funding"
router = Router(tags=["funding"])

SUMMARIES: dict[tuple[str, str], Promise] = {
    ("GET", "/api/v1/funding/funds"): _("The forum's funds and the years they have accounts for."),
    ("GET", "/api/v1/funding/funds/{slug}/{year}"): _(
        "A fund's year: contributions by donor, stakeholder group and host country, expenditure "
        "by category, balances and every transaction with its rate."
    ),
    ("GET", "/api/v1/funding/iati/organisation.xml"): _(
        "The IATI 2.03 organisation file: total budget and expenditure per year."
    ),
    ("GET", "/api/v1/funding/iati/{slug}.xml"): _("The IATI 2.03 activity file of a fund."),
    ("GET", "/api/v1/funding/calls/{slug}/statistics"): _(
        "Awards of a support call by regional group, stakeholder group and gender; categories "
        "of fewer than 5 people are null."
    ),
}


class FundOut(Schema):
    slug: str
    name: str
    kind: str
    reporting_currency: str
    years: list[int]
    iati_identifier: str


class ErrorOut(Schema):
    detail: str


@router.get("/funds", response=list[FundOut], summary="Funds")
def list_funds(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "slug": fund.slug,
            "name": fund.name,
            "kind": fund.kind,
            "reporting_currency": fund.reporting_currency,
            "years": queries.years_of(fund),
            "iati_identifier": fund.iati_identifier,
        }
        for fund in queries.funds()
    ]


@router.get(
    "/funds/{slug}/{year}", response={200: dict[str, Any], 404: ErrorOut}, summary="A fund's year"
)
def fund_year(request: HttpRequest, slug: str, year: int) -> Any:
    try:
        fund = queries.get_fund(slug)
    except Http404:
        return Status(404, {"detail": str(_("No fund has this address."))})
    if year not in queries.years_of(fund):
        return Status(404, {"detail": str(_("The fund has no accounts for this year."))})
    return opendata.report_data(queries.year_report(fund, year))


@router.get("/iati/organisation.xml", summary="IATI organisation file")
def iati_organisation(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        iati.organisation_file(list(queries.funds())), content_type="application/xml"
    )


@router.get("/iati/{slug}.xml", response={200: None, 404: ErrorOut}, summary="IATI activity file")
def iati_activity(request: HttpRequest, slug: str) -> Any:
    try:
        fund = queries.get_fund(slug)
    except Http404:
        return Status(404, {"detail": str(_("No fund has this address."))})
    return HttpResponse(iati.activity_file([fund]), content_type="application/xml")


class StatOut(Schema):
    category: str
    count: int | None


class StatisticsOut(Schema):
    call: str
    awards: int | None
    by_region: list[StatOut]
    by_stakeholder_group: list[StatOut]
    by_gender: list[StatOut]


@router.get(
    "/calls/{slug}/statistics",
    response={200: StatisticsOut, 404: ErrorOut},
    summary="Award statistics of a support call",
)
def call_statistics(request: HttpRequest, slug: str) -> Any:
    try:
        call = queries.get_call(slug)
    except Http404:
        return Status(404, {"detail": str(_("No support call has this address."))})
    stats = support.award_statistics(call)

    def rows(items: list[support.StatRow]) -> list[dict[str, Any]]:
        return [{"category": row.key, "count": row.count} for row in items]

    return {
        "call": call.slug,
        "awards": stats.total or None,
        "by_region": rows(stats.by_region),
        "by_stakeholder_group": rows(stats.by_group),
        "by_gender": rows(stats.by_gender),
    }
