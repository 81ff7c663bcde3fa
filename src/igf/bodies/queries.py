"""Reads about bodies, filtered by what the viewer may see, and the checks shown on them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from igf.bodies.composition import (
    CompositionCheck,
    Rules,
    Seat,
    SeatsToFill,
    Target,
    check_composition,
    seats_to_fill,
)
from igf.bodies.enums import (
    BodyStatus,
    CallStatus,
    Capacity,
    ElectionStatus,
    InitiativeKind,
    MilestoneStatus,
    NominationStatus,
)
from igf.bodies.models import (
    AnnualReport,
    Body,
    BodyProposal,
    BodyType,
    Call,
    ChairElection,
    ListMessage,
    Membership,
    Milestone,
    Nomination,
    Subscription,
    TermsOfReference,
)
from igf.core.balance import BalanceSubject, Dimension
from igf.core.enums import RegionGroup
from igf.core.rules import is_secretariat
from igf.people.models import Organization, Person, User, Viewer
from igf.people.queries import balance_subject

BODY_FILTERS = ("type", "country", "region", "theme", "status", "requirements", "kind")


# Two terms are consecutive when the second starts within this long after the first ends.
CONSECUTIVE_GAP = timedelta(days=31)


def bodies_visible_to(user: Viewer) -> QuerySet[Body]:
    """Bodies are public; closed ones stay visible (their history is part of the record)."""
    return Body.objects.select_related("type", "country", "parent")


def _holds_seat(types: Iterable[BodyType] | None = None) -> Q:
    """On bodies: their memberships in a role that holds a seat, by each body's type (from
    `types` when the caller has them already)."""
    seat = Q(pk__in=[])
    for body_type in BodyType.objects.only("pk", "seat_roles") if types is None else types:
        seat |= Q(type_id=body_type.pk, memberships__role__in=body_type.seat_roles)
    return seat


def body_list(
    user: Viewer,
    *,
    type_slug: str = "",
    country: str = "",
    region: str = "",
    theme: str = "",
    status: str = "",
    search: str = "",
    requirements: str = "",
    kind: str = "",
    types: Iterable[BodyType] | None = None,
) -> QuerySet[Body]:
    """The registry of bodies, filtered from an allow-list (never **GET). `types`: the body
    types, when the caller has loaded them (each counts its own seat roles)."""
    today = timezone.localdate()
    bodies = (
        bodies_visible_to(user)
        .annotate(
            members=Count(
                "memberships",
                filter=_holds_seat(types)
                & Q(memberships__start__lte=today)
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
    if requirements == "unmet":
        bodies = bodies.filter(unmet_since__isnull=False)
    elif requirements == "met":
        bodies = bodies.filter(unmet_since__isnull=True)
    if kind in InitiativeKind.values:
        bodies = bodies.filter(initiative_kind=kind)
    return bodies.order_by("type__order", "name", "pk")


def initiatives_by_region(user: Viewer) -> list[tuple[str, list[Body]]]:
    """National, regional and youth initiatives that are not closed, grouped by the UN
    regional group of their country (regional initiatives, without one, come last)."""
    bodies = list(
        bodies_visible_to(user)
        .filter(type__is_initiative=True)
        .exclude(status=BodyStatus.CLOSED)
        .order_by("country__name_en", "name", "pk")
    )
    groups: list[tuple[str, list[Body]]] = []
    for code, label in RegionGroup.choices:
        found = [b for b in bodies if b.country is not None and b.country.region_group == code]
        if found:
            groups.append((str(label), found))
    others = [b for b in bodies if b.country is None or not b.country.region_group]
    if others:
        groups.append((str(_("Regional and other initiatives")), others))
    return groups


def get_body(slug: str, *, viewer: Viewer) -> Body:
    try:
        return bodies_visible_to(viewer).prefetch_related("targets").get(slug=slug)
    except Body.DoesNotExist as error:
        raise Http404 from error


def get_membership(body: Body, pk: int) -> Membership:
    try:
        return body.memberships.select_related("person").get(pk=pk)
    except Membership.DoesNotExist as error:
        raise Http404 from error


def get_terms(body: Body, version: int) -> TermsOfReference:
    try:
        return body.terms_of_reference.get(version=version)
    except TermsOfReference.DoesNotExist as error:
        raise Http404 from error


def find_latest_terms(body: Body) -> TermsOfReference | None:
    return body.terms_of_reference.order_by("-version").first()


def get_annual_report(body: Body, year: int) -> AnnualReport:
    try:
        return body.annual_reports.get(year=year)
    except AnnualReport.DoesNotExist as error:
        raise Http404 from error


def get_subscription(token: str) -> Subscription:
    """A list subscription by the secret in its unsubscribe link (no sign-in needed)."""
    try:
        return Subscription.objects.select_related("body").get(token=token)
    except Subscription.DoesNotExist as error:
        raise Http404 from error


def get_milestone(body: Body, pk: int) -> Milestone:
    try:
        return body.milestones.select_related("owner__user").get(pk=pk)
    except Milestone.DoesNotExist as error:
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
    return check_composition(seats_on(body, on), rules_for(body))


@dataclass(frozen=True)
class Requirement:
    label: Promise | str
    met: bool
    code: str = ""


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
    # Each check reads a fact of this body, never a constant of its type.
    if body_type.has_open_membership:
        checks.append(
            Requirement(
                REQUIREMENT_LABELS["open_membership"], body.membership_open, "open_membership"
            )
        )
    if body_type.has_mailing_list:
        checks.append(Requirement(REQUIREMENT_LABELS["open_list"], body.list_open, "open_list"))
        checks.append(
            Requirement(
                REQUIREMENT_LABELS["open_archives"], body.has_open_archives, "open_archives"
            )
        )
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
        checks.append(
            Requirement(label, groups >= body_type.min_stakeholder_groups, "stakeholder_groups")
        )
    if body_type.is_initiative:
        checks.append(
            Requirement(
                REQUIREMENT_LABELS["non_commercial"], body.is_non_commercial, "non_commercial"
            )
        )
    if body_type.needs_annual_report:
        checks.append(
            Requirement(
                REQUIREMENT_LABELS["annual_report"], not report_is_overdue(body), "annual_report"
            )
        )
    return checks


# The short names of requirements, by the code kept in `Body.unmet_requirements`.
REQUIREMENT_LABELS: dict[str, Promise] = {
    "open_membership": _("Open membership"),
    "open_list": _("Open mailing list"),
    "open_archives": _("Open archives"),
    "stakeholder_groups": _("Members from enough stakeholder groups"),
    "non_commercial": _("Open, inclusive, bottom-up and non-commercial"),
    "annual_report": _("Annual report for last year"),
}


def unmet_labels(body: Body) -> list[Promise]:
    """The requirements the body did not meet at the last check, as short names."""
    return [REQUIREMENT_LABELS[c] for c in body.unmet_requirements if c in REQUIREMENT_LABELS]


def calls_visible_to(user: Viewer, body: Body) -> QuerySet[Call]:
    calls = body.calls.order_by("-opens")
    return calls if is_secretariat(user) else calls.exclude(status=CallStatus.DRAFT)


def get_call(slug: str, pk: int, *, viewer: Viewer) -> Call:
    """A call of the body at `slug`, as the viewer may see it (drafts for the secretariat)."""
    body = get_body(slug, viewer=viewer)
    try:
        call = calls_visible_to(viewer, body).get(pk=pk)
    except Call.DoesNotExist as error:
        raise Http404 from error
    call.body = body
    return call


def get_nomination_for_nominee(pk: int, *, viewer: User) -> Nomination:
    """A nomination, for its nominee only (candidates' details are never public)."""
    try:
        return Nomination.objects.select_related("call__body", "nominated_by").get(
            pk=pk, nominee__user=viewer
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


# --- Composition ------------------------------------------------------------------------------


def rules_for(body: Body) -> Rules:
    return Rules(
        targets=tuple(
            Target(
                dimension=Dimension(t.dimension),
                category=t.category,
                minimum=float(t.minimum) if t.minimum is not None else None,
                maximum=float(t.maximum) if t.maximum is not None else None,
                hard=t.hard,
            )
            for t in body.targets.all()
        ),
        size_min=body.target_size_min,
        size_max=body.target_size_max,
        max_consecutive_terms=body.max_consecutive_terms,
        min_stakeholder_groups=body.type.min_stakeholder_groups,
        one_representative_per_organization=body.one_representative_per_organization,
    )


def seat_roles(body: Body | None) -> list[str]:
    """The roles that hold a seat in `body`, as its type says (none outside a body)."""
    return list(body.type.seat_roles) if body is not None else []


def lead_roles(body: Body | None) -> list[str]:
    """The roles that lead `body`, as its type says (none outside a body)."""
    return list(body.type.lead_roles) if body is not None else []


def seat_memberships(body: Body) -> QuerySet[Membership]:
    """Every membership of `body`, past and future, in a role that holds a seat."""
    return body.memberships.filter(role__in=seat_roles(body))


def consecutive_terms(starts_and_ends: Iterable[tuple[date, date | None]], ending_at: date) -> int:
    """How many terms in a row end with the one that starts on or before `ending_at`."""
    terms = sorted((s, e) for s, e in starts_and_ends if s <= ending_at)
    count = 0
    previous_start: date | None = None
    for start, end in reversed(terms):
        if previous_start is not None and (end is None or end + CONSECUTIVE_GAP < previous_start):
            break
        count += 1
        previous_start = start
    return count


def seat_subject(membership: Membership) -> BalanceSubject:
    """A member as balance sees them: the seat's stakeholder group wins over the profile's."""
    subject = balance_subject(membership.person)
    if membership.stakeholder_group:
        subject = BalanceSubject(
            stakeholder_group=membership.stakeholder_group,
            region=subject.region,
            gender=subject.gender,
            developing=subject.developing,
            youth=subject.youth,
            newcomer=subject.newcomer,
        )
    return subject


def seats_on(body: Body, on: date, *, memberships: list[Membership] | None = None) -> list[Seat]:
    """The seats of `body` on `on`, with each member's count of consecutive terms."""
    rows = (
        memberships
        if memberships is not None
        else list(seat_memberships(body).select_related("person__country"))
    )
    seated = body.type.seat_roles
    by_person: dict[int, list[tuple[date, date | None]]] = {}
    for m in rows:
        by_person.setdefault(m.person_id, []).append((m.start, m.end))
    # One seat per person: a member who also chairs (two memberships) holds one seat.
    seen: set[int] = set()
    seats = []
    for m in rows:
        if m.role not in seated or not m.is_current(on) or m.person_id in seen:
            continue
        seen.add(m.person_id)
        seats.append(
            Seat(
                person_id=m.person_id,
                subject=seat_subject(m),
                consecutive_terms=consecutive_terms(by_person[m.person_id], on),
                organization_id=m.organization_id if m.capacity == Capacity.ORGANIZATION else None,
            )
        )
    return seats


@dataclass(frozen=True)
class Appointment:
    """A proposed appointment, before it is saved (`services.appoint_member` saves it)."""

    person: Person
    role: str
    start: date
    end: date | None = None
    capacity: str = Capacity.PERSONAL
    organization: Organization | None = None
    stakeholder_group: str = ""

    def membership(self, body: Body, **extra: Any) -> Membership:
        """The membership row this appointment makes (unsaved), with `extra` fields."""
        return Membership(
            body=body,
            person=self.person,
            role=self.role,
            start=self.start,
            end=self.end,
            capacity=self.capacity,
            organization=self.organization,
            stakeholder_group=self.stakeholder_group,
            **extra,
        )


def preview_appointment(body: Body, appointment: Appointment) -> CompositionCheck:
    """The body's composition on the first day of the proposed term, and the rules it breaks."""
    memberships = list(seat_memberships(body).select_related("person__country"))
    if body.type.holds_seat(appointment.role):
        memberships.append(appointment.membership(body))
    seats = seats_on(body, appointment.start, memberships=memberships)
    return check_composition(seats, rules_for(body), changed_person_id=appointment.person.pk)


# --- Rotation and turnover --------------------------------------------------------------------


@dataclass(frozen=True)
class RotationPlan:
    on: date
    ending: tuple[Membership, ...]
    eligible_for_renewal: tuple[Membership, ...]
    staying: int
    seats_to_fill: int
    needs: tuple[SeatsToFill, ...]


def plan_rotation(body: Body, on: date) -> RotationPlan:
    """For a date: whose terms end by then, who may renew, and which seats to fill for balance."""
    memberships = list(seat_memberships(body).select_related("person__country", "organization"))
    today = timezone.localdate()
    current = [m for m in memberships if m.is_current(today)]
    ending = tuple(m for m in current if m.end is not None and m.end < on)
    rules = rules_for(body)
    terms = {
        m.pk: consecutive_terms(
            [(x.start, x.end) for x in memberships if x.person_id == m.person_id], m.start
        )
        for m in ending
    }
    eligible = tuple(
        m
        for m in ending
        if rules.max_consecutive_terms is None or terms[m.pk] < rules.max_consecutive_terms
    )
    staying = [m for m in current if m not in ending]
    size = body.target_size_max or body.target_size_min or len(current)
    remaining = [Seat(person_id=m.person_id, subject=seat_subject(m)) for m in staying]
    return RotationPlan(
        on=on,
        ending=ending,
        eligible_for_renewal=eligible,
        staying=len(staying),
        seats_to_fill=max(0, size - len(staying)),
        needs=seats_to_fill(remaining, rules, size),
    )


@dataclass(frozen=True)
class Turnover:
    year: int
    renewed: int
    seats: int
    target: float | None

    @property
    def share(self) -> float:
        return self.renewed / self.seats if self.seats else 0.0


def turnover(body: Body, year: int) -> Turnover:
    """Seats given to people who did not hold one the day before, in `year`."""
    memberships = list(seat_memberships(body))
    renewed = 0
    for m in memberships:
        if m.start.year != year:
            continue
        held_before = any(
            o.person_id == m.person_id
            and o.pk != m.pk
            and o.start < m.start
            and (o.end is None or o.end + CONSECUTIVE_GAP >= m.start)
            for o in memberships
        )
        renewed += not held_before
    seats = sum(
        1 for m in memberships if m.is_current(date(year, 12, 31)) or (m.start.year == year)
    )
    target = float(body.turnover_target) if body.turnover_target is not None else None
    return Turnover(year=year, renewed=renewed, seats=seats, target=target)


# --- Calls ------------------------------------------------------------------------------------


def candidates(call: Call) -> list[Nomination]:
    return list(
        call.nominations.filter(
            status__in=[
                NominationStatus.CANDIDATE,
                NominationStatus.SELECTED,
                NominationStatus.NOT_SELECTED,
            ]
        )
        .select_related("nominee__country", "country")
        .order_by("submitted", "pk")
    )


def selection_preview(call: Call, selected: Iterable[int]) -> CompositionCheck:
    """The body's composition at the start of the new terms if these candidates were appointed."""
    chosen = set(selected)
    body = call.body
    memberships = list(seat_memberships(body).select_related("person__country"))
    for nomination in candidates(call):
        if nomination.pk in chosen:
            memberships.append(
                Membership(
                    body=body,
                    person=nomination.nominee,
                    role=call.role,
                    start=call.term_start,
                    end=call.term_end,
                    stakeholder_group=nomination.stakeholder_group,
                )
            )
    return check_composition(
        seats_on(body, call.term_start, memberships=memberships), rules_for(body)
    )


# --- Work -------------------------------------------------------------------------------------


def overdue_milestones(body: Body) -> list[Milestone]:
    today = timezone.localdate()
    return list(
        body.milestones.filter(
            due__lt=today, status__in=[MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS]
        )
    )


def bodies_needing_reports(year: int) -> list[Body]:
    """Bodies whose type needs an annual report and who have none for `year`."""
    return list(
        Body.objects.filter(type__needs_annual_report=True)
        .exclude(Q(annual_reports__year=year))
        .select_related("type")
    )


# --- Proposals of new bodies ------------------------------------------------------------------


def proposals_visible_to(user: Viewer) -> QuerySet[BodyProposal]:
    """All proposals for the secretariat; a participant's own otherwise."""
    proposals = BodyProposal.objects.select_related("type", "proposer", "country", "body")
    if is_secretariat(user):
        return proposals
    if not user.is_authenticated:
        return proposals.none()
    return proposals.filter(proposer__user=user)


def get_proposal(pk: int) -> BodyProposal:
    """The proposal, or 404 (the permission decides who reads it)."""
    try:
        return BodyProposal.objects.select_related("type", "proposer__user", "country", "body").get(
            pk=pk
        )
    except BodyProposal.DoesNotExist as missing:
        raise Http404 from missing


def proposal_requirements(proposal: BodyProposal) -> list[Requirement]:
    """The type's requirements against what the proposal declares (the secretariat checks
    the evidence)."""
    body_type = proposal.type
    checks: list[Requirement] = []
    if body_type.has_open_membership:
        checks.append(
            Requirement(
                REQUIREMENT_LABELS["open_membership"], proposal.membership_open, "open_membership"
            )
        )
    if body_type.has_mailing_list:
        checks.append(Requirement(REQUIREMENT_LABELS["open_list"], proposal.list_open, "open_list"))
        checks.append(
            Requirement(
                REQUIREMENT_LABELS["open_archives"], proposal.has_open_archives, "open_archives"
            )
        )
    if body_type.min_stakeholder_groups:
        required = body_type.min_stakeholder_groups
        label = ngettext_lazy(
            "Founders from at least %(count)s stakeholder group",
            "Founders from at least %(count)s stakeholder groups",
            required,
        ) % {"count": required}
        checks.append(
            Requirement(
                label, len(set(proposal.stakeholder_groups)) >= required, "stakeholder_groups"
            )
        )
    return checks


def open_chair_election(body: Body) -> ChairElection:
    """The body's open chair election, or 404."""
    election = body.chair_elections.filter(status=ElectionStatus.OPEN).first()
    if election is None:
        raise Http404
    return election
