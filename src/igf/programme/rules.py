"""Who may do what in the call for session proposals and its review."""

from __future__ import annotations

from typing import TYPE_CHECKING

import rules

from igf.core.rules import grant_model_permissions, is_secretariat, is_signed_in
from igf.programme.enums import (
    ACCEPTED_STATUSES,
    AssignmentStatus,
    CallPhase,
    ParticipantRole,
    ProposalStatus,
)

if TYPE_CHECKING:
    from igf.people.models import Viewer
    from igf.programme.models import Assignment, Call, Proposal

    CallPart = Call | Proposal | Assignment


def _person_id(user: Viewer) -> int | None:
    if not user.is_authenticated:
        return None
    person = getattr(user, "person", None)
    return getattr(person, "pk", None)


def _call_of(obj: CallPart | None) -> Call | None:
    """The call a rule is asked about: the call itself, or the call of a proposal or of a
    review assignment."""
    from igf.programme.models import Assignment, Call  # noqa: PLC0415 - rules come before models

    if obj is None or isinstance(obj, Call):
        return obj
    if isinstance(obj, Assignment):
        return obj.proposal.call
    return obj.call


@rules.predicate
def is_proposer(user: Viewer, proposal: Proposal | None) -> bool:
    person = _person_id(user)
    return proposal is not None and person is not None and proposal.proposer_id == person


@rules.predicate
def is_co_organiser(user: Viewer, proposal: Proposal | None) -> bool:
    person = _person_id(user)
    if proposal is None or person is None:
        return False
    return proposal.people.filter(role=ParticipantRole.ORGANISER, person_id=person).exists()


@rules.predicate
def is_named_in_proposal(user: Viewer, proposal: Proposal | None) -> bool:
    person = _person_id(user)
    return (
        proposal is not None
        and person is not None
        and proposal.people.filter(person_id=person).exists()
    )


@rules.predicate
def is_published_outcome(user: Viewer, proposal: Proposal | None) -> bool:
    """Accepted proposals are public once the call's results are out."""
    return (
        proposal is not None
        and proposal.status in ACCEPTED_STATUSES
        and proposal.call.results_published is not None
    )


@rules.predicate
def is_editable(user: Viewer, proposal: Proposal | None) -> bool:
    return proposal is not None and proposal.status in (
        ProposalStatus.DRAFT,
        ProposalStatus.SUBMITTED,
    )


@rules.predicate
def call_is_open(user: Viewer, obj: CallPart | None) -> bool:
    call = _call_of(obj)
    return call is not None and call.is_open()


@rules.predicate
def meeting_is_published(user: Viewer, obj: CallPart | None) -> bool:
    call = _call_of(obj)
    return call is not None and call.meeting.published


@rules.predicate
def call_is_under_review(user: Viewer, obj: CallPart | None) -> bool:
    call = _call_of(obj)
    return call is not None and call.phase() == CallPhase.REVIEW


@rules.predicate
def results_not_published(user: Viewer, obj: CallPart | None) -> bool:
    call = _call_of(obj)
    return call is not None and call.results_published is None


@rules.predicate
def is_own_assignment(user: Viewer, assignment: Assignment | None) -> bool:
    person = _person_id(user)
    return assignment is not None and person is not None and assignment.reviewer.person_id == person


@rules.predicate
def is_active_assignment(user: Viewer, assignment: Assignment | None) -> bool:
    return assignment is not None and assignment.status == AssignmentStatus.ASSIGNED


can_propose = is_signed_in & call_is_open & (meeting_is_published | is_secretariat)
can_view_proposal_details = is_secretariat | is_proposer | is_named_in_proposal
can_view_proposal = can_view_proposal_details | is_published_outcome
can_change_proposal = is_signed_in & (is_proposer | is_co_organiser) & is_editable & call_is_open
can_withdraw_proposal = is_signed_in & is_proposer & is_editable & results_not_published
can_review = is_signed_in & is_own_assignment & is_active_assignment & call_is_under_review
can_declare_conflict = (
    is_signed_in
    & is_active_assignment
    & results_not_published
    & (is_own_assignment | is_secretariat)
)
can_manage_call = is_secretariat
can_decide = is_secretariat & results_not_published

rules.add_perm("programme.propose", can_propose)
rules.add_perm("programme.view_proposal", can_view_proposal)
rules.add_perm("programme.view_proposal_details", can_view_proposal_details)
rules.add_perm("programme.change_own_proposal", can_change_proposal)
rules.add_perm("programme.withdraw_proposal", can_withdraw_proposal)
rules.add_perm("programme.view_own_proposals", is_signed_in)
rules.add_perm("programme.view_own_reviews", is_signed_in)
rules.add_perm("programme.review_proposal", can_review)
rules.add_perm("programme.declare_conflict", can_declare_conflict)
rules.add_perm("programme.manage_call", can_manage_call)
rules.add_perm("programme.decide_proposal", can_decide)

# The secretariat configures meetings, themes, session types, calls and templates in the admin.
grant_model_permissions(
    "programme",
    is_secretariat,
    {
        "annualmeeting": ("view", "add", "change"),
        "theme": ("view", "add", "change", "delete"),
        "policyquestion": ("view", "add", "change", "delete"),
        "sessiontype": ("view", "add", "change", "delete"),
        "call": ("view", "add", "change"),
        "callsessiontype": ("view", "add", "change", "delete"),
        "reviewcriterion": ("view", "add", "change", "delete"),
        "reviewer": ("view", "add", "change", "delete"),
        "proposal": ("view",),
        "session": ("view", "change"),
        "track": ("view", "add", "change", "delete"),
        "sessionperson": ("view", "add", "change", "delete"),
        "sessionlink": ("view", "add", "change", "delete"),
    },
)
