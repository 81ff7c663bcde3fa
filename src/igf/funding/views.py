"""The funding pages: the public ledger per fund and year (page, CSV, JSON), the IATI files and
their index, and the finance role's books (record, approve, reverse)."""

from __future__ import annotations

import csv
from decimal import Decimal, InvalidOperation
from typing import cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from moneyed import Money

from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required
from igf.funding import charts, iati, opendata, queries, services, support
from igf.funding.forms import (
    ApplicationForm,
    DecisionForm,
    EntryForm,
    ReverseForm,
    TripReportForm,
)
from igf.funding.models import Award, Entry, Fund, SupportCall
from igf.people.models import User

FUND = Load(queries.get_fund, "slug")
ENTRY = Load(queries.get_entry, "pk")


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


@require_safe
@permission_required(None)
def index(request: HttpRequest) -> HttpResponse:
    funds = [(fund, queries.years_of(fund)) for fund in queries.funds()]
    return render(request, "funding/index.html", {"funds": funds, "calls": queries.calls()})


def _report_or_404(fund: Fund, year: int | None) -> queries.YearReport:
    years = queries.years_of(fund)
    if year is None:
        year = years[-1] if years else timezone.localdate().year
    elif year not in years:
        raise Http404
    return queries.year_report(fund, year)


@require_safe
@permission_required(None, FUND)
def fund(request: HttpRequest, fund: Fund, year: int | None = None) -> HttpResponse:
    report = _report_or_404(fund, year)
    return render(
        request,
        "funding/fund.html",
        {
            "fund": fund,
            "report": report,
            "years": queries.years_of(fund),
            "trend_chart": charts.trend_chart(
                [(p.year, p.contributions, p.spent) for p in report.trend]
            ),
            "groups_bar": charts.share_bar([row.share for row in report.groups]),
            "categories_bar": charts.share_bar([row.share for row in report.categories]),
        },
    )


@require_safe
@permission_required(None, FUND)
def fund_json(request: HttpRequest, fund: Fund, year: int) -> HttpResponse:
    return JsonResponse(opendata.report_data(_report_or_404(fund, year)))


CSV_COLUMNS = (
    "id", "date", "kind", "from", "category", "description", "amount", "currency", "rate",
    "rate_date", "reported_amount", "reverses", "reason",
)  # fmt: skip


@require_safe
@permission_required(None, FUND)
def fund_csv(request: HttpRequest, fund: Fund, year: int) -> HttpResponse:
    report = _report_or_404(fund, year)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{fund.slug}-{year}.csv"'
    writer = csv.DictWriter(response, fieldnames=[*CSV_COLUMNS, "reporting_currency"])
    writer.writeheader()
    for entry in report.entries:
        writer.writerow(
            {**opendata.entry_data(entry), "reporting_currency": fund.reporting_currency}
        )
    return response


@require_safe
@permission_required(None)
def iati_index(request: HttpRequest) -> HttpResponse:
    return render(request, "funding/iati.html", {"funds": queries.funds()})


@require_safe
@permission_required(None, FUND)
def iati_activity(request: HttpRequest, fund: Fund) -> HttpResponse:
    return HttpResponse(iati.activity_file([fund]), content_type="application/xml")


