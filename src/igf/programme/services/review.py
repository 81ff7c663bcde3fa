"""Review: reviewers, their balanced assignment, conflicts of interest and reviews."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from igf.bodies.models import Body, Membership
from igf.bodies.queries import seat_roles
from igf.core.activity import record_activity
from igf.core.notify import notify
from igf.people.models import Affiliation, Person, User
from igf.programme import assignment as planner
from igf.programme.enums import (
    AssignmentStatus,
    CallPhase,
    ParticipantRole,
    ProposalStatus,
)
from igf.programme.models import (
    Assignment,
    Call,
    Conflict,
    Proposal,
    ProposalPerson,
    Review,
    Reviewer,
    Score,
)
from igf.programme.services.base import (
    ProgrammeError,
)

# --- Reviewers and assignment -----------------------------------------------------------------


def _normalised(name: str) -> str:
    return " ".join(name.casefold().split())


def _reviewer_details(person: Person, membership: Membership | None) -> dict[str, Any]:
    organization = membership.organization if membership is not None else None
    if organization is None:
        affiliation = (
            Affiliation.objects.filter(person=person).select_related("organization").first()
        )
        organization = affiliation.organization if affiliation else None
    return {
        "stakeholder_group": (membership.stakeholder_group if membership else "")
        or person.stakeholder_group,
        "region": person.country.statistical_region if person.country else "",
        "organization": organization,
    }


@transaction.atomic
def add_reviewer(*, by: User | None, call: Call, person: Person) -> Reviewer:
    """Add a person to the call's reviewers, with their group, region and organisation as they
    are today. Side effects: one private activity entry (none if already a reviewer)."""
    reviewer = call.reviewers.filter(person=person).first()
    if reviewer is not None:
        return reviewer
    membership = None
    if call.meeting.evaluating_body_id is not None:
        membership = (
            Membership.objects.current()
            .filter(body_id=call.meeting.evaluating_body_id, person=person)
            .select_related("organization")
            .first()
        )
    reviewer = Reviewer.objects.create(
        call=call, person=person, **_reviewer_details(person, membership)
    )
    record_activity(
        by=by, verb="programme.reviewer_added", target=call, data={"reviewer": reviewer.pk}
    )
    return reviewer


@transaction.atomic
def enlist_reviewers(*, by: User | None, call: Call) -> int:
    """Make every current seat-holder of the evaluating body a reviewer of the call.

    Returns how many were added. Side effects: one private activity entry.
    """
    body_id = call.meeting.evaluating_body_id
    if body_id is None:
        raise ProgrammeError(_("This meeting names no body to evaluate its proposals."))
    body = Body.objects.select_related("type").get(pk=body_id)
    present = set(call.reviewers.values_list("person_id", flat=True))
    added = 0
    memberships = (
        Membership.objects.current()
        .filter(body=body, role__in=seat_roles(body), person__erased__isnull=True)
        .select_related("person__country", "organization")
        .order_by("person_id", "-start")
    )
    for membership in memberships:
        if membership.person_id in present:
            continue
        present.add(membership.person_id)
        Reviewer.objects.create(
            call=call,
            person=membership.person,
            **_reviewer_details(membership.person, membership),
        )
        added += 1
    record_activity(by=by, verb="programme.reviewers_enlisted", target=call, data={"added": added})
    return added


def _proposal_infos(call: Call, proposals: Sequence[Proposal]) -> list[planner.ProposalInfo]:
    """What assignment needs of each proposal: people with accounts, organisations behind it."""
    people: dict[int, set[int]] = defaultdict(set)
    organisations: dict[int, set[str]] = defaultdict(set)
    organiser_people: dict[int, set[int]] = defaultdict(set)
    for proposal in proposals:
        people[proposal.pk].add(proposal.proposer_id)
        organiser_people[proposal.pk].add(proposal.proposer_id)
    for proposal_id, person_id, role, organization in ProposalPerson.objects.filter(
        proposal__in=[p.pk for p in proposals]
    ).values_list("proposal_id", "person_id", "role", "organization_name"):
        if person_id is not None:
            people[proposal_id].add(person_id)
        if role == ParticipantRole.ORGANISER:
            if organization.strip():
                organisations[proposal_id].add(_normalised(organization))
            if person_id is not None:
                organiser_people[proposal_id].add(person_id)
    everyone = set().union(*organiser_people.values()) if organiser_people else set()
    names: dict[int, set[str]] = defaultdict(set)
    for person_id, name in Affiliation.objects.filter(person_id__in=everyone).values_list(
        "person_id", "organization__name"
    ):
        names[person_id].add(_normalised(name))
    for proposal_id, person_ids in organiser_people.items():
        for person_id in person_ids:
            organisations[proposal_id].update(names[person_id])
    return [
        planner.ProposalInfo(
            id=p.pk,
            people=frozenset(people[p.pk]),
            organizations=frozenset(organisations[p.pk]),
        )
        for p in proposals
    ]


def _reviewer_infos(call: Call) -> list[planner.ReviewerInfo]:
    columns = ("pk", "person_id", "stakeholder_group", "region", "organization__name", "active")
    return [
        planner.ReviewerInfo(
            id=pk,
            person=person_id,
            stakeholder_group=group,
            region=region,
            organization=_normalised(organization or ""),
            active=active and erased is None,
        )
        for pk, person_id, group, region, organization, active, erased in (
            call.reviewers.values_list(*columns, "person__erased")
        )
    ]


def _excluded_pairs(call: Call) -> set[tuple[int, int]]:
    pairs = set(
        Conflict.objects.filter(proposal__call=call).values_list("proposal_id", "reviewer_id")
    )
    pairs.update(
        Assignment.objects.filter(proposal__call=call)
        .exclude(status=AssignmentStatus.ASSIGNED)
        .values_list("proposal_id", "reviewer_id")
    )
    return pairs


def assign_reviewers(*, by: User | None, call: Call) -> planner.AssignmentPlan:
    """Give every submitted proposal of a closed call its reviewers (see `assignment`).

    Existing assignments stay. Side effects: new assignments saved with their explanation and
    history; one private activity entry with the figures; once committed, one e-mail to each
    reviewer with new proposals, saying how many and where their list is.
    """
    with transaction.atomic():
        if call.phase() != CallPhase.REVIEW:
            raise ProgrammeError(_("Reviewers are assigned once the call has closed."))
        proposals = list(call.proposals.filter(status=ProposalStatus.SUBMITTED).order_by("number"))
        existing = set(
            Assignment.objects.filter(
                proposal__call=call, status=AssignmentStatus.ASSIGNED
            ).values_list("proposal_id", "reviewer_id")
        )
        plan = planner.plan_assignments(
            _proposal_infos(call, proposals),
            _reviewer_infos(call),
            k=call.reviewers_per_proposal,
            existing=existing,
            conflicts=_excluded_pairs(call),
        )
        bulk_create_with_history(
            [
                Assignment(
                    proposal_id=item.proposal,
                    reviewer_id=item.reviewer,
                    explanation=item.explanation.as_data(),
                    assigned_by=None,
                )
                for item in plan.assignments
            ],
            Assignment,
            batch_size=500,
            default_user=by if getattr(by, "pk", None) else None,
        )
        record_activity(
            by=by,
            verb="programme.reviewers_assigned",
            target=call,
            data={"assigned": len(plan.assignments), "short": sum(plan.short.values())},
        )
        new = Counter(item.reviewer for item in plan.assignments)
        if new:
            _tell_reviewers(call, new)
    return plan


def _tell_reviewers(call: Call, new: Counter[int]) -> None:
    for reviewer in Reviewer.objects.filter(pk__in=new).select_related("person__user"):
        notify(
            reviewer.person,
            "programme/email/assigned",
            {"call": call, "count": new[reviewer.pk]},
        )


@transaction.atomic
def assign_reviewer(*, by: User, proposal: Proposal, reviewer: Reviewer) -> Assignment:
    """Staff give a proposal to one more reviewer (or back to one they took it from).

    Refused for a declared conflict or a reviewer the proposal names. Side effects: one
    private activity entry.
    """
    if reviewer.call_id != proposal.call_id:
        raise ProgrammeError(_("This reviewer does not review this call."), field="reviewer")
    if Conflict.objects.filter(proposal=proposal, reviewer=reviewer).exists():
        raise ProgrammeError(
            _("This reviewer declared a conflict of interest on this proposal."), field="reviewer"
        )
    info = _proposal_infos(proposal.call, [proposal])[0]
    if reviewer.person_id in info.people:
        raise ProgrammeError(_("This reviewer is named in the proposal."), field="reviewer")
    assignment, _created = Assignment.objects.get_or_create(
        proposal=proposal, reviewer=reviewer, defaults={"assigned_by": by}
    )
    assignment.status = AssignmentStatus.ASSIGNED
    assignment.assigned_by = by
    assignment.explanation = {"manual": True}
    assignment.save(update_fields=["status", "assigned_by", "explanation"])
    record_activity(by=by, verb="programme.assignment_added", target=proposal)
    return assignment


@transaction.atomic
def remove_assignment(*, by: User, assignment: Assignment) -> Assignment:
    """Staff take a proposal away from a reviewer; their review, if any, no longer counts.
    Side effects: one private activity entry."""
    assignment.status = AssignmentStatus.REMOVED
    assignment.save(update_fields=["status"])
    record_activity(by=by, verb="programme.assignment_removed", target=assignment.proposal)
    return assignment


def _loads(call: Call) -> Counter[int]:
    return Counter(
        Assignment.objects.filter(
            proposal__call=call, status=AssignmentStatus.ASSIGNED
        ).values_list("reviewer_id", flat=True)
    )


@transaction.atomic
def declare_conflict(*, by: User, assignment: Assignment, reason: str) -> Assignment | None:
    """Record a conflict of interest on an assignment and give the place to someone else.

    The replacement is eligible, preferably of a stakeholder group and region not yet on the
    proposal, with the lightest load. Returns the new assignment (None if nobody is left).
    Side effects: the conflict is kept so the pair is never assigned again; one private
    activity entry.
    """
    if assignment.status != AssignmentStatus.ASSIGNED:
        raise ProgrammeError(_("This assignment is no longer active."))
    proposal = assignment.proposal
    call = proposal.call
    Conflict.objects.get_or_create(
        proposal=proposal,
        reviewer=assignment.reviewer,
        defaults={"reason": reason.strip(), "declared_by": by},
    )
    assignment.status = AssignmentStatus.CONFLICT
    assignment.save(update_fields=["status"])
    current = set(
        proposal.assignments.filter(status=AssignmentStatus.ASSIGNED).values_list(
            "reviewer_id", flat=True
        )
    )
    choice = planner.pick_replacement(
        _proposal_infos(call, [proposal])[0],
        _reviewer_infos(call),
        loads=_loads(call),
        current=current,
        conflicts=_excluded_pairs(call),
    )
    replacement = None
    if choice is not None:
        replacement = Assignment.objects.create(
            proposal=proposal,
            reviewer_id=choice.id,
            explanation={
                "replacement": True,
                "group": choice.stakeholder_group,
                "region": choice.region,
            },
        )
    record_activity(
        by=by,
        verb="programme.conflict_declared",
        target=proposal,
        data={"reassigned": replacement is not None},
    )
    return replacement


@transaction.atomic
def save_review(
    *,
    by: User,
    assignment: Assignment,
    scores: Mapping[int, int],
    comment: str,
    note_to_staff: str = "",
    merge_with: Proposal | None = None,
) -> Review:
    """Record (or change) a review: a score from 1 to 5 per criterion and a comment.

    Side effects: scores keep their history; one private activity entry.
    """
    call = assignment.proposal.call
    if assignment.status != AssignmentStatus.ASSIGNED or call.phase() != CallPhase.REVIEW:
        raise ProgrammeError(_("This review can no longer be changed."))
    criteria = {c.pk: c for c in call.criteria.all()}
    if set(scores) != set(criteria) or any(not 1 <= v <= 5 for v in scores.values()):
        raise ProgrammeError(_("Score every criterion from 1 to 5."))
    if merge_with is not None and (
        merge_with.call_id != call.pk or merge_with.pk == assignment.proposal_id
    ):
        raise ProgrammeError(
            _("Choose another proposal of the same call to merge with."), field="merge_with"
        )
    review, created = Review.objects.get_or_create(
        assignment=assignment,
        defaults={"comment": comment, "note_to_staff": note_to_staff, "merge_with": merge_with},
    )
    if not created:
        review.comment, review.note_to_staff, review.merge_with = comment, note_to_staff, merge_with
        review.save(update_fields=["comment", "note_to_staff", "merge_with", "updated"])
    current = {s.criterion_id: s for s in review.scores.all()}
    for criterion_id, value in scores.items():
        score = current.get(criterion_id)
        if score is None:
            Score.objects.create(review=review, criterion=criteria[criterion_id], value=value)
        elif score.value != value:
            score.value = value
            score.save(update_fields=["value"])
    record_activity(
        by=by, verb="programme.review_saved", target=assignment.proposal, data={"new": created}
    )
    return review
