"""Reading the books: funds, the ledger a viewer may see, and a fund's figures per year.

Only posted entries count in figures; pending ones are shown to the finance role alone.
Donors are organisations, public by nature, so their amounts are never suppressed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from igf.core.accounts import Account as Viewer
from igf.core.enums import StakeholderGroup
from igf.funding.enums import ApplicationStatus, Category, EntryKind, EntryStatus
from igf.funding.ledger import ZERO, EntryLine, PostingLine, Totals, totals
from igf.funding.models import Application, Award, Entry, Fund, Posting, SupportCall
from igf.funding.rules import is_finance


def funds() -> QuerySet[Fund]:
    return Fund.objects.order_by("name")


def get_fund(slug: str) -> Fund:
    """The fund, or 404."""
    return get_object_or_404(Fund, slug=slug)


def get_entry(pk: int) -> Entry:
    """A ledger entry, or 404 (entries are only reached from the books' pages)."""
    return get_object_or_404(Entry.objects.select_related("fund", "recorded_by"), pk=pk)


def entries_of(fund: Fund, viewer: Viewer) -> QuerySet[Entry]:
    """The fund's entries the viewer may see: posted ones for everyone, pending ones for the
    finance role."""
    queryset = Entry.objects.filter(fund=fund).select_related(
        "donor__organization__country", "host_country", "recorded_by__person", "reverses"
    )
    if not is_finance(viewer):
        queryset = queryset.filter(status=EntryStatus.POSTED)
    return queryset.order_by("-date", "-pk")


def pending_entries(fund: Fund) -> QuerySet[Entry]:
    """Entries waiting for a second approval, oldest first."""
    return (
        Entry.objects.filter(fund=fund, status=EntryStatus.PENDING)
        .select_related("recorded_by__person", "donor__organization", "host_country")
        .order_by("pk")
    )


def years_of(fund: Fund) -> list[int]:
    """The years with posted entries, oldest first."""
    dates = Entry.objects.filter(fund=fund, status=EntryStatus.POSTED).dates("date", "year")
    return [day.year for day in dates]


@dataclass(frozen=True)
class Share:
    label: str
    amount: Decimal
    share: float
    key: str = ""


@dataclass(frozen=True)
class DonorLine:
    name: str
    url: str
    group: str
    country: str
    cash: Decimal
    in_kind: Decimal

    @property
    def total(self) -> Decimal:
        return self.cash + self.in_kind


@dataclass(frozen=True)
class YearPoint:
    year: int
    contributions: Decimal
    spent: Decimal


@dataclass(frozen=True)
class YearReport:
    """A fund's year, as the public page, the CSV and the JSON show it."""

    fund: Fund
    year: int
    opening: Decimal
    figures: Totals
    donors: list[DonorLine]
    groups: list[Share]
    hosts: list[DonorLine]
    categories: list[Share]
    entries: list[Entry]
    trend: list[YearPoint] = field(default_factory=list)

    @property
    def closing(self) -> Decimal:
        return self.opening + self.figures.balance

    @property
    def currency(self) -> str:
        return self.fund.reporting_currency


def _line(entry: Entry) -> EntryLine:
    return EntryLine(
        pk=entry.pk,
        fund=entry.fund_id,
        kind=entry.kind,
        posted=entry.status == EntryStatus.POSTED,
        amount=entry.amount,
        rate=entry.rate,
        reporting_amount=entry.reporting_amount,
        reverses=entry.reverses_id,
    )


def _shares(sums: dict[str, Decimal], labels: dict[str, str]) -> list[Share]:
    whole = sum(sums.values(), ZERO)
    rows = [
        Share(
            label=labels.get(key, key),
            amount=amount,
            share=float(amount / whole) if whole else 0.0,
            key=key,
        )
        for key, amount in sums.items()
        if amount
    ]
    return sorted(rows, key=lambda row: (-row.amount, row.label))


def year_report(fund: Fund, year: int) -> YearReport:
    """The fund's figures for one year (posted entries, by the entry's date)."""
    posted = list(
        Entry.objects.filter(fund=fund, status=EntryStatus.POSTED)
        .select_related("fund", "donor__organization__country", "host_country")
        .order_by("date", "pk")
    )
    before = [_line(e) for e in posted if e.date.year < year]
    this_year = [e for e in posted if e.date.year == year]
    donors: dict[int, DonorLine] = {}
    hosts: dict[str, DonorLine] = {}
    groups: dict[str, Decimal] = defaultdict(lambda: ZERO)
    categories: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for entry in this_year:
        amount = entry.reporting_amount
        cash = amount if entry.kind == EntryKind.CASH else ZERO
        in_kind = amount if entry.kind == EntryKind.IN_KIND else ZERO
        if entry.kind == EntryKind.EXPENDITURE:
            categories[entry.category] += amount
            continue
        if entry.donor is not None:
            organization = entry.donor.organization
            old = donors.get(entry.donor_id or 0)
            donors[entry.donor_id or 0] = DonorLine(
                name=organization.name,
                url=organization.get_absolute_url(),
                group=organization.get_stakeholder_group_display(),
                country=organization.country.name if organization.country else "",
                cash=cash + (old.cash if old else ZERO),
                in_kind=in_kind + (old.in_kind if old else ZERO),
            )
            groups[organization.stakeholder_group] += amount
        elif entry.host_country is not None:
            key = entry.host_country_id or ""
            old_host = hosts.get(key)
            hosts[key] = DonorLine(
                name=entry.host_country.name,
                url="",
                group=str(StakeholderGroup.GOVERNMENT.label),
                country=entry.host_country.name,
                cash=cash + (old_host.cash if old_host else ZERO),
                in_kind=in_kind + (old_host.in_kind if old_host else ZERO),
            )
            groups[StakeholderGroup.GOVERNMENT] += amount
    group_labels = {str(value): str(label) for value, label in StakeholderGroup.choices}
    category_labels = {str(value): str(label) for value, label in Category.choices}
    trend_sums: dict[int, list[Decimal]] = {}
    for entry in posted:
        point = trend_sums.setdefault(entry.date.year, [ZERO, ZERO])
        figures = totals([_line(entry)])
        point[0] += figures.contributions
        point[1] += figures.spent
    return YearReport(
        fund=fund,
        year=year,
        opening=totals(before).balance,
        figures=totals(_line(e) for e in this_year),
        donors=sorted(donors.values(), key=lambda d: (-d.total, d.name)),
        groups=_shares(groups, group_labels),
        hosts=sorted(hosts.values(), key=lambda d: (-d.total, d.name)),
        categories=_shares(categories, category_labels),
        entries=this_year,
        trend=[YearPoint(y, c, s) for y, (c, s) in sorted(trend_sums.items())],
    )


def audit_lines(fund: Fund | None = None) -> tuple[list[EntryLine], list[PostingLine]]:
    """Every entry and posting (of one fund, or all), as the audit reads them."""
    entries = Entry.objects.all()
    postings = Posting.objects.all()
    if fund is not None:
        entries = entries.filter(fund=fund)
        postings = postings.filter(fund=fund)
    return (
        [_line(entry) for entry in entries.order_by("pk")],
        [
            PostingLine(entry=p.entry_id, fund=p.fund_id, account=p.account, amount=p.amount)
            for p in postings.order_by("pk")
        ],
    )


def calls() -> QuerySet[SupportCall]:
    return SupportCall.objects.order_by("-opens")


def get_call(slug: str) -> SupportCall:
    """The support call, or 404."""
    return get_object_or_404(SupportCall.objects.select_related("fund"), slug=slug)


def application_of(call: SupportCall, user: Viewer) -> Application | None:
    """The viewer's own application to the call, if any (nobody else's)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Application.objects.filter(call=call, applicant=user)  # type: ignore[misc]
        .select_related("country", "call")
        .first()
    )


def awards_of(call: SupportCall) -> QuerySet[Award]:
    return Award.objects.filter(application__call=call).select_related(
        "application__country", "payment"
    )


def scored_count(call: SupportCall) -> int:
    return Application.objects.filter(
        call=call,
        status=ApplicationStatus.SUBMITTED,
        score__isnull=False,
        recommendation_confirmed__isnull=False,
    ).count()


def export_funding_data(person: Any) -> dict[str, Any]:
    """What the funding app holds about a person, for their data export: their applications
    and awards (entries of the books are about organisations, not people)."""
    applications = Application.objects.filter(applicant=person.user).select_related(
        "call", "country"
    )
    awards = {a.application_id: a for a in Award.objects.filter(application__in=applications)}
    result = []
    for application in applications.order_by("pk"):
        award = awards.get(application.pk)
        result.append(
            {
                "call": application.call.title,
                "status": application.status,
                "country": application.country_id or "",
                "stakeholder_group": application.stakeholder_group,
                "gender": application.gender,
                "preferences": application.preferences,
                "partial": application.partial,
                "amount": str(application.amount or ""),
                "motivation": application.motivation,
                "give_back": application.give_back,
                "recommender_name": application.recommender_name,
                "recommender_email": application.recommender_email,
                "award": None
                if award is None
                else {
                    "amount": str(award.amount),
                    "reason": award.reason,
                    "trip_report": award.trip_report,
                },
            }
        )
    return {"applications": result}


def get_award(pk: int) -> Award:
    """An award, or 404 (reached only by the person awarded: the rule checks)."""
    return get_object_or_404(Award.objects.select_related("application__call"), pk=pk)


def submitted_applications(call: SupportCall) -> QuerySet[Application]:
    """The call's submitted applications, oldest first, for the panel (read blind: the page
    shows no name)."""
    return (
        Application.objects.filter(call=call, status=ApplicationStatus.SUBMITTED)
        .select_related("country")
        .order_by("pk")
    )
