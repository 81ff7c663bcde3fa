"""Who may do what in the call for session proposals and its review."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
    from igf.programme.models import AnnualMeeting, Assignment, Call, Proposal, Session


def _person_id(user: object) -> int | None:
    if not getattr(user, "is_authenticated", False):
        return None
    person = getattr(user, "person", None)
    return getattr(person, "pk", None)


def _call_of(obj: Any) -> Call | None:
    if obj is None:
        return None
    if hasattr(obj, "opens"):
        return obj  # type: ignore[no-any-return]
    if hasattr(obj, "call"):
        return obj.call  # type: ignore[no-any-return]
    return obj.proposal.call  # type: ignore[no-any-return]


@rules.predicate
def is_proposer(user: object, proposal: Proposal | None) -> bool:
    person = _person_id(user)
    return proposal is not None and person is not None and proposal.proposer_id == person


@rules.predicate
def is_co_organiser(user: object, proposal: Proposal | None) -> bool:
    person = _person_id(user)
    if proposal is None or person is None:
        return False
    return proposal.people.filter(role=ParticipantRole.ORGANISER, person_id=person).exists()


@rules.predicate
def is_named_in_proposal(user: object, proposal: Proposal | None) -> bool:
    person = _person_id(user)
    return (
        proposal is not None
        and person is not None
        and proposal.people.filter(person_id=person).exists()
    )


@rules.predicate
def is_published_outcome(user: object, proposal: Proposal | None) -> bool:
    """Accepted proposals are public once the call's results are out."""
    return (
        proposal is not None
        and proposal.status in ACCEPTED_STATUSES
        and proposal.call.results_published is not None
    )


@rules.predicate
def is_editable(user: object, proposal: Proposal | None) -> bool:
    return proposal is not None and proposal.status in (
        ProposalStatus.DRAFT,
        ProposalStatus.SUBMITTED,
    )


@rules.predicate
def call_is_open(user: object, obj: Any) -> bool:
    call = _call_of(obj)
    return call is not None and call.is_open()


@rules.predicate
def call_is_under_review(user: object, obj: Any) -> bool:
    call = _call_of(obj)
    return call is not None and call.phase() == CallPhase.REVIEW


@rules.predicate
def results_not_published(user: object, obj: Any) -> bool:
    call = _call_of(obj)
    return call is not None and call.results_published is None


@rules.predicate
def is_own_assignment(user: object, assignment: Assignment | None) -> bool:
    person = _person_id(user)
    return assignment is not None and person is not None and assignment.reviewer.person_id == person


@rules.predicate
def is_active_assignment(user: object, assignment: Assignment | None) -> bool:
    return assignment is not None and assignment.status == AssignmentStatus.ASSIGNED


# --- The schedule and the sessions --------------------------------------------------------------


def _meeting_of(obj: Any) -> AnnualMeeting | None:
    if obj is None:
        return None
    return obj.meeting if hasattr(obj, "meeting") else obj  # type: ignore[no-any-return]


def _session_roles(user: object, session: Session) -> set[str]:
    """The roles the user has in a session: its people's rows, and proposers of its proposals
    count as organisers (looked up once per request and session)."""
    person = _person_id(user)
    if person is None:
        return set()
    cache: dict[int, set[str]] = session.__dict__.setdefault("_roles_by_person", {})
    if person not in cache:
        roles = set(session.people.filter(person_id=person).values_list("role", flat=True))
        if session.proposals.filter(proposer_id=person).exists():
            roles.add(ParticipantRole.ORGANISER)
        cache[person] = roles
    return cache[person]


@rules.predicate
def is_session_person(user: object, session: Session | None) -> bool:
    return session is not None and bool(_session_roles(user, session))


@rules.predicate
def is_session_organiser(user: object, session: Session | None) -> bool:
    """Organisers and rapporteurs write the session's report."""
    return session is not None and bool(
        _session_roles(user, session) & {ParticipantRole.ORGANISER, ParticipantRole.RAPPORTEUR}
    )


@rules.predicate
def is_released(user: object, session: Session | None) -> bool:
    """The session is in the meeting's latest published schedule."""
    if session is None or not session.meeting.published:
        return False
    if "_released" not in session.__dict__:
        release = session.meeting.releases.order_by("-version").first()
        session.__dict__["_released"] = release is not None and str(session.pk) in release.entries
    return bool(session.__dict__["_released"])


@rules.predicate
def join_links_are_public(user: object, session: Session | None) -> bool:
    return session is not None and session.meeting.join_links_public


@rules.predicate
def is_registered(user: object, obj: Any) -> bool:
    person = _person_id(user)
    meeting = _meeting_of(obj)
    if person is None or meeting is None:
        return False
    return meeting.registrations.filter(person_id=person).exists()


@rules.predicate
def meeting_is_open_for_registration(user: object, meeting: AnnualMeeting | None) -> bool:
    from django.utils import timezone  # noqa: PLC0415

    return meeting is not None and meeting.published and meeting.ends >= timezone.localdate()


can_view_session = is_secretariat | is_released | is_session_person
can_see_join_link = can_view_session & (
    join_links_are_public | is_secretariat | is_registered | is_session_person
)
can_star_session = is_signed_in & is_released
can_write_report = is_signed_in & (is_secretariat | (is_session_organiser & is_released))
can_manage_schedule = is_secretariat
can_register = is_signed_in & meeting_is_open_for_registration

rules.add_perm("programme.view_session", can_view_session)
rules.add_perm("programme.see_join_link", can_see_join_link)
rules.add_perm("programme.star_session", can_star_session)
rules.add_perm("programme.write_report", can_write_report)
rules.add_perm("programme.manage_schedule", can_manage_schedule)
rules.add_perm("programme.register", can_register)
rules.add_perm("programme.view_agenda", is_signed_in)
rules.add_perm("programme.view_report_compliance", is_secretariat)

can_propose = is_signed_in & call_is_open
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
        "room": ("view", "add", "change", "delete"),
        "slotgrid": ("view",),
        "sessionperson": ("view", "add", "change", "delete"),
        "sessionlink": ("view", "add", "change", "delete"),
        "schedulerelease": ("view",),
        "sessionreport": ("view",),
        "registration": ("view",),
    },
)
