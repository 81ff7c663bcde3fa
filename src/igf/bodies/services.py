"""The forum's rules for bodies: appointments and their composition rules, terms of reference,
calls for members, annual reports, workplans and mailing lists."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from igf.bodies.composition import (
    CompositionCheck,
    Rules,
    Seat,
    Target,
    check_composition,
)
from igf.bodies.enums import (
    SEAT_ROLES,
    CallStatus,
    Capacity,
    MilestoneStatus,
    NominationStatus,
    Role,
)
from igf.bodies.models import (
    AnnualReport,
    Body,
    Call,
    ListMessage,
    Membership,
    Milestone,
    Nomination,
    Subscription,
    TermsOfReference,
)
from igf.core.activity import record_activity
from igf.core.balance import BalanceSubject, Dimension
from igf.core.links import site_url
from igf.core.models import Country
from igf.people.models import Organization, Person, User
from igf.people.queries import balance_subject

# Two terms are consecutive when the second starts within this long after the first ends.
CONSECUTIVE_GAP = timedelta(days=31)


class CompositionRuleError(Exception):
    """A change breaks a hard composition rule and no override reason was given."""

    def __init__(self, check: CompositionCheck) -> None:
        super().__init__("composition rule broken")
        self.check = check


class BodyRuleError(Exception):
    """A request the forum's rules refuse (closed call, not a member...). Carries a message."""


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
        else list(body.memberships.filter(role__in=SEAT_ROLES).select_related("person__country"))
    )
    by_person: dict[int, list[tuple[date, date | None]]] = {}
    for m in rows:
        by_person.setdefault(m.person_id, []).append((m.start, m.end))
    return [
        Seat(
            person_id=m.person_id,
            subject=seat_subject(m),
            consecutive_terms=consecutive_terms(by_person[m.person_id], on),
            organization_id=m.organization_id if m.capacity == Capacity.ORGANIZATION else None,
        )
        for m in rows
        if m.role in SEAT_ROLES and m.is_current(on)
    ]


@dataclass(frozen=True)
class Appointment:
    """A proposed appointment, before it is saved."""

    person: Person
    role: str
    start: date
    end: date | None = None
    capacity: str = Capacity.PERSONAL
    organization: Organization | None = None
    stakeholder_group: str = ""


def preview_appointment(body: Body, appointment: Appointment) -> CompositionCheck:
    """The body's composition on the first day of the proposed term, and the rules it breaks."""
    memberships = list(
        body.memberships.filter(role__in=SEAT_ROLES).select_related("person__country")
    )
    if appointment.role in SEAT_ROLES:
        memberships.append(
            Membership(
                body=body,
                person=appointment.person,
                role=appointment.role,
                start=appointment.start,
                end=appointment.end,
                capacity=appointment.capacity,
                organization=appointment.organization,
                stakeholder_group=appointment.stakeholder_group,
            )
        )
    seats = seats_on(body, appointment.start, memberships=memberships)
    return check_composition(seats, rules_for(body), changed_person_id=appointment.person.pk)


@transaction.atomic
def appoint_member(
    *,
    by: User,
    body: Body,
    appointment: Appointment,
    override_reason: str = "",
    joining: bool = False,
) -> Membership:
    """Give a person a role in a body for a term, checking the body's composition rules.

    A hard rule broken without `override_reason` raises CompositionRuleError (nothing saved).
    Side effects: a public activity entry ("joined" the body when `joining` an open body),
    with the overridden rules and the reason when staff override; a list subscription.
    """
    check = preview_appointment(body, appointment)
    if check.refusals and not override_reason.strip():
        raise CompositionRuleError(check)
    membership = Membership.objects.create(
        body=body,
        person=appointment.person,
        role=appointment.role,
        start=appointment.start,
        end=appointment.end,
        capacity=appointment.capacity,
        organization=appointment.organization,
        stakeholder_group=appointment.stakeholder_group,
        override_reason=override_reason.strip() if check.refusals else "",
        appointed_by=by,
    )
    data: dict[str, Any] = {"role": appointment.role, "start": appointment.start.isoformat()}
    if check.refusals:
        data["overridden"] = [f.finding.value for f in check.refusals]
        data["reason"] = override_reason.strip()
    if joining:
        record_activity(by=by, verb="membership.joined", target=body, public=True, data=data)
    else:
        record_activity(
            by=by, verb="membership.appointed", target=membership, public=True, data=data
        )
    if body.type.has_mailing_list:
        Subscription.objects.update_or_create(
            body=body, person=appointment.person, defaults={"active": True}
        )
    return membership


