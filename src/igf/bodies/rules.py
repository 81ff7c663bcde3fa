"""Who may see and do what in bodies. Roles come from current memberships."""

from __future__ import annotations

import rules

from igf.bodies.enums import ProposalStatus
from igf.bodies.models import Body, BodyProposal
from igf.core.rules import grant_model_permissions, is_secretariat, is_signed_in
from igf.people.models import Viewer


def _person_id(user: Viewer) -> int | None:
    person = getattr(user, "person", None) if getattr(user, "is_authenticated", False) else None
    return person.pk if person is not None else None


@rules.predicate
def is_member_of(user: Viewer, body: Body | None) -> bool:
    person_id = _person_id(user)
    if body is None or person_id is None:
        return False
    return body.memberships.current().filter(person_id=person_id).exists()


@rules.predicate
def is_lead_of(user: Viewer, body: Body | None) -> bool:
    person_id = _person_id(user)
    if body is None or person_id is None:
        return False
    return (
        body.memberships.current()
        .filter(person_id=person_id, role__in=body.type.lead_roles)
        .exists()
    )


@rules.predicate
def is_open_body(user: Viewer, body: Body | None) -> bool:
    """The body's own setting: anyone may join."""
    return body is not None and body.membership_open


@rules.predicate
def has_public_archive(user: Viewer, body: Body | None) -> bool:
    return body is not None and (body.list_open or body.has_open_archives)


@rules.predicate
def is_appointed_body(user: Viewer, body: Body | None) -> bool:
    return body is not None and body.type.has_fixed_terms


@rules.predicate
def has_mailing_list(user: Viewer, body: Body | None) -> bool:
    return body is not None and body.type.has_mailing_list


@rules.predicate
def is_proposer(user: Viewer, proposal: BodyProposal | None) -> bool:
    person_id = _person_id(user)
    return proposal is not None and person_id is not None and proposal.proposer_id == person_id


@rules.predicate
def is_sent_back(user: Viewer, proposal: BodyProposal | None) -> bool:
    return proposal is not None and proposal.status == ProposalStatus.SENT_BACK


@rules.predicate
def holds_seat_in(user: Viewer, body: Body | None) -> bool:
    """Holds a seat in the body today (chairs and members; not observers or liaisons)."""
    person_id = _person_id(user)
    if body is None or person_id is None:
        return False
    return (
        body.memberships.current()
        .filter(person_id=person_id, role__in=body.type.seat_roles)
        .exists()
    )


can_manage_members = is_secretariat
can_manage_work = is_secretariat | is_lead_of
can_view_membership_history = is_appointed_body | is_secretariat | is_lead_of
can_plan_rotation = is_secretariat | is_lead_of
can_join = is_signed_in & is_open_body
can_read_list = has_mailing_list & (has_public_archive | is_member_of | is_secretariat)
can_post_to_list = has_mailing_list & is_member_of

rules.add_perm("bodies.manage_members", can_manage_members)
rules.add_perm("bodies.manage_work", can_manage_work)
rules.add_perm("bodies.view_membership_history", can_view_membership_history)
rules.add_perm("bodies.plan_rotation", can_plan_rotation)
rules.add_perm("bodies.join", can_join)
rules.add_perm("bodies.leave", is_signed_in)
rules.add_perm("bodies.subscribe", is_signed_in)
rules.add_perm("bodies.read_list", can_read_list)
rules.add_perm("bodies.post_to_list", can_post_to_list)
rules.add_perm("bodies.nominate", is_signed_in)
rules.add_perm("bodies.decide_call", is_secretariat)
rules.add_perm("bodies.create_call", is_secretariat)
rules.add_perm("bodies.manage_chair", is_secretariat)
rules.add_perm("bodies.vote_for_chair", holds_seat_in)
rules.add_perm("bodies.adopt_terms", is_secretariat)
rules.add_perm("bodies.propose_body", is_signed_in)
rules.add_perm("bodies.view_proposal", is_secretariat | is_proposer)
rules.add_perm("bodies.review_proposal", is_secretariat)
rules.add_perm("bodies.change_proposal", is_proposer & is_sent_back)

grant_model_permissions(
    "bodies",
    is_secretariat,
    {
        "bodytype": ("view", "add", "change"),
        "body": ("view", "add", "change"),
        "historicalbody": ("view",),
        "compositiontarget": ("view", "add", "change", "delete"),
        "termsofreference": ("view",),
        "membership": ("view",),
        "historicalmembership": ("view",),
        "call": ("view", "add", "change"),
        "historicalcall": ("view",),
        "nomination": ("view",),
        "annualreport": ("view", "change"),
        "milestone": ("view", "add", "change", "delete"),
        "subscription": ("view", "change"),
        "listmessage": ("view",),
        "bodyproposal": ("view",),
        "chairelection": ("view",),
        "chairchoice": ("view",),
        "historicalbodyproposal": ("view",),
    },
)
