"""Who sits in a body: appointments checked against the composition rules, ends of terms,
joining and leaving open bodies."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from igf.bodies.composition import CompositionCheck
from igf.bodies.enums import Role
from igf.bodies.models import Body, Membership, Subscription
from igf.bodies.queries import Appointment, preview_appointment
from igf.core.activity import record_activity
from igf.core.errors import Invalid, Refused
from igf.people.models import User


class CompositionRuleError(Refused):
    """A change breaks a hard composition rule and no reason to override it was given.

    Carries the check, so a page can show every rule the change breaks.
    """

    def __init__(self, check: CompositionCheck, message: Any) -> None:
        super().__init__(message, field="override_reason")
        self.check = check


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
        raise CompositionRuleError(
            check, _("This appointment breaks an enforced rule: give the reason to override it.")
        )
    membership = appointment.membership(
        body,
        override_reason=override_reason.strip() if check.refusals else "",
        appointed_by=by,
    )
    membership.save()
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
        raise Invalid(_("A membership cannot end before it starts."), field="end")
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
    if not body.membership_open:
        raise Refused(_("This body appoints its members; it cannot be joined."))
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
