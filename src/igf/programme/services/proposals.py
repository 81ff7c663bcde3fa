"""Proposing: saving, submitting and withdrawing a proposal, inviting the people named in
it and hearing their answer; and what erasure scrubs from proposals and sessions."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from django.core import signing
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from igf.core.activity import record_activity
from igf.core.links import site_url
from igf.core.notify import notify
from igf.core.written import checked_language
from igf.people.models import Person, User
from igf.programme import queries
from igf.programme.enums import (
    AssignmentStatus,
    Confirmation,
    ProposalStatus,
    TemplateField,
)
from igf.programme.models import (
    Call,
    CallSessionType,
    PolicyQuestion,
    Proposal,
    ProposalPerson,
    Reviewer,
    SessionPerson,
    SessionType,
)
from igf.programme.queries import PersonEntry
from igf.programme.services.base import (
    INVITATION_MAX_AGE,
    INVITATION_RESEND_AFTER,
    INVITATION_SALT,
    PROPOSAL_FIELDS,
    REQUIRED_WHEN_ASKED,
    ProgrammeError,
    addressee,
    require_open,
)

# --- Proposals ------------------------------------------------------------------------------


def template_for(call: Call, session_type: SessionType) -> CallSessionType:
    template = call.templates.filter(session_type=session_type).first()
    if template is None or not session_type.proposable:
        raise ProgrammeError(_("This call does not take proposals of that session type."))
    return template


def _next_number(call: Call) -> int:
    # Serialise numbering per call: the call row is locked until the proposal is saved.
    Call.objects.select_for_update().filter(pk=call.pk).first()
    highest = call.proposals.aggregate(highest=Max("number"))["highest"]
    return (highest or 0) + 1


def invitation_token(row: ProposalPerson) -> str:
    return signing.dumps([row.pk, row.email.strip().lower()], salt=INVITATION_SALT, compress=True)


def row_for_token(token: str) -> ProposalPerson | None:
    """The person a confirmation link was sent to, if the link is genuine, unexpired, and the
    address is still the one in the proposal."""
    try:
        pk, email = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(pk, int) or not isinstance(email, str):
        return None
    row = queries.find_participation_row(pk)
    if row is None or row.email.strip().lower() != email:
        return None
    return row


def _send_invitation(row: ProposalPerson, proposal: Proposal, named_by: Person) -> None:
    link = site_url(reverse("programme:confirm", kwargs={"token": invitation_token(row)}))
    notify(
        addressee(row, named_by=named_by),
        "programme/email/invitation",
        {
            "row": row,
            "proposal": proposal,
            "proposer": proposal.proposer.public_name,
            "link": link,
            "expires": timezone.now() + INVITATION_MAX_AGE,
        },
    )


def _sync_people(
    *,
    by: User,
    proposal: Proposal,
    people: Sequence[PersonEntry],
    now: datetime,
) -> list[ProposalPerson]:
    existing = {row.pk: row for row in proposal.people.all()}
    accounts = queries.accounts_by_email(p.email for p in people)
    acting = getattr(by, "person", None)
    kept: set[int] = set()
    to_invite: list[ProposalPerson] = []
    rows: list[ProposalPerson] = []
    for order, entry in enumerate(people):
        row = existing.get(entry.row) if entry.row is not None else None
        email = entry.email.strip().lower()
        if row is None:
            row = ProposalPerson(proposal=proposal)
        email_changed = row.pk is None or row.email.strip().lower() != email
        row.role = entry.role
        row.name = entry.name.strip()
        row.email = email
        row.organization_name = entry.organization_name.strip()
        row.stakeholder_group = entry.stakeholder_group
        row.country = entry.country
        row.gender = entry.gender
        row.attendance = entry.attendance
        row.order = order
        if email_changed:
            row.person = accounts.get(email)
            row.confirmation = Confirmation.NOT_ASKED
            row.invited = row.responded = None
        if acting is not None and row.person_id == acting.pk and not row.confirmed:
            # The person filling in the form needs no e-mail to confirm themselves.
            row.confirmation, row.responded = Confirmation.CONFIRMED, now
        elif email and (
            row.confirmation == Confirmation.NOT_ASKED
            or (
                row.confirmation == Confirmation.INVITED
                and row.invited is not None
                and now - row.invited >= INVITATION_RESEND_AFTER
            )
        ):
            row.confirmation, row.invited = Confirmation.INVITED, now
            to_invite.append(row)
        row.save()
        kept.add(row.pk)
        rows.append(row)
    proposal.people.exclude(pk__in=kept).delete()
    for row in to_invite:
        _send_invitation(row, proposal, acting or proposal.proposer)
    return rows


def save_proposal(
    *,
    by: User,
    call: Call,
    session_type: SessionType,
    changes: Mapping[str, Any],
    people: Sequence[PersonEntry],
    policy_questions: Collection[PolicyQuestion] = (),
    proposal: Proposal | None = None,
    back_to_draft: bool = False,
    now: datetime | None = None,
) -> Proposal:
    """Create or update a proposal while the call is open.

    A new proposal is a draft numbered in its call. Side effects: the people named are saved
    (rows not given are removed); people with an account are linked by verified e-mail
    address; everyone with a new address is e-mailed a link to confirm once the change
    commits (in their account's language, else in that of who named them); with
    `back_to_draft` a submitted proposal becomes a draft again; one private activity entry.
    """
    now = now or timezone.now()
    with transaction.atomic():
        require_open(call, now)
        template_for(call, session_type)
        unknown = set(changes) - set(PROPOSAL_FIELDS)
        if unknown:
            raise ValueError(f"Not proposal fields: {sorted(unknown)}")
        questions = [q for q in policy_questions if q.theme.meeting_id == call.meeting_id]
        created = proposal is None
        if proposal is None:
            proposal = Proposal(
                call=call,
                session_type=session_type,
                proposer=by.person,
                number=_next_number(call),
            )
        elif proposal.call_id != call.pk or proposal.status not in (
            ProposalStatus.DRAFT,
            ProposalStatus.SUBMITTED,
        ):
            raise ProgrammeError(_("This proposal can no longer be changed."))
        for name, value in changes.items():
            setattr(proposal, name, value)
        if "language" in changes:
            proposal.language = checked_language(changes["language"])
        proposal.session_type = session_type
        if back_to_draft and proposal.status == ProposalStatus.SUBMITTED:
            proposal.status = ProposalStatus.DRAFT
            proposal.submitted = None
        if proposal.theme is not None and proposal.theme.meeting_id != call.meeting_id:
            proposal.theme = None
        proposal.save()
        proposal.policy_questions.set(questions)
        _sync_people(by=by, proposal=proposal, people=people, now=now)
        record_activity(
            by=by,
            verb="proposal.created" if created else "proposal.updated",
            target=proposal,
            data={"status": proposal.status},
        )
    return proposal


def missing_parts(proposal: Proposal, template: CallSessionType) -> list[str]:
    """The parts the template asks that are still empty, as translated names."""
    missing = []
    for part, names in REQUIRED_WHEN_ASKED.items():
        if not template.asks(part):
            continue
        if any(getattr(proposal, name) in (None, "", []) for name in names):
            missing.append(str(TemplateField(part).label))
    if template.asks(TemplateField.SDGS) and not proposal.sdgs:
        missing.append(str(TemplateField.SDGS.label))
    return missing


def submit_proposal(*, by: User, proposal: Proposal, now: datetime | None = None) -> Proposal:
    """Submit a draft that is complete and meets the minimum criteria, while the call is open.

    Raises ProgrammeError with every reason when it does not. Side effects: status and time
    of submission; one private activity entry.
    """
    with transaction.atomic():
        require_open(proposal.call, now)
        if proposal.status == ProposalStatus.SUBMITTED:
            return proposal
        if proposal.status != ProposalStatus.DRAFT:
            raise ProgrammeError(_("This proposal can no longer be submitted."))
        template = template_for(proposal.call, proposal.session_type)
        reasons = [
            _("Fill in: %(part)s.") % {"part": part} for part in missing_parts(proposal, template)
        ]
        if not proposal.title.strip():
            reasons.insert(0, _("Give the proposal a title."))
        report = queries.criteria_report(proposal)
        reasons.extend(check.reason for check in report.failures)
        if reasons:
            raise ProgrammeError(
                _("The proposal is saved as a draft but not submitted yet."), reasons
            )
        proposal.status = ProposalStatus.SUBMITTED
        proposal.submitted = now or timezone.now()
        proposal.save(update_fields=["status", "submitted", "updated"])
        record_activity(by=by, verb="proposal.submitted", target=proposal)
    return proposal


@transaction.atomic
def withdraw_proposal(*, by: User, proposal: Proposal) -> Proposal:
    """Withdraw a draft or submitted proposal before the results. Side effects: its review
    assignments are ended; one private activity entry."""
    if proposal.status not in (ProposalStatus.DRAFT, ProposalStatus.SUBMITTED):
        raise ProgrammeError(_("This proposal can no longer be withdrawn."))
    if proposal.call.results_published is not None:
        raise ProgrammeError(_("The results of this call are already published."))
    proposal.status = ProposalStatus.WITHDRAWN
    proposal.decision = ""
    proposal.save(update_fields=["status", "decision", "updated"])
    proposal.assignments.filter(status=AssignmentStatus.ASSIGNED).update(
        status=AssignmentStatus.REMOVED
    )
    record_activity(by=by, verb="proposal.withdrawn", target=proposal)
    return proposal


@transaction.atomic
def respond_to_invitation(
    *, by: User | None, row: ProposalPerson, accept: bool, now: datetime | None = None
) -> ProposalPerson:
    """A person named in a proposal confirms or declines taking part (from the e-mailed link).

    Side effects: when the person is signed in with the invited address, their account is
    linked to the row; one private activity entry.
    """
    row.confirmation = Confirmation.CONFIRMED if accept else Confirmation.DECLINED
    row.responded = now or timezone.now()
    fields = ["confirmation", "responded"]
    if (
        by is not None
        and getattr(by, "is_authenticated", False)
        and row.person_id is None
        and by.email.lower() == row.email.lower()
    ):
        row.person = by.person
        fields.append("person")
    row.save(update_fields=fields)
    record_activity(
        by=by,
        verb="proposal.participation_confirmed" if accept else "proposal.participation_declined",
        target=row.proposal,
        data={"role": row.role},
    )
    return row


# --- Personal data ------------------------------------------------------------------------------


def scrub_erased_person(*, person: Person, **kwargs: Any) -> None:
    """On erasure: the details typed about the person in proposals and sessions go; the
    proposals and sessions stay, attributed to "former participant" (their Person's public
    name). Their reviewer roles end. (The schedule and the outcomes scrub what they hold
    through their own receivers.)"""
    ProposalPerson.objects.filter(person=person).update(
        name="", email="", organization_name="", gender=""
    )
    Reviewer.objects.filter(person=person).update(active=False)
    SessionPerson.objects.filter(person=person).update(
        name="", email="", organization_name="", gender="", timezone=""
    )
