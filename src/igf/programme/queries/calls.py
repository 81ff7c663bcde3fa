"""Meetings, calls and proposals as the viewer may see them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from igf.core.rules import is_secretariat
from igf.people.models import Person
from igf.programme.enums import (
    ACCEPTED_STATUSES,
    ParticipantRole,
    ProposalStatus,
)
from igf.programme.models import (
    AnnualMeeting,
    Call,
    CallSessionType,
    PolicyQuestion,
    Proposal,
    ProposalPerson,
    ReviewCriterion,
    SessionType,
    Theme,
)
from igf.programme.rules import can_view_proposal

if TYPE_CHECKING:
    from igf.people.models import Viewer


# Proposals that count in the call: submitted, or decided and published.
LIVE_STATUSES = (ProposalStatus.SUBMITTED, *ACCEPTED_STATUSES, ProposalStatus.REJECTED)


# --- Meetings and calls ---------------------------------------------------------------------


def meetings_visible_to(user: Viewer) -> QuerySet[AnnualMeeting]:
    meetings = AnnualMeeting.objects.select_related("host_country")
    return meetings if is_secretariat(user) else meetings.filter(published=True)


def get_meeting(slug: str, viewer: Viewer) -> AnnualMeeting:
    """The annual meeting, or 404 when it does not exist or is not published yet."""
    try:
        return meetings_visible_to(viewer).get(slug=slug)
    except AnnualMeeting.DoesNotExist as error:
        raise Http404 from error


def meeting_themes(meeting: AnnualMeeting) -> QuerySet[Theme]:
    return meeting.themes.prefetch_related("questions")


def meeting_session_types(meeting: AnnualMeeting) -> QuerySet[SessionType]:
    return meeting.session_types.all()


def calls_visible_to(user: Viewer) -> QuerySet[Call]:
    calls = Call.objects.select_related("meeting")
    if is_secretariat(user):
        return calls
    return calls.filter(published=True, meeting__published=True)


def get_call(pk: int) -> Call:
    """The call, or 404, whoever asks: for pages whose permission decides who may act on it
    (proposing to an unpublished call is refused, 403)."""
    try:
        return Call.objects.select_related("meeting").get(pk=pk)
    except Call.DoesNotExist as error:
        raise Http404 from error


def get_visible_call(pk: int, viewer: Viewer) -> Call:
    """The call, or 404 when it does not exist or is not published yet."""
    try:
        return calls_visible_to(viewer).get(pk=pk)
    except Call.DoesNotExist as error:
        raise Http404 from error


def call_templates(call: Call) -> list[CallSessionType]:
    return list(call.templates.select_related("session_type").order_by("order", "pk"))


def get_template(call: Call, session_type_id: int) -> CallSessionType:
    try:
        return call.templates.select_related("session_type").get(
            session_type_id=session_type_id, session_type__proposable=True
        )
    except (CallSessionType.DoesNotExist, ValueError) as error:
        raise Http404 from error


def call_criteria(call: Call) -> QuerySet[ReviewCriterion]:
    return call.criteria.order_by("order", "pk")


def open_calls() -> QuerySet[Call]:
    from django.utils import timezone  # noqa: PLC0415

    now = timezone.now()
    return (
        Call.objects.filter(published=True, meeting__published=True, opens__lte=now, closes__gt=now)
        .select_related("meeting")
        .order_by("closes")
    )


def policy_questions(call: Call) -> QuerySet[PolicyQuestion]:
    return PolicyQuestion.objects.filter(theme__meeting=call.meeting).select_related("theme")


# --- Proposals ------------------------------------------------------------------------------


def _proposal_queryset() -> QuerySet[Proposal]:
    return Proposal.objects.select_related(
        "call__meeting", "session_type", "theme", "proposer", "merge_with", "session"
    )


def get_proposal(pk: int) -> Proposal:
    """The proposal, or 404, whoever asks: for pages whose permission decides who may act on
    it (a participant who may not edit it is refused, 403)."""
    try:
        return _proposal_queryset().get(pk=pk)
    except Proposal.DoesNotExist as error:
        raise Http404 from error


def get_visible_proposal(pk: int, viewer: Viewer) -> Proposal:
    """A proposal the viewer may see (404 otherwise, so its existence is not revealed)."""
    proposal = get_proposal(pk)
    if not can_view_proposal(viewer, proposal):
        raise Http404
    return proposal


def proposal_people(proposal: Proposal) -> list[ProposalPerson]:
    return list(proposal.people.select_related("person", "country").order_by("order", "pk"))


def proposals_of(person: Person) -> QuerySet[Proposal]:
    """The proposals a person made or is named in, newest call first."""
    named = ProposalPerson.objects.filter(proposal=OuterRef("pk"), person=person)
    return (
        Proposal.objects.filter(Q(proposer=person) | Exists(named))
        .select_related("call__meeting", "session_type", "theme")
        .order_by("-call__opens", "number")
    )


def roles_in_proposals(person: Person, proposals: Sequence[Proposal]) -> dict[int, list[str]]:
    """Per proposal, what the person is in it ("Proposer" first, then their roles), translated."""
    roles: dict[int, set[str]] = defaultdict(set)
    for proposal_id, role in ProposalPerson.objects.filter(
        proposal__in=proposals, person=person
    ).values_list("proposal_id", "role"):
        roles[proposal_id].add(str(ParticipantRole(role).label))
    result = {}
    for proposal in proposals:
        labels = sorted(roles.get(proposal.pk, set()))
        if proposal.proposer_id == person.pk:
            labels.insert(0, _("Proposer"))
        result[proposal.pk] = labels
    return result


def proposal_status_counts(call: Call) -> list[tuple[str, int]]:
    """How many proposals of the call are in each status, every status named."""
    counts = dict(call.proposals.values_list("status").annotate(count=Count("pk")).order_by())
    return [(str(ProposalStatus(s).label), counts.get(s, 0)) for s in ProposalStatus.values]


def decision_counts(call: Call) -> dict[str, int]:
    """How many submitted proposals of the call have each decision ("" for undecided)."""
    return dict(
        call.proposals.filter(status=ProposalStatus.SUBMITTED)
        .values_list("decision")
        .annotate(n=Count("pk"))
        .order_by()
    )


def published_outcomes(call: Call) -> QuerySet[Proposal]:
    """The accepted proposals of a call, once its results are public."""
    if call.results_published is None:
        return Proposal.objects.none()
    return (
        call.proposals.filter(status__in=ACCEPTED_STATUSES)
        .select_related("session_type", "theme", "merge_with")
        .order_by("session_type__order", "number")
    )


def find_participation_row(pk: int) -> ProposalPerson | None:
    return (
        ProposalPerson.objects.select_related("proposal__call__meeting", "proposal__session_type")
        .filter(pk=pk)
        .first()
    )
