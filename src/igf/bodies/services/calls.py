"""Calls for members: opening them, nominations and their answers, and the published outcome."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from igf.bodies.enums import CallStatus, NominationMethod, NominationStatus
from igf.bodies.models import Body, Call, Nomination
from igf.bodies.queries import Appointment, candidates, selection_preview
from igf.bodies.services.members import CompositionRuleError, appoint_member
from igf.core.activity import record_activity
from igf.core.enums import StakeholderGroup
from igf.core.errors import NotAllowed, Refused
from igf.core.links import site_url
from igf.core.models import Country
from igf.core.notify import notify
from igf.core.rules import is_secretariat
from igf.people.models import Person, User

# What the secretariat sets when it creates a call on the site.
CALL_FIELDS = (
    "title", "description", "criteria", "role", "seats", "opens", "closes", "term_start",
    "term_end", "group_methods",
)  # fmt: skip


@transaction.atomic
def create_call(*, by: User, body: Body, data: Mapping[str, Any]) -> Call:
    """Create a draft call for members of `body` (only the secretariat sees it until opened).

    Side effects: one private activity entry.
    """
    values = {field: data[field] for field in CALL_FIELDS if field in data}
    if values["closes"] <= values["opens"]:
        raise Refused(_("A call closes after it opens."), field="closes")
    methods = values.get("group_methods") or {}
    if methods and all(m == NominationMethod.NONE for m in methods.values()):
        raise Refused(_("At least one stakeholder group must be able to nominate."))
    call = Call.objects.create(body=body, status=CallStatus.DRAFT, **values)
    record_activity(by=by, verb="call.created", target=call)
    return call


@transaction.atomic
def open_call(*, by: User, call: Call) -> Call:
    """Publish a call so people can nominate. Side effects: public activity entry."""
    if call.status != CallStatus.DRAFT:
        raise Refused(_("Only a draft call can be opened."))
    if call.closes <= timezone.now():
        raise Refused(_("This call's closing date has passed; change it before opening."))
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
    Side effects: e-mail to the nominee after commit; private activity entry.
    """
    if not call.is_open():
        raise Refused(_("This call is not open for nominations."))
    method = call.method_for(stakeholder_group)
    group = (
        StakeholderGroup(stakeholder_group).label
        if stakeholder_group in StakeholderGroup.values
        else stakeholder_group
    )
    if method == NominationMethod.NONE:
        raise Refused(
            _("This call has no seats for the group “%(group)s”.") % {"group": group},
            field="stakeholder_group",
        )
    if method == NominationMethod.CONSTITUENCY and not is_secretariat(by):
        raise Refused(
            _(
                "Candidates of the group “%(group)s” come forward through the group's own "
                "process; the secretariat records those it puts forward."
            )
            % {"group": group},
            field="stakeholder_group",
        )
    if Nomination.objects.filter(call=call, nominee=nominee).exists():
        raise Refused(_("This person has already been nominated in this call."))
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
        notify(
            nominee,
            "bodies/email/nominated",
            {
                "nominated_by": by.person,
                "call": call,
                "url": site_url(reverse("bodies:nomination", kwargs={"pk": nomination.pk})),
            },
        )
    record_activity(by=by, verb="call.nominated", target=call, public=False)
    return nomination


@transaction.atomic
def answer_nomination(*, by: User, nomination: Nomination, accept: bool) -> Nomination:
    """The nominee confirms or declines. Side effects: private activity entry."""
    if nomination.nominee.user_id != by.pk:
        raise NotAllowed(_("Only the nominee can answer this nomination."))
    if not nomination.is_awaiting_nominee:
        raise Refused(_("This nomination has already been answered."))
    nomination.status = NominationStatus.CANDIDATE if accept else NominationStatus.DECLINED
    nomination.save(update_fields=["status"])
    record_activity(by=by, verb="call.nomination_answered", target=nomination.call)
    return nomination


@transaction.atomic
def withdraw_nomination(*, by: User, nomination: Nomination) -> Nomination:
    """The nominee withdraws their candidacy. Side effects: none beyond the nomination."""
    if nomination.nominee.user_id != by.pk:
        raise NotAllowed(_("Only the nominee can withdraw this nomination."))
    nomination.status = NominationStatus.WITHDRAWN
    nomination.save(update_fields=["status"])
    return nomination


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
    e-mail to every candidate after commit, public activity entry; candidates' details stay
    private.
    """
    if call.is_decided:
        raise Refused(_("The outcome of this call is already published."))
    if timezone.now() < call.closes:
        raise Refused(_("The call is still open; decide after it closes."))
    pool = {n.pk: n for n in candidates(call)}
    unknown = (set(selected) | set(not_selected)) - set(pool)
    if unknown:
        raise Refused(_("Some of the chosen nominations are not candidates in this call."))
    check = selection_preview(call, selected)
    if check.refusals and not override_reason.strip():
        raise CompositionRuleError(
            check, _("The selection breaks an enforced rule: give the reason to override it.")
        )
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
    template = "selected" if status == NominationStatus.SELECTED else "not_selected"
    notify(
        nomination.nominee,
        f"bodies/email/{template}",
        {"call": nomination.call, "reason": reason},
    )


def close_due_calls(now: datetime | None = None) -> int:
    """Close every open call whose deadline has passed (run by the worker or on page view)."""
    now = now or timezone.now()
    return Call.objects.filter(status=CallStatus.OPEN, closes__lte=now).update(
        status=CallStatus.CLOSED
    )