@transaction.atomic
def end_membership(*, by: User, membership: Membership, end: date, reason: str = "") -> Membership:
    """End a membership on `end` (not before it started). Side effects: activity entry."""
    if end < membership.start:
        raise BodyRuleError(_("A membership cannot end before it starts."))
    membership.end = end
    membership.save(update_fields=["end"])
    record_activity(
        by=by,
        verb="membership.ended",
        target=membership,
        public=True,
        data={"end": end.isoformat(), "reason": reason},
    )
    return membership


@transaction.atomic
def join_body(*, by: User, body: Body) -> Membership:
    """Join a body with open membership as a member. Side effects: subscription, activity."""
    if not body.type.has_open_membership:
        raise BodyRuleError(_("This body appoints its members; it cannot be joined."))
    today = timezone.localdate()
    existing = body.memberships.current(today).filter(person=by.person).first()
    if existing is not None:
        return existing
    return appoint_member(
        by=by,
        body=body,
        appointment=Appointment(person=by.person, role=Role.MEMBER, start=today),
        joining=True,
    )


@transaction.atomic
def leave_body(*, by: User, body: Body) -> None:
    """Leave a body: current memberships end yesterday (one joined today is withdrawn) and the
    list subscription stops."""
    today = timezone.localdate()
    for membership in body.memberships.current(today).filter(person=by.person):
        if membership.start >= today:
            membership.delete()
        else:
            end_membership(
                by=by, membership=membership, end=today - timedelta(days=1), reason="left"
            )
    Subscription.objects.filter(body=body, person=by.person).update(active=False)


# --- Rotation and turnover --------------------------------------------------------------------


@dataclass(frozen=True)
class RotationPlan:
    on: date
    ending: tuple[Membership, ...]
    eligible_for_renewal: tuple[Membership, ...]
    staying: int
    seats_to_fill: int
    needs: tuple[Any, ...]


def plan_rotation(body: Body, on: date) -> RotationPlan:
    """For a date: whose terms end by then, who may renew, and which seats to fill for balance."""
    from igf.bodies.composition import seats_to_fill  # noqa: PLC0415

    memberships = list(
        body.memberships.filter(role__in=SEAT_ROLES).select_related(
            "person__country", "organization"
        )
    )
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
    memberships = list(body.memberships.filter(role__in=SEAT_ROLES))
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


# --- Terms of reference -----------------------------------------------------------------------


@transaction.atomic
def adopt_terms_of_reference(
    *, by: User, body: Body, text: str, adopted_on: date, adopted_by: str, adopted_by_url: str = ""
) -> TermsOfReference:
    """Record a newly adopted version of the terms of reference. Side effects: activity entry."""
    latest = body.terms_of_reference.order_by("-version").first()
    version = TermsOfReference.objects.create(
        body=body,
        version=(latest.version + 1) if latest else 1,
        text=text,
        adopted_on=adopted_on,
        adopted_by=adopted_by,
        adopted_by_url=adopted_by_url,
        recorded_by=by,
    )
    record_activity(
        by=by, verb="terms.adopted", target=body, public=True, data={"version": version.version}
    )
    return version


# --- Calls for members ------------------------------------------------------------------------


@transaction.atomic
def open_call(*, by: User, call: Call) -> Call:
    """Publish a call so people can nominate. Side effects: public activity entry."""
    call.status = CallStatus.OPEN
    call.save(update_fields=["status"])
    record_activity(by=by, verb="call.opened", target=call, public=True)
    return call


@transaction.atomic
def nominate(
    *,
    by: User,
    call: Call,
    nominee: Person,
    stakeholder_group: str,
    country: Country,
    expertise: str,
    motivation: str,
) -> Nomination:
    """Nominate oneself or someone else while the call is open.

    Nominating someone else waits for the nominee's confirmation (they are e-mailed).
    Side effects: e-mail to the nominee; private activity entry.
    """
    if not call.is_open():
        raise BodyRuleError(_("This call is not open for nominations."))
    if Nomination.objects.filter(call=call, nominee=nominee).exists():
        raise BodyRuleError(_("This person has already been nominated in this call."))
    is_self = nominee.user_id == by.pk
    nomination = Nomination.objects.create(
        call=call,
        nominee=nominee,
        nominated_by=by.person,
        stakeholder_group=stakeholder_group,
        country=country,
        expertise=expertise,
        motivation=motivation,
        status=NominationStatus.CANDIDATE if is_self else NominationStatus.AWAITING_NOMINEE,
    )
    if not is_self:
        _notify(
            nominee,
            _("You have been nominated: %(call)s") % {"call": call.title},
            _(
                "%(name)s nominated you in the call “%(call)s”. Please confirm or decline your "
                "nomination: %(url)s"
            ),
            {
                "name": by.person.public_name,
                "call": call.title,
                "url": site_url(reverse("bodies:nomination", kwargs={"pk": nomination.pk})),
            },
        )
    record_activity(by=by, verb="call.nominated", target=call, public=False)
    return nomination


