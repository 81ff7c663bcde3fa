"""Selection: decisions, the selection from the ranking, and publishing the results (which
turns accepted proposals into sessions and tells the proposers)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from igf.core.activity import record_activity
from igf.core.links import site_url
from igf.core.notify import notify
from igf.people.models import Person, User
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
)
from igf.programme.models import (
    Call,
    Proposal,
    ProposalPerson,
    Review,
    Session,
    SessionPerson,
)
from igf.programme.services.base import (
    ProgrammeError,
    addressee,
)

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
        raise ProgrammeError(_("Choose a decision."), field="decision")
    if not reason.strip():
        raise ProgrammeError(_("Give the reason for the decision."), field="reason")
    if decision == Decision.ACCEPT_WITH_CHANGES:
        if (
            merge_with is None
            or merge_with.call_id != proposal.call_id
            or merge_with.pk == proposal.pk
            or merge_with.status != ProposalStatus.SUBMITTED
        ):
            raise ProgrammeError(_("Name the proposal this one merges with."), field="merge_with")
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


def _send_outcome(
    proposal: Proposal,
    reviews: Sequence[Review],
    score: ranking.RankedProposal | None,
    proposer: Person,
    organisers: Sequence[ProposalPerson],
) -> None:
    """Tell the proposer and every organiser named with an address, each once, each in their
    own language (organisers without an account in the proposer's)."""
    context = {
        "proposal": proposal,
        "comments": [r.comment.strip() for r in reviews if r.comment.strip()],
        "score": score,
        "link": site_url(proposal.get_absolute_url()),
    }
    told = {proposer.user.email.strip().lower()}
    notify(proposer, "programme/email/outcome", context)
    for row in organisers:
        email = row.email.strip().lower()
        if not email or email in told or row.person_id == proposer.pk:
            continue
        told.add(email)
        notify(addressee(row, named_by=proposer), "programme/email/outcome", context)


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


def publish_results(*, by: User, call: Call, note: str = "", now: datetime | None = None) -> int:
    """Publish every outcome of a closed call at once and tell each proposer.

    Undecided submitted proposals are not accepted, with their rank as the reason. Accepted
    proposals become sessions (a merged proposal joins the session of the one it merges with).
    Side effects: statuses; sessions created; once committed, one e-mail to the proposer and
    to each organiser of every proposal, in their language, with the outcome, its reason, the
    reviewers' comments without their names and the normalised score; one public activity
    entry. Returns the number of proposals decided.
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
        organisers: dict[int, list[ProposalPerson]] = defaultdict(list)
        for row in (
            ProposalPerson.objects.filter(proposal__in=proposals, role=ParticipantRole.ORGANISER)
            .exclude(email="")
            .select_related("person__user")
            .order_by("proposal_id", "order", "pk")
        ):
            organisers[row.proposal_id].append(row)
        proposers = Person.objects.select_related("user").in_bulk(
            {p.proposer_id for p in proposals}
        )
        for proposal in proposals:
            _send_outcome(
                proposal,
                reviews[proposal.pk],
                rows[proposal.pk].score,
                proposers[proposal.proposer_id],
                organisers[proposal.pk],
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
