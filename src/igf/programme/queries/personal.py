"""What the programme holds about a person, for their data export."""

from __future__ import annotations

from typing import Any

from igf.people.models import Person
from igf.programme.models import (
    Proposal,
    ProposalPerson,
    Review,
    SessionPerson,
)

# --- Personal data ------------------------------------------------------------------------------


def export_programme_data(person: Person) -> dict[str, Any]:
    """What the programme holds about a person, for their data export."""
    proposals = Proposal.objects.filter(proposer=person).select_related("call").order_by("pk")
    roles = (
        ProposalPerson.objects.filter(person=person).select_related("proposal__call").order_by("pk")
    )
    reviews = (
        Review.objects.filter(assignment__reviewer__person=person)
        .select_related("assignment__proposal")
        .prefetch_related("scores__criterion")
        .order_by("pk")
    )
    sessions = (
        SessionPerson.objects.filter(person=person)
        .select_related("session__meeting")
        .order_by("pk")
    )
    return {
        "sessions": [
            {
                "meeting": str(r.session.meeting),
                "session": r.session.title,
                "role": r.role,
                "name": r.name,
                "email": r.email,
                "organisation": r.organization_name,
                "stakeholder_group": r.stakeholder_group,
                "country": r.country_id,
                "gender": r.gender,
                "attendance": r.attendance,
                "timezone": r.timezone,
            }
            for r in sessions
        ],
        "proposals": [
            {
                "call": str(p.call),
                "number": p.number,
                "title": p.title,
                "status": p.status,
                "created": p.created.isoformat(),
                "submitted": p.submitted.isoformat() if p.submitted else None,
            }
            for p in proposals
        ],
        "named_in_proposals": [
            {
                "call": str(r.proposal.call),
                "proposal": r.proposal.number,
                "role": r.role,
                "name": r.name,
                "email": r.email,
                "organisation": r.organization_name,
                "stakeholder_group": r.stakeholder_group,
                "country": r.country_id,
                "gender": r.gender,
                "attendance": r.attendance,
                "confirmation": r.confirmation,
            }
            for r in roles
        ],
        "reviews": [
            {
                "proposal": r.assignment.proposal.number,
                "comment": r.comment,
                "note_to_staff": r.note_to_staff,
                "scores": {s.criterion.name: s.value for s in r.scores.all()},
                "submitted": r.submitted.isoformat(),
            }
            for r in reviews
        ],
    }
