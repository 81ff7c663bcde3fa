"""Reads about bodies, filtered by what the viewer may see, and the checks shown on them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from igf.bodies.composition import CompositionCheck, check_composition
from igf.bodies.enums import SEAT_ROLES, BodyStatus, CallStatus, NominationStatus
from igf.bodies.models import (
    AnnualReport,
    Body,
    BodyType,
    Call,
    ListMessage,
    Membership,
    Milestone,
    Nomination,
)
from igf.bodies.services import rules_for, seats_on
from igf.core.rules import is_secretariat

BODY_FILTERS = ("type", "country", "region", "theme", "status")


def bodies_visible_to(user: Any) -> QuerySet[Body]:
    """Bodies are public; closed ones stay visible (their history is part of the record)."""
    return Body.objects.select_related("type", "country", "parent")


def body_list(
    user: Any,
    *,
    type_slug: str = "",
    country: str = "",
    region: str = "",
    theme: str = "",
    status: str = "",
    search: str = "",
) -> QuerySet[Body]:
    """The registry of bodies, filtered from an allow-list (never **GET)."""
    today = timezone.localdate()
    bodies = (
        bodies_visible_to(user)
        .annotate(
            members=Count(
                "memberships",
                filter=Q(memberships__role__in=SEAT_ROLES, memberships__start__lte=today)
                & (Q(memberships__end__isnull=True) | Q(memberships__end__gte=today)),
            ),
        )
        .prefetch_related(
            Prefetch(
                "annual_reports", queryset=AnnualReport.objects.only("body_id", "year", "submitted")
            )
        )
    )
    search = search.replace("\x00", "")
    if type_slug:
        bodies = bodies.filter(type__slug=type_slug)
    if country:
        bodies = bodies.filter(country_id=country.upper())
    if region:
        bodies = bodies.filter(
            Q(country__statistical_region=region) | Q(region__icontains=region.replace("\x00", ""))
        )
    if theme:
        bodies = bodies.filter(themes__icontains=theme.replace("\x00", ""))
    if status in BodyStatus.values:
        bodies = bodies.filter(status=status)
    if search:
        bodies = bodies.filter(Q(name__icontains=search) | Q(acronym__icontains=search))
    return bodies.order_by("type__order", "name", "pk")


def get_body(user: Any, slug: str) -> Body:
    try:
        return bodies_visible_to(user).prefetch_related("targets").get(slug=slug)
    except Body.DoesNotExist as error:
        raise Http404 from error


def get_body_type(slug: str) -> BodyType:
    try:
        return BodyType.objects.get(slug=slug)
    except BodyType.DoesNotExist as error:
        raise Http404 from error


def current_memberships(body: Body, on: date | None = None) -> list[Membership]:
    """Everyone with a role in the body today, seats first, then by role and name."""
    order = {role: i for i, role in enumerate(["chair", "vice_chair", "co_facilitator", "member"])}
    rows = list(
        body.memberships.current(on)
        .select_related("person__country", "organization")
        .order_by("person__display_name", "pk")
    )
    return sorted(rows, key=lambda m: (order.get(m.role, 9), m.person.public_name.casefold()))


def membership_history(body: Body) -> QuerySet[Membership]:
    return body.memberships.select_related("person", "organization").order_by(
        "-start", "person__display_name", "pk"
    )


def composition(body: Body, on: date | None = None) -> CompositionCheck:
    """Today's composition of the body against its rules and targets."""
    on = on or timezone.localdate()
    memberships = list(
        body.memberships.filter(role__in=SEAT_ROLES).select_related("person__country")
    )
    return check_composition(seats_on(body, on, memberships=memberships), rules_for(body))


@dataclass(frozen=True)
class Requirement:
    label: Promise | str
    met: bool


def latest_report_year(today: date | None = None) -> int:
    return (today or timezone.localdate()).year - 1


