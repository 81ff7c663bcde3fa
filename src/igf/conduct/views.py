"""The code of conduct's pages: the code and its versions, accepting it, reporting a concern,
and the conduct officers' reports."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from igf.conduct import queries, services
from igf.conduct.enums import ReportStatus
from igf.conduct.forms import AcceptForm, HandleForm, MeetingReportForm, ReportForm
from igf.conduct.models import Code, Report
from igf.conduct.rules import current_code, is_conduct_officer, must_accept
from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required
from igf.people.models import User

MEETING_SUBJECTS = frozenset({"meetings.meeting", "programme.session"})
REPORTS_PER_PAGE = 25


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _officers_only(request: HttpRequest) -> None:
    """Reports are for the conduct officers alone: not even a superuser reads them by office
    (Django would grant a superuser every permission)."""
    if not is_conduct_officer(request.user):
        raise PermissionDenied


def _code_page(request: HttpRequest, code: Code | None) -> HttpResponse:
    return render(
        request,
        "conduct/code.html",
        {
            "code": code,
            "text": queries.text_of(code, get_language() or "en") if code else None,
            "current": current_code(),
            "versions": queries.published_codes(),
        },
    )


@require_safe
@permission_required(None)
def code(request: HttpRequest) -> HttpResponse:
    return _code_page(request, current_code())


@require_safe
@permission_required(None, Load(queries.get_code, "version"))
def version(request: HttpRequest, code: Code) -> HttpResponse:
    return _code_page(request, code)


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("conduct.accept_code")
def accept(request: HttpRequest) -> HttpResponse:
    code = current_code()
    form = AcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.accept_code(by=_user(request), code=code)
        messages.success(request, _("Thank you. You accepted the code of conduct."))
        return redirect(_next(request))
    return render(
        request,
        "conduct/accept.html",
        {
            "code": code,
            "text": queries.text_of(code, get_language() or "en") if code else None,
            "form": form,
            "next": _next(request),
            "needed": code is not None and must_accept(_user(request).person),
        },
        status=400 if request.method == "POST" else 200,
    )


def _report_form(request: HttpRequest, subject: models.Model | None) -> HttpResponse:
    label = queries.reportable_kind(subject) if subject is not None else ""
    about_meeting = subject is None or label in MEETING_SUBJECTS
    form_class = MeetingReportForm if about_meeting else ReportForm
    initial = {"meeting": str(subject)} if subject is not None and about_meeting else {}
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.report_concern(
                by=_user(request),
                subject=subject,
                description=data["description"],
                meeting=data.get("meeting", ""),
                occurred=data.get("occurred"),
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(
                request,
                _(
                    "Thank you. Your report went to the conduct officers only; they will tell "
                    "you once it is handled."
                ),
            )
            return redirect(_url_of(subject) or "conduct:code")
    return render(
        request,
        "conduct/report_form.html",
        {"form": form, "subject": subject, "about_meeting": about_meeting},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("conduct.report_concern", Load(queries.get_reportable, "kind", "object_id"))
def report_content(request: HttpRequest, subject: models.Model) -> HttpResponse:
    return _report_form(request, subject)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("conduct.report_concern")
def report_meeting(request: HttpRequest) -> HttpResponse:
    return _report_form(request, None)


@require_safe
@permission_required("conduct.handle_reports", second_factor=True)
def reports(request: HttpRequest) -> HttpResponse:
    _officers_only(request)
    status = request.GET.get("status", ReportStatus.OPEN)
    page = Paginator(queries.reports_for_officers(status), REPORTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "conduct/reports.html",
        {"page": page, "status": status, "statuses": ReportStatus.choices},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("conduct.handle_reports", Load(queries.get_report), second_factor=True)
def report(request: HttpRequest, report: Report) -> HttpResponse:
    _officers_only(request)
    form = HandleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.handle_report(
                by=_user(request),
                report=report,
                outcome=data["outcome"],
                reasons=data["reasons"],
                until=data["until"],
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Recorded. The reporter is told the report was handled."))
            return redirect(report)
    return render(
        request,
        "conduct/report.html",
        {
            "report": report,
            "form": form,
            "subject_hidden": _is_hidden(report),
            "subject_url": _subject_url(report),
        },
        status=400 if request.method == "POST" else 200,
    )


def _url_of(subject: models.Model | None) -> str:
    get_url = getattr(subject, "get_absolute_url", None)
    return str(get_url()) if callable(get_url) else ""


def _subject_url(report: Report) -> str:
    if report.subject_type is None or report.subject_id is None:
        return ""
    try:
        return _url_of(report.subject_type.get_object_for_this_type(pk=report.subject_id))
    except ObjectDoesNotExist:
        return ""


def _is_hidden(report: Report) -> bool:
    return any(action.outcome == "hidden" for action in report.actions.all())
