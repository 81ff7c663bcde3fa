"""The rules of the call for session proposals: proposing, confirming, reviewing, selecting
and telling proposers the outcome. Every change to a proposal, an assignment, a review or a
decision goes through a function here."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from igf.bodies.enums import SEAT_ROLES
from igf.bodies.models import Membership
from igf.core.activity import record_activity
from igf.people.models import Affiliation, Person, User
from igf.programme import assignment as planner
from igf.programme import queries, ranking
from igf.programme.enums import (
    ACCEPTED_STATUSES,
    DECISION_OUTCOME,
    AssignmentStatus,
    CallPhase,
    Confirmation,
    Decision,
    ParticipantRole,
    ProposalStatus,
    TemplateField,
)
from igf.programme.models import (
    AnnualMeeting,
    Assignment,
    Call,
    CallSessionType,
    Conflict,
    PolicyQuestion,
    Proposal,
    ProposalPerson,
    Registration,
    Review,
    Reviewer,
    Score,
    Session,
    SessionPerson,
    SessionReport,
    SessionTranscript,
    SessionType,
    Star,
)
from igf.programme.queries import PersonEntry

INVITATION_SALT = "igf.programme.participation"
INVITATION_MAX_AGE = timedelta(days=30)
# Saving a proposal asks again those who have not answered for this long.
INVITATION_RESEND_AFTER = timedelta(days=7)

PROPOSAL_FIELDS = (
    "title",
    "theme",
    "description",
    "expected_outcomes",
    "format",
    "interaction",
    "sdgs",
    "focus",
    "duration",
    "accessibility",
    "languages",
    "previous_report",
)
# The parts a template asks that a submitted proposal must have filled in.
REQUIRED_WHEN_ASKED: dict[str, tuple[str, ...]] = {
    TemplateField.THEME: ("theme",),
    TemplateField.DESCRIPTION: ("description",),
    TemplateField.EXPECTED_OUTCOMES: ("expected_outcomes",),
    TemplateField.FORMAT: ("format", "interaction"),
    TemplateField.FOCUS: ("focus",),
    TemplateField.DURATION: ("duration",),
}


class ProgrammeError(Exception):
    """A rule of the call refuses the action; the message is translated, for the person."""

    def __init__(self, message: str, reasons: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.reasons = tuple(reasons)


def _closed_message(call: Call) -> str:
    return _("The call is not open: it accepts proposals from %(opens)s to %(closes)s (UTC).") % {
        "opens": f"{call.opens:%Y-%m-%d %H:%M}",
        "closes": f"{call.closes:%Y-%m-%d %H:%M}",
    }


def _require_open(call: Call, now: datetime | None) -> None:
    if not call.is_open(now):
        raise ProgrammeError(_closed_message(call))


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
    row = queries.participation_row(pk)
    if row is None or row.email.strip().lower() != email:
        return None
    return row


def _send_invitation(
    row: ProposalPerson, proposal: Proposal, proposer: Person, base_url: str
) -> None:
    link = site_url(base_url) + reverse(
        "programme:confirm", kwargs={"token": invitation_token(row)}
    )
    context = {
        "row": row,
        "proposal": proposal,
        "proposer": proposer.public_name,
        "link": link,
        "expires": timezone.now() + INVITATION_MAX_AGE,
    }
    send_mail(
        subject=render_to_string("programme/email/invitation_subject.txt", context).strip(),
        message=render_to_string("programme/email/invitation.txt", context),
        from_email=None,
        recipient_list=[row.email],
    )


def site_url(given: str = "") -> str:
    """The address links in e-mails start with: the page's own address when a person acts,
    else the IGF_SITE_URL setting (local by default)."""
    return (given or str(getattr(settings, "IGF_SITE_URL", "http://127.0.0.1:8000"))).rstrip("/")


def _sync_people(
    *,
    by: User,
    proposal: Proposal,
    people: Sequence[PersonEntry],
    now: datetime,
    base_url: str,
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
        _send_invitation(row, proposal, proposal.proposer, base_url)
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
    base_url: str = "",
) -> Proposal:
    """Create or update a proposal while the call is open.

    A new proposal is a draft numbered in its call. Side effects: the people named are saved
    (rows not given are removed); people with an account are linked by verified e-mail
    address; everyone with a new address is e-mailed a link to confirm; with `back_to_draft`
    a submitted proposal becomes a draft again; one private activity entry.
    """
    now = now or timezone.now()
    with transaction.atomic():
        _require_open(call, now)
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
        proposal.session_type = session_type
        if back_to_draft and proposal.status == ProposalStatus.SUBMITTED:
            proposal.status = ProposalStatus.DRAFT
            proposal.submitted = None
        if proposal.theme is not None and proposal.theme.meeting_id != call.meeting_id:
            proposal.theme = None
        proposal.save()
        proposal.policy_questions.set(questions)
        _sync_people(by=by, proposal=proposal, people=people, now=now, base_url=base_url)
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
        _require_open(proposal.call, now)
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
    present = set(call.reviewers.values_list("person_id", flat=True))
    added = 0
    memberships = (
        Membership.objects.current()
        .filter(body_id=body_id, role__in=SEAT_ROLES, person__erased__isnull=True)
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
            transaction.on_commit(lambda: _tell_reviewers(call, new))
    return plan


def _tell_reviewers(call: Call, new: Counter[int]) -> None:
    from igf.meetings.services import email_person  # noqa: PLC0415 (meetings imports us)

    for reviewer in Reviewer.objects.filter(pk__in=new).select_related("person__user"):
        email_person(
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
        raise ProgrammeError(_("This reviewer does not review this call."))
    if Conflict.objects.filter(proposal=proposal, reviewer=reviewer).exists():
        raise ProgrammeError(_("This reviewer declared a conflict of interest on this proposal."))
    info = _proposal_infos(proposal.call, [proposal])[0]
    if reviewer.person_id in info.people:
        raise ProgrammeError(_("This reviewer is named in the proposal."))
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
        raise ProgrammeError(_("Choose another proposal of the same call to merge with."))
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


# --- Selection and results ----------------------------------------------------------------------


def _require_undecided_call(proposal: Proposal) -> None:
    if proposal.call.results_published is not None:
        raise ProgrammeError(_("The results of this call are already published."))
    if proposal.status != ProposalStatus.SUBMITTED:
        raise ProgrammeError(_("Only submitted proposals are decided."))


@transaction.atomic
def record_decision(
    *,
    by: User,
    proposal: Proposal,
    decision: str,
    reason: str,
    merge_with: Proposal | None = None,
    now: datetime | None = None,
) -> Proposal:
    """Record the selection's decision on a proposal, with its reason (private until the
    results are published). "Accept with changes" names the proposal it merges with.
    Side effects: history; one private activity entry.
    """
    _require_undecided_call(proposal)
    if decision not in Decision.values:
        raise ProgrammeError(_("Choose a decision."))
    if not reason.strip():
        raise ProgrammeError(_("Give the reason for the decision."))
    if decision == Decision.ACCEPT_WITH_CHANGES:
        if (
            merge_with is None
            or merge_with.call_id != proposal.call_id
            or merge_with.pk == proposal.pk
            or merge_with.status != ProposalStatus.SUBMITTED
        ):
            raise ProgrammeError(_("Name the proposal this one merges with."))
    else:
        merge_with = None
    proposal.decision = decision
    proposal.decision_reason = reason.strip()
    proposal.merge_with = merge_with
    proposal.decided_by = by
    proposal.decided_at = now or timezone.now()
    proposal.save(
        update_fields=[
            "decision",
            "decision_reason",
            "merge_with",
            "decided_by",
            "decided_at",
            "updated",
        ]
    )
    record_activity(by=by, verb="proposal.decided", target=proposal, data={"decision": decision})
    return proposal


def _ranking_reason(row: queries.RankingRow | None, total: int) -> str:
    if row is None or row.score is None:
        return _("Selected by the secretariat.")
    return _("Ranked %(rank)d of %(total)d by normalised review score.") % {
        "rank": row.score.rank,
        "total": total,
    }


@transaction.atomic
def set_selection(
    *, by: User, call: Call, selected: Collection[int], among: Collection[int] | None = None
) -> int:
    """Tick proposals as selected from the ranking: ticked ones are accepted (with their rank
    as the reason unless a decision was already recorded), unticked accepted ones go back to
    undecided. Only proposals in `among` (those the page showed) change; all when None.
    Returns how many decisions changed. Side effects: per change, as `record_decision`;
    history.
    """
    if call.results_published is not None:
        raise ProgrammeError(_("The results of this call are already published."))
    rows = {r.proposal.pk: r for r in queries.ranked_proposals(call)}
    total = sum(1 for r in rows.values() if r.score is not None)
    changed = 0
    for pk, row in rows.items():
        proposal = row.proposal
        if proposal.status != ProposalStatus.SUBMITTED or (among is not None and pk not in among):
            continue
        accepted = proposal.decision in (Decision.ACCEPT, Decision.ACCEPT_WITH_CHANGES)
        if pk in selected and not accepted:
            record_decision(
                by=by,
                proposal=proposal,
                decision=Decision.ACCEPT,
                reason=_ranking_reason(row, total),
            )
            changed += 1
        elif pk not in selected and accepted:
            proposal.decision, proposal.decision_reason, proposal.merge_with = "", "", None
            proposal.decided_by, proposal.decided_at = by, timezone.now()
            proposal.save(
                update_fields=[
                    "decision",
                    "decision_reason",
                    "merge_with",
                    "decided_by",
                    "decided_at",
                    "updated",
                ]
            )
            record_activity(by=by, verb="proposal.decision_cleared", target=proposal)
            changed += 1
    return changed


def _root(proposal: Proposal, by_pk: Mapping[int, Proposal]) -> Proposal:
    """The proposal a chain of merges ends at."""
    seen = {proposal.pk}
    current = proposal
    while current.merge_with_id is not None and current.merge_with_id in by_pk:
        current = by_pk[current.merge_with_id]
        if current.pk in seen:
            break
        seen.add(current.pk)
    return current


def _recipient_language(person: Person) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    for code in person.languages or []:
        if code in codes:
            return str(code)
    return str(settings.LANGUAGE_CODE)


def _send_outcome(
    proposal: Proposal,
    reviews: Sequence[Review],
    score: ranking.RankedProposal | None,
    recipients: Sequence[str],
    base_url: str,
) -> None:
    if not recipients:
        return
    with translation.override(_recipient_language(proposal.proposer)):
        context = {
            "proposal": proposal,
            "comments": [r.comment.strip() for r in reviews if r.comment.strip()],
            "score": score,
            "link": site_url(base_url) + proposal.get_absolute_url(),
        }
        send_mail(
            subject=render_to_string("programme/email/outcome_subject.txt", context).strip(),
            message=render_to_string("programme/email/outcome.txt", context),
            from_email=None,
            recipient_list=list(recipients),
        )


def _fill_sessions(accepted: Sequence[Proposal]) -> None:
    """Give new sessions the people, policy questions and languages of their proposals:
    everyone named who has not declined, each person once per session and role."""
    by_session: dict[int, list[Proposal]] = defaultdict(list)
    for proposal in accepted:
        if proposal.session_id is not None:
            by_session[proposal.session_id].append(proposal)
    fresh = set(
        Session.objects.filter(pk__in=by_session, people__isnull=True).values_list("pk", flat=True)
    )
    rows: dict[int, list[ProposalPerson]] = defaultdict(list)
    for row in (
        ProposalPerson.objects.filter(proposal__session_id__in=fresh)
        .exclude(confirmation=Confirmation.DECLINED)
        .order_by("proposal_id", "order", "pk")
    ):
        rows[row.proposal_id].append(row)
    people: list[SessionPerson] = []
    for session_id in sorted(fresh):
        seen: set[tuple[str, str]] = set()
        languages: list[str] = []
        session = Session.objects.get(pk=session_id)
        for proposal in by_session[session_id]:
            session.policy_questions.add(*proposal.policy_questions.all())
            languages.extend(c for c in proposal.languages or [] if c not in languages)
            for row in rows[proposal.pk]:
                key = (row.role, queries.person_key(row.person_id, row.email) or f"r:{row.pk}")
                if key in seen:
                    continue
                seen.add(key)
                people.append(
                    SessionPerson(
                        session_id=session_id,
                        role=row.role,
                        person_id=row.person_id,
                        name=row.name,
                        email=row.email,
                        organization_name=row.organization_name,
                        stakeholder_group=row.stakeholder_group,
                        country_id=row.country_id,
                        gender=row.gender,
                        attendance=row.attendance,
                        order=len(seen),
                    )
                )
        if languages:
            session.languages = languages
            session.save(update_fields=["languages"])
    SessionPerson.objects.bulk_create(people)


def publish_results(
    *, by: User, call: Call, note: str = "", now: datetime | None = None, base_url: str = ""
) -> int:
    """Publish every outcome of a closed call at once and tell each proposer.

    Undecided submitted proposals are not accepted, with their rank as the reason. Accepted
    proposals become sessions (a merged proposal joins the session of the one it merges with).
    Side effects: statuses; sessions created; one e-mail per proposal to the proposer and
    organisers with the outcome, its reason, the reviewers' comments without their names and
    the normalised score; one public activity entry. Returns the number of proposals decided.
    """
    now = now or timezone.now()
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        if call.results_published is not None:
            raise ProgrammeError(_("The results of this call are already published."))
        if call.phase(now) != CallPhase.REVIEW:
            raise ProgrammeError(_("Results are published after the call has closed."))
        rows = {r.proposal.pk: r for r in queries.ranked_proposals(call)}
        total = sum(1 for r in rows.values() if r.score is not None)
        proposals = [
            r.proposal for r in rows.values() if r.proposal.status == ProposalStatus.SUBMITTED
        ]
        by_pk = {p.pk: p for p in proposals}
        for proposal in proposals:
            if not proposal.decision:
                proposal.decision = Decision.REJECT
                reason = _("Not selected: %(rank)s") % {
                    "rank": _ranking_reason(rows[proposal.pk], total)
                }
                proposal.decision_reason = f"{reason} {note.strip()}".strip()
                proposal.decided_by, proposal.decided_at = by, now
            proposal.status = DECISION_OUTCOME[Decision(proposal.decision)]
        for proposal in proposals:
            if proposal.status not in ACCEPTED_STATUSES:
                continue
            root = _root(proposal, by_pk)
            if root.status not in ACCEPTED_STATUSES:
                root = proposal
            if root.session is None:
                root.session = Session.objects.create(
                    meeting=call.meeting,
                    session_type=root.session_type,
                    theme=root.theme,
                    title=root.title,
                    description=root.description,
                    duration=root.duration or root.session_type.durations[0],
                )
            proposal.session = root.session
        for proposal in proposals:
            proposal.save(
                update_fields=[
                    "status",
                    "decision",
                    "decision_reason",
                    "decided_by",
                    "decided_at",
                    "session",
                    "updated",
                ]
            )
        _fill_sessions([p for p in proposals if p.status in ACCEPTED_STATUSES])
        call.results_published = now
        call.save(update_fields=["results_published"])
        reviews: dict[int, list[Review]] = defaultdict(list)
        for review in Review.objects.filter(
            assignment__proposal__in=proposals, assignment__status=AssignmentStatus.ASSIGNED
        ).order_by("submitted", "pk"):
            reviews[review.assignment.proposal_id].append(review)
        organiser_emails: dict[int, set[str]] = defaultdict(set)
        for proposal_id, email in (
            ProposalPerson.objects.filter(proposal__in=proposals, role=ParticipantRole.ORGANISER)
            .exclude(email="")
            .values_list("proposal_id", "email")
        ):
            organiser_emails[proposal_id].add(email)
        proposers = dict(
            User.objects.filter(person__in=[p.proposer_id for p in proposals]).values_list(
                "person__pk", "email"
            )
        )
        for proposal in proposals:
            recipients = {proposers.get(proposal.proposer_id, "")} | organiser_emails[proposal.pk]
            recipients = {r for r in recipients if r and not r.endswith("@invalid.invalid")}
            _send_outcome(
                proposal,
                reviews[proposal.pk],
                rows[proposal.pk].score,
                sorted(recipients),
                base_url,
            )
        record_activity(
            by=by,
            verb="programme.results_published",
            target=call,
            public=True,
            data={
                "decided": len(proposals),
                "accepted": sum(1 for p in proposals if p.status in ACCEPTED_STATUSES),
            },
        )
    return len(proposals)


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
    stars = Star.objects.filter(person=person).select_related("session").order_by("pk")
    registrations = Registration.objects.filter(person=person).select_related("meeting")
    user = person.user
    reports = SessionReport.objects.filter(updated_by=user).select_related("session")
    transcripts = SessionTranscript.objects.filter(uploaded_by=user).select_related("session")
    return {
        "session_reports_last_edited": [
            {"session": r.session.title, "updated": r.updated.isoformat()}
            for r in reports.order_by("pk")
        ],
        "transcripts_uploaded": [
            {"session": t.session.title, "language": t.language, "uploaded": t.uploaded.isoformat()}
            for t in transcripts.order_by("pk")
        ],
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
        "starred_sessions": [
            {"session": s.session.title, "starred": s.created.isoformat()} for s in stars
        ],
        "registrations": [
            {
                "meeting": str(r.meeting),
                "attendance": r.attendance,
                "registered": r.registered.isoformat(),
            }
            for r in registrations
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


def scrub_erased_person(*, person: Person, **kwargs: Any) -> None:
    """On erasure: the details typed about the person in proposals and sessions go; the
    proposals and sessions stay, attributed to "former participant" (their Person's public
    name); their agenda and registrations are deleted."""
    ProposalPerson.objects.filter(person=person).update(
        name="", email="", organization_name="", gender=""
    )
    Reviewer.objects.filter(person=person).update(active=False)
    named = SessionPerson.objects.filter(person=person)
    meetings = list(AnnualMeeting.objects.filter(sessions__people__in=named).distinct())
    named.update(name="", email="", organization_name="", gender="", timezone="")
    Star.objects.filter(person=person).delete()
    Registration.objects.filter(person=person).delete()
    # The update above sends no signal: forget the cached pages, rewrite the static copies.
    from igf.programme.schedule import queries as schedule_queries  # noqa: PLC0415
    from igf.programme.schedule.snapshot import write_snapshot  # noqa: PLC0415

    for meeting in meetings:
        schedule_queries.bump_generation(meeting.slug)
        transaction.on_commit(lambda meeting=meeting: write_snapshot(meeting))  # type: ignore[misc]