def report_is_overdue(body: Body, today: date | None = None) -> bool:
    """A body that needs an annual report and has none for last year after the due date."""
    if not body.type.needs_annual_report or body.status == BodyStatus.CLOSED:
        return False
    today = today or timezone.localdate()
    due = body.type.annual_report_due or "03-31"
    month, day = (int(part) for part in due.split("-"))
    if today < date(today.year, month, day):
        return False
    if body.established and body.established.year >= today.year:
        return False
    years = {r.year for r in body.annual_reports.all()}
    return latest_report_year(today) not in years


def requirements(body: Body, seats: CompositionCheck | None = None) -> list[Requirement]:
    """The criteria the body's type sets, checked from data (Dynamic Coalitions' minimum
    requirements; initiatives' recognition criteria)."""
    body_type = body.type
    if not (body_type.is_intersessional or body_type.is_initiative):
        return []
    seats = seats or composition(body)
    groups = sum(
        1
        for row in seats.balance.dimensions[0].categories
        if row.count and row.category != "unknown"
    )
    checks: list[Requirement] = []
    if body_type.has_open_membership:
        checks.append(Requirement(_("Open membership"), True))
    if body_type.has_mailing_list:
        checks.append(Requirement(_("Open mailing list"), body_type.has_open_membership))
        checks.append(Requirement(_("Open archives"), body.has_open_archives))
    if body_type.min_stakeholder_groups:
        required = body_type.min_stakeholder_groups
        label = (
            ngettext_lazy(
                "Organising committee from at least %(count)s stakeholder group",
                "Organising committee from at least %(count)s stakeholder groups",
                required,
            )
            if body_type.is_initiative
            else ngettext_lazy(
                "Members from at least %(count)s stakeholder group",
                "Members from at least %(count)s stakeholder groups",
                required,
            )
        ) % {"count": required}
        checks.append(Requirement(label, groups >= body_type.min_stakeholder_groups))
    if body_type.is_initiative:
        checks.append(
            Requirement(_("Open, inclusive, bottom-up and non-commercial"), body.is_non_commercial)
        )
    if body_type.needs_annual_report:
        checks.append(Requirement(_("Annual report for last year"), not report_is_overdue(body)))
    return checks


def calls_visible_to(user: Any, body: Body) -> QuerySet[Call]:
    calls = body.calls.order_by("-opens")
    return calls if is_secretariat(user) else calls.exclude(status=CallStatus.DRAFT)


def get_call(user: Any, body: Body, pk: int) -> Call:
    try:
        return calls_visible_to(user, body).get(pk=pk)
    except Call.DoesNotExist as error:
        raise Http404 from error


def get_nomination_for_nominee(user: Any, pk: int) -> Nomination:
    """A nomination, for its nominee only (candidates' details are never public)."""
    try:
        return Nomination.objects.select_related("call__body", "nominated_by").get(
            pk=pk, nominee__user=user
        )
    except Nomination.DoesNotExist as error:
        raise Http404 from error


def appointed(call: Call) -> QuerySet[Nomination]:
    return call.nominations.filter(status=NominationStatus.SELECTED).select_related("nominee")


def list_archive(body: Body) -> QuerySet[ListMessage]:
    """Messages of a body's list, threads first by date then replies in order."""
    return body.messages.select_related("author").order_by("thread_id", "sent", "pk")


def threads(body: Body) -> list[tuple[ListMessage, list[ListMessage]]]:
    messages = list(body.messages.select_related("author").order_by("sent", "pk"))
    roots = [m for m in messages if m.thread_id is None]
    replies: dict[int, list[ListMessage]] = {}
    for message in messages:
        if message.thread_id is not None:
            replies.setdefault(message.thread_id, []).append(message)
    return [(root, replies.get(root.pk, [])) for root in reversed(roots)]


def workplan(body: Body, today: date | None = None) -> list[Milestone]:
    """A body's milestones in due order, each marked `overdue` when late and not done."""
    today = today or timezone.localdate()
    milestones = list(body.milestones.select_related("owner"))
    for milestone in milestones:
        milestone.overdue = milestone.is_overdue(today)  # type: ignore[attr-defined]
    return milestones


def person_bodies(person_id: int) -> QuerySet[Membership]:
    return Membership.objects.filter(person_id=person_id).select_related("body").order_by("-start")
