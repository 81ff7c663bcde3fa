"""Lists of meetings: all of them, a body's (with its decisions, action items and attendance),
the forum's open consultations."""

from __future__ import annotations

from datetime import timedelta

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from igf.bodies.models import Body
from igf.core.permissions import permission_required
from igf.core.rules import is_secretariat
from igf.meetings import ical, queries
from igf.meetings.forms import (
    ActionFilterForm,
    DecisionSearchForm,
)
from igf.meetings.views.common import BODY, PAGE_SIZE, ics_response


@require_safe
def meeting_list(request: HttpRequest) -> HttpResponse:
    past = request.GET.get("when") == "past"
    page = Paginator(queries.meeting_list(past=past), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/meeting_list.html",
        {"page": page, "past": past, "bodies": queries.bodies_with_meetings()},
    )


@require_safe
@permission_required(None, BODY)
def body_meetings(request: HttpRequest, body: Body) -> HttpResponse:
    user = request.user
    return render(
        request,
        "meetings/body.html",
        {
            "body": body,
            "upcoming": queries.meeting_list(body=body)[:PAGE_SIZE],
            "past": queries.meeting_list(body=body, past=True)[:PAGE_SIZE],
            "overdue": queries.body_actions(body, status="overdue"),
            "by_group": queries.attendance_by_group(body),
            "can_schedule": user.has_perm("meetings.schedule_meeting", body),
            "can_see_rates": user.has_perm("meetings.view_attendance_rates", body),
        },
    )


@require_safe
@permission_required(None, BODY)
def body_calendar(request: HttpRequest, body: Body) -> HttpResponse:
    since = timezone.now() - timedelta(days=365)
    content = ical.calendar(
        queries.meetings().filter(body=body, end__gte=since).order_by("start", "pk"),
        name=body.name,
        base_url=request.build_absolute_uri("/").rstrip("/"),
        join_link_for=set(),
    )
    return ics_response(content, f"{body.slug}.ics")


@require_safe
@permission_required(None, BODY)
def decision_register(request: HttpRequest, body: Body) -> HttpResponse:
    form = DecisionSearchForm(request.GET or None)
    search = consensus = ""
    if form.is_valid():
        search, consensus = form.cleaned_data["q"], form.cleaned_data["consensus"]
    decisions = queries.decision_register(request.user, body, search=search, consensus=consensus)
    page = Paginator(decisions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/decision_register.html",
        {"body": body, "form": form, "page": page, "search": search},
    )


@require_safe
@permission_required(None, BODY)
def body_actions(request: HttpRequest, body: Body) -> HttpResponse:
    form = ActionFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    page = Paginator(queries.body_actions(body, status=status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "meetings/body_actions.html",
        {"body": body, "form": form, "page": page, "today": timezone.localdate()},
    )


@require_safe
@permission_required("meetings.view_attendance_rates", BODY, second_factor=True)
def attendance_rates(request: HttpRequest, body: Body) -> HttpResponse:
    return render(
        request,
        "meetings/attendance_rates.html",
        {"body": body, "rows": queries.attendance_rates(body)},
    )


@require_safe
def consultations(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        year = today.year
    year = min(max(year, 2000), today.year + 5)
    found = queries.consultations_in(year)
    held_online = [m for m in found if m.online_url and not m.is_cancelled]
    return render(
        request,
        "meetings/consultations.html",
        {
            "year": year,
            "meetings": found,
            "years": [today.year + 1, today.year, today.year - 1, today.year - 2],
            "missing_online": is_secretariat(request.user) and not held_online,
            "can_schedule": request.user.has_perm("meetings.schedule_meeting", None),
        },
    )
