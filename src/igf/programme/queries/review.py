"""Reviewers' assignments and reviews."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404

from igf.people.models import Person
from igf.programme.enums import (
    AssignmentStatus,
)
from igf.programme.models import (
    Assignment,
    Call,
    Proposal,
    Review,
    Reviewer,
)
from igf.programme.queries.calls import LIVE_STATUSES

# --- Review ---------------------------------------------------------------------------------


def reviewer_assignments(person: Person) -> QuerySet[Assignment]:
    """A reviewer's own assignments, all calls, with whether each review is done."""
    return (
        Assignment.objects.filter(reviewer__person=person, status=AssignmentStatus.ASSIGNED)
        .select_related("proposal__session_type", "proposal__theme", "proposal__call__meeting")
        .annotate(reviewed=Exists(Review.objects.filter(assignment=OuterRef("pk"))))
        .order_by("-proposal__call__opens", "reviewed", "proposal__number")
    )


def get_assignment(pk: int) -> Assignment:
    """The review assignment, or 404, whoever asks (the permission decides)."""
    try:
        return Assignment.objects.select_related(
            "reviewer__person",
            "proposal__call__meeting",
            "proposal__session_type",
            "proposal__theme",
        ).get(pk=pk)
    except Assignment.DoesNotExist as error:
        raise Http404 from error


def find_call_assignment(call: Call, pk: int | None) -> Assignment | None:
    """One assignment of the call by its number, or None (a stale or forged form)."""
    if pk is None:
        return None
    return Assignment.objects.filter(pk=pk, proposal__call=call).select_related("proposal").first()


def review_of(assignment: Assignment) -> Review | None:
    return Review.objects.filter(assignment=assignment).prefetch_related("scores").first()


def merge_candidates(proposal: Proposal) -> QuerySet[Proposal]:
    """Other live proposals of the call a reviewer may suggest merging with (number, title)."""
    return (
        proposal.call.proposals.filter(status__in=LIVE_STATUSES)
        .exclude(pk=proposal.pk)
        .only("pk", "number", "title", "call_id")
        .order_by("number")
    )


def call_reviewers(call: Call) -> QuerySet[Reviewer]:
    return (
        call.reviewers.select_related("person", "organization")
        .annotate(
            load=Count("assignments", filter=Q(assignments__status=AssignmentStatus.ASSIGNED)),
            done=Count(
                "assignments__review",
                filter=Q(assignments__status=AssignmentStatus.ASSIGNED),
            ),
        )
        .order_by("person__display_name", "pk")
    )


def call_assignments(call: Call) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(proposal__call=call)
        .select_related("proposal", "reviewer__person")
        .annotate(reviewed=Exists(Review.objects.filter(assignment=OuterRef("pk"))))
        .order_by("proposal__number", "status", "pk")
    )


def live_proposals(call: Call) -> QuerySet[Proposal]:
    return call.proposals.filter(status__in=LIVE_STATUSES)


def reviewer_choices(call: Call) -> QuerySet[Reviewer]:
    """The call's reviewers by name, for the secretariat to give a proposal to one."""
    return call.reviewers.select_related("person").order_by("person__display_name")


def find_live_proposal(call: Call, number: int) -> Proposal | None:
    """The call's submitted (or decided) proposal with that number, or None."""
    return live_proposals(call).filter(number=number).first()