@transaction.atomic
def answer_nomination(*, by: User, nomination: Nomination, accept: bool) -> Nomination:
    """The nominee confirms or declines. Side effects: private activity entry."""
    if nomination.nominee.user_id != by.pk:
        raise BodyRuleError(_("Only the nominee can answer this nomination."))
    if nomination.status != NominationStatus.AWAITING_NOMINEE:
        raise BodyRuleError(_("This nomination has already been answered."))
    nomination.status = NominationStatus.CANDIDATE if accept else NominationStatus.DECLINED
    nomination.save(update_fields=["status"])
    record_activity(by=by, verb="call.nomination_answered", target=nomination.call)
    return nomination


@transaction.atomic
def withdraw_nomination(*, by: User, nomination: Nomination) -> Nomination:
    if nomination.nominee.user_id != by.pk:
        raise BodyRuleError(_("Only the nominee can withdraw this nomination."))
    nomination.status = NominationStatus.WITHDRAWN
    nomination.save(update_fields=["status"])
    return nomination


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
    memberships = list(
        body.memberships.filter(role__in=SEAT_ROLES).select_related("person__country")
    )
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


@transaction.atomic
def decide_call(
    *,
    by: User,
    call: Call,
    selected: Mapping[int, str],
    not_selected: Mapping[int, str],
    outcome: str,
    override_reason: str = "",
) -> Call:
    """Record the selection with reasons, appoint those selected and publish the outcome.

    `selected` and `not_selected` map nomination ids to the reason for each decision.
    Side effects: memberships for those selected (composition rules checked, overrides logged),
    e-mail to every candidate, public activity entry; candidates' details stay private.
    """
    if call.status == CallStatus.DECIDED:
        raise BodyRuleError(_("The outcome of this call is already published."))
    if timezone.now() < call.closes:
        raise BodyRuleError(_("The call is still open; decide after it closes."))
    pool = {n.pk: n for n in candidates(call)}
    unknown = (set(selected) | set(not_selected)) - set(pool)
    if unknown:
        raise BodyRuleError(_("Some of the chosen nominations are not candidates in this call."))
    check = selection_preview(call, selected)
    if check.refusals and not override_reason.strip():
        raise CompositionRuleError(check)
    for pk, reason in selected.items():
        nomination = pool[pk]
        appoint_member(
            by=by,
            body=call.body,
            appointment=Appointment(
                person=nomination.nominee,
                role=call.role,
                start=call.term_start,
                end=call.term_end,
                stakeholder_group=nomination.stakeholder_group,
            ),
            override_reason=override_reason,
        )
        _decide(nomination, NominationStatus.SELECTED, reason)
    for pk, reason in not_selected.items():
        _decide(pool[pk], NominationStatus.NOT_SELECTED, reason)
    call.status = CallStatus.DECIDED
    call.outcome = outcome
    call.decided_at = timezone.now()
    call.save(update_fields=["status", "outcome", "decided_at"])
    record_activity(
        by=by, verb="call.decided", target=call, public=True, data={"appointed": len(selected)}
    )
    return call


def _decide(nomination: Nomination, status: str, reason: str) -> None:
    nomination.status = status
    nomination.decision_reason = reason
    nomination.save(update_fields=["status", "decision_reason"])
    subject = (
        _("You were selected: %(call)s")
        if status == NominationStatus.SELECTED
        else _("The outcome of the call: %(call)s")
    ) % {"call": nomination.call.title}
    body = (
        _(
            "Thank you for your candidacy in “%(call)s”. You were selected.\n\n"
            "The reason given:\n%(reason)s"
        )
        if status == NominationStatus.SELECTED
        else _(
            "Thank you for your candidacy in “%(call)s”. You were not selected this time. Your "
            "personal details are not published.\n\nThe reason given:\n%(reason)s"
        )
    )
    _notify(nomination.nominee, subject, body, {"call": nomination.call.title, "reason": reason})


def close_due_calls(now: Any = None) -> int:
    """Close every open call whose deadline has passed (run by the worker or on page view)."""
    now = now or timezone.now()
    return Call.objects.filter(status=CallStatus.OPEN, closes__lte=now).update(
        status=CallStatus.CLOSED
    )


# --- Annual reports, requirements, workplans ------------------------------------------------


