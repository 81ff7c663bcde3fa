"""Proposals of new bodies: submitted on the site with their evidence, reviewed by the
secretariat with reasons, recognised (the body is created) or sent back for changes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from igf.bodies.enums import BodyStatus, ProposalStatus, Role
from igf.bodies.models import Body, BodyProposal, BodyType, Membership
from igf.bodies.services.registry import secretariat_people
from igf.core.activity import record_activity
from igf.core.errors import NotAllowed, Refused
from igf.core.notify import notify
from igf.people.models import User

# What a proposer fills in; the rest (status, review) belongs to the secretariat.
PROPOSAL_FIELDS = (
    "name", "acronym", "summary", "description", "country", "region", "initiative_kind",
    "website", "contact_email", "membership_open", "list_open", "has_open_archives",
    "stakeholder_groups", "evidence",
)  # fmt: skip


class ProposalError(Refused):
    """A step in the life of a proposal that the forum's rules refuse."""


def _check(body_type: BodyType, data: Mapping[str, Any]) -> None:
    if not body_type.may_be_proposed:
        raise ProposalError(_("Bodies of this type are not proposed on the site."), field="type")
    if body_type.is_initiative and not data.get("initiative_kind"):
        raise ProposalError(
            _("Say whether the initiative is national, regional or youth."),
            field="initiative_kind",
        )
    if body_type.is_initiative and not (data.get("country") or data.get("region")):
        raise ProposalError(_("Give the initiative's country or region."), field="country")


@transaction.atomic
def propose_body(*, by: User, body_type: BodyType, data: Mapping[str, Any]) -> BodyProposal:
    """Submit a proposal of a new body with its evidence.

    Side effects: one public activity entry; the secretariat is e-mailed after commit.
    """
    _check(body_type, data)
    proposal = BodyProposal.objects.create(
        type=body_type, proposer=by.person, **{f: data[f] for f in PROPOSAL_FIELDS if f in data}
    )
    record_activity(by=by, verb="proposal.submitted", target=proposal)
    for person in secretariat_people():
        notify(person, "bodies/email/proposal_submitted", {"proposal": proposal})
    return proposal


@transaction.atomic
def resubmit_proposal(*, by: User, proposal: BodyProposal, data: Mapping[str, Any]) -> BodyProposal:
    """The proposer changes a proposal sent back and submits it again.

    Side effects: one activity entry; the secretariat is e-mailed after commit.
    """
    if proposal.proposer.user_id != by.pk:
        raise NotAllowed(_("Only the proposer changes a proposal."))
    if proposal.status != ProposalStatus.SENT_BACK:
        raise ProposalError(_("Only a proposal sent back for changes can be changed."))
    _check(proposal.type, data)
    for field in PROPOSAL_FIELDS:
        if field in data:
            setattr(proposal, field, data[field])
    proposal.status = ProposalStatus.SUBMITTED
    proposal.submitted = timezone.now()
    proposal.save()
    record_activity(by=by, verb="proposal.submitted", target=proposal)
    for person in secretariat_people():
        notify(person, "bodies/email/proposal_submitted", {"proposal": proposal})
    return proposal


def _free_slug(name: str) -> str:
    base = slugify(name)[:70] or "body"
    slug, n = base, 2
    while Body.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def review_proposal(
    *, by: User, proposal: BodyProposal, recognise: bool, reason: str
) -> BodyProposal:
    """Recognise a proposal (the body is created, its proposer its first lead) or send it
    back for changes; either way with the secretariat's reasons, which the proposer reads.

    Side effects: on recognition, a Body and a Membership; one public activity entry; the
    proposer is e-mailed after commit.
    """
    if proposal.status != ProposalStatus.SUBMITTED:
        raise ProposalError(_("This proposal is not awaiting review."))
    if not reason.strip():
        raise ProposalError(_("Give the reasons; the proposer reads them."), field="reason")
    proposal.reason = reason.strip()
    proposal.reviewed_by = by
    proposal.reviewed_at = timezone.now()
    if recognise:
        body = Body.objects.create(
            type=proposal.type,
            name=proposal.name,
            acronym=proposal.acronym,
            slug=_free_slug(proposal.name),
            summary=proposal.summary,
            description=proposal.description,
            country=proposal.country,
            region=proposal.region,
            initiative_kind=proposal.initiative_kind,
            website=proposal.website,
            contact_email=proposal.contact_email,
            membership_open=proposal.membership_open,
            list_open=proposal.list_open,
            has_open_archives=proposal.has_open_archives,
            status=BodyStatus.ACTIVE,
            established=timezone.localdate(),
        )
        lead_role = next(iter(proposal.type.lead_roles), Role.CHAIR)
        Membership.objects.create(
            body=body,
            person=proposal.proposer,
            role=lead_role,
            start=timezone.localdate(),
            stakeholder_group=proposal.proposer.stakeholder_group,
        )
        proposal.body = body
        proposal.status = ProposalStatus.RECOGNISED
        verb, template = "proposal.recognised", "bodies/email/proposal_recognised"
    else:
        proposal.status = ProposalStatus.SENT_BACK
        verb, template = "proposal.sent_back", "bodies/email/proposal_sent_back"
    proposal.save(update_fields=["status", "reason", "reviewed_by", "reviewed_at", "body"])
    record_activity(by=by, verb=verb, target=proposal, public=recognise)
    notify(proposal.proposer, template, {"proposal": proposal})
    return proposal