@require_safe
@permission_required(None)
def iati_organisation(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        iati.organisation_file(list(queries.funds())), content_type="application/xml"
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("funding.view_books", FUND, second_factor=True)
def books(request: HttpRequest, fund: Fund) -> HttpResponse:
    form = EntryForm(request.POST or None, initial={"currency": fund.reporting_currency})
    if request.method == "POST":
        if not request.user.has_perm("funding.record_entry"):
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                entry = services.record_entry(
                    by=_user(request),
                    fund=fund,
                    kind=data["kind"],
                    on=data["on"],
                    amount=Money(data["amount"], data["currency"]),
                    rate=data["rate"],
                    rate_date=data["rate_date"],
                    description=data["description"],
                    donor=data["donor"],
                    host_country=data["host_country"],
                    category=data["category"],
                )
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(
                    request,
                    _("The entry is posted.")
                    if entry.posted
                    else _("The entry is recorded and waits for a second approval."),
                )
                return redirect("funding:books", slug=fund.slug)
    return render(
        request,
        "funding/books.html",
        {
            "fund": fund,
            "form": form,
            "pending": queries.pending_entries(fund),
            "entries": queries.entries_of(fund, request.user)[:100],
            "cash": services.cash_held(fund),
            "reverse_form": ReverseForm(initial={"on": timezone.localdate()}),
        },
    )


@require_POST
@permission_required("funding.approve_entry", ENTRY, second_factor=True)
def approve(request: HttpRequest, entry: Entry) -> HttpResponse:
    services.approve_entry(by=_user(request), entry=entry)
    messages.success(request, _("The entry is approved and posted."))
    return redirect("funding:books", slug=entry.fund.slug)


@require_POST
@permission_required("funding.reverse_entry", ENTRY, second_factor=True)
def reverse(request: HttpRequest, entry: Entry) -> HttpResponse:
    form = ReverseForm(request.POST)
    if not form.is_valid():
        raise Refused(_("Give the reason and the date of the correction."))
    services.reverse_entry(
        by=_user(request),
        entry=entry,
        reason=form.cleaned_data["reason"],
        on=form.cleaned_data["on"],
    )
    messages.success(request, _("The entry is reversed; both stay in the books."))
    return redirect("funding:books", slug=entry.fund.slug)


CALL = Load(queries.get_call, "slug")


@require_safe
@permission_required(None, CALL)
def call(request: HttpRequest, call: SupportCall) -> HttpResponse:
    return render(
        request,
        "funding/call.html",
        {
            "call": call,
            "open": support.is_open(call),
            "statistics": support.award_statistics(call),
            "small": support.SMALL,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("funding.apply", CALL)
def apply(request: HttpRequest, call: SupportCall) -> HttpResponse:
    user = _user(request)
    application = queries.application_of(call, user)
    initial = {name: getattr(application, name) for name in support.FIELDS} if application else {}
    form = ApplicationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            application = support.save_application(by=user, call=call, data=form.cleaned_data)
            if request.POST.get("submit") == "1":
                support.submit_application(by=user, application=application)
                messages.success(request, _("Your application is submitted."))
            else:
                messages.success(request, _("Your application is saved as a draft."))
        except Refused as error:
            add_refusal(form, error)
        else:
            return redirect("funding:apply", slug=call.slug)
    return render(
        request,
        "funding/apply.html",
        {
            "call": call,
            "form": form,
            "application": application,
            "eligibility": support.eligibility_of(application) if application else None,
            "missing": support.missing_for_submission(application) if application else [],
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("funding.decide_awards", CALL, second_factor=True)
def awards(request: HttpRequest, call: SupportCall) -> HttpResponse:
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            support.decide_awards(by=_user(request), call=call, reason=form.cleaned_data["reason"])
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The awards are decided; applicants are told."))
            return redirect("funding:awards", slug=call.slug)
    selection = support.propose_awards(call)
    return render(
        request,
        "funding/awards.html",
        {
            "call": call,
            "form": form,
            "selection": selection,
            "decided": queries.awards_of(call),
            "scored": queries.scored_count(call),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("funding.file_trip_report", Load(queries.get_award, "pk"))
def trip_report(request: HttpRequest, award: Award) -> HttpResponse:
    form = TripReportForm(request.POST or None, initial={"text": award.trip_report})
    if request.method == "POST" and form.is_valid():
        try:
            support.file_trip_report(by=_user(request), award=award, text=form.cleaned_data["text"])
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Your trip report is filed. Thank you."))
            return redirect("funding:trip_report", pk=award.pk)
    return render(request, "funding/trip_report.html", {"award": award, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("funding.decide_awards", CALL, second_factor=True)
def scores(request: HttpRequest, call: SupportCall) -> HttpResponse:
    """The panel's scores, read blind: what applicants wrote, their country and group, no name."""
    applications = list(queries.submitted_applications(call)[:200])
    if request.method == "POST":
        given: dict[int, Decimal] = {}
        for application in applications:
            raw = request.POST.get(f"score-{application.pk}", "").strip()
            if raw:
                try:
                    given[application.pk] = Decimal(raw)
                except InvalidOperation:
                    raise Refused(_("Scores go from 0 to 10.")) from None
        count = support.record_scores(by=_user(request), call=call, scores=given)
        messages.success(request, _("Scores saved: %(n)s.") % {"n": count})
        return redirect("funding:scores", slug=call.slug)
    return render(request, "funding/scores.html", {"call": call, "applications": applications})


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("funding.apply")
def recommend(request: HttpRequest, token: str) -> HttpResponse:
    """The recommender's page, reached from the e-mail: confirm the recommendation."""
    application = support.application_for_token(token)
    if application is None or application.recommender is None:
        raise Http404
    if application.recommender.user_id != request.user.pk:
        raise PermissionDenied
    if request.method == "POST":
        support.confirm_recommendation(by=_user(request), application=application)
        messages.success(request, _("Thank you: your recommendation is confirmed."))
        return redirect(application.call)
    return render(request, "funding/recommend.html", {"application": application})