@transaction.atomic
def submit_annual_report(
    *, by: User, body: Body, year: int, text: str = "", file: Any = None
) -> AnnualReport:
    """File (or replace) a body's report for `year`. Side effects: public activity entry."""
    if not text.strip() and not file:
        raise BodyRuleError(_("Write the report or attach it as a file."))
    report, _created = AnnualReport.objects.update_or_create(
        body=body,
        year=year,
        defaults={"text": text, "submitted": timezone.now(), "submitted_by": by},
    )
    if file:
        report.file.save(f"{uuid.uuid4().hex}.pdf", file, save=True)
    record_activity(by=by, verb="report.submitted", target=body, public=True, data={"year": year})
    return report


@transaction.atomic
def save_milestone(*, by: User, milestone: Milestone) -> Milestone:
    """Add or change a workplan milestone. Side effects: public activity entry."""
    created = milestone.pk is None
    milestone.save()
    record_activity(
        by=by,
        verb="milestone.added" if created else "milestone.updated",
        target=milestone,
        public=True,
        data={"status": milestone.status},
    )
    return milestone


def overdue_milestones(body: Body) -> list[Milestone]:
    today = timezone.localdate()
    return list(
        body.milestones.filter(
            due__lt=today, status__in=[MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS]
        )
    )


# --- Mailing lists ----------------------------------------------------------------------------


@transaction.atomic
def subscribe(*, by: User, body: Body) -> Subscription:
    """Subscribe to a body's list: members always; anyone when the body is open."""
    if not body.type.has_mailing_list:
        raise BodyRuleError(_("This body has no mailing list."))
    is_member = body.memberships.current().filter(person=by.person).exists()
    if not (is_member or body.type.has_open_membership):
        raise BodyRuleError(_("Only members can subscribe to this list."))
    subscription, _created = Subscription.objects.update_or_create(
        body=body, person=by.person, defaults={"active": True}
    )
    return subscription


def unsubscribe(*, token: str) -> Subscription | None:
    """Leave a list from the link in a message (no sign-in needed)."""
    subscription = Subscription.objects.filter(token=token).select_related("body").first()
    if subscription is not None and subscription.active:
        subscription.active = False
        subscription.save(update_fields=["active"])
    return subscription


@transaction.atomic
def post_message(
    *, by: User, body: Body, subject: str, text: str, in_reply_to: ListMessage | None = None
) -> ListMessage:
    """Post to a body's list (members only) and e-mail every active subscriber.

    Side effects: one e-mail per subscriber through the task queue, each with its own
    unsubscribe link and List-Unsubscribe header; public activity entry for open bodies.
    """
    if not body.type.has_mailing_list:
        raise BodyRuleError(_("This body has no mailing list."))
    if not body.memberships.current().filter(person=by.person).exists():
        raise BodyRuleError(_("Only members can post to this list."))
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(">") or "localhost"
    message = ListMessage.objects.create(
        body=body,
        author=by.person,
        subject=subject,
        text=text,
        in_reply_to=in_reply_to,
        thread=(in_reply_to.thread or in_reply_to) if in_reply_to else None,
        message_id=f"<{uuid.uuid4().hex}@{domain}>",
    )
    subscriptions = Subscription.objects.filter(body=body, active=True).select_related(
        "person__user"
    )
    for subscription in subscriptions:
        if subscription.person.erased is not None:
            continue
        url = site_url(reverse("bodies:unsubscribe", kwargs={"token": subscription.token}))
        with override(settings.LANGUAGE_CODE):
            footer = _("To leave this list: %(url)s") % {"url": url}
        EmailMessage(
            subject=f"[{body.acronym or body.name}] {subject}",
            body=f"{text}\n\n-- \n{by.person.public_name}\n{footer}",
            to=[subscription.person.user.email],
            headers={
                "List-Id": f"<{body.slug}.{domain}>",
                "List-Unsubscribe": f"<{url}>",
                "Message-ID": message.message_id,
                **({"In-Reply-To": in_reply_to.message_id} if in_reply_to else {}),
            },
        ).send()
    record_activity(by=by, verb="list.posted", target=body, public=body.type.has_open_membership)
    return message


# --- Helpers ----------------------------------------------------------------------------------


def _notify(person: Person, subject: str, body: str, values: Mapping[str, object]) -> None:
    """E-mail one person (queued by the platform's mail backend); placeholders only from values."""
    if person.erased is not None:
        return
    EmailMessage(subject=str(subject), body=str(body) % dict(values), to=[person.user.email]).send()


def bodies_needing_reports(year: int) -> list[Body]:
    """Bodies whose type needs an annual report and who have none for `year`."""
    return list(
        Body.objects.filter(type__needs_annual_report=True)
        .exclude(Q(annual_reports__year=year))
        .select_related("type")
    )
