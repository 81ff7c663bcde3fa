"""The ranking, the selection's balance and the statistics of a call."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch

from igf.core.balance import BalanceReport, BalanceSubject, Dimension
from igf.programme import ranking
from igf.programme.criteria import CriteriaReport, FacilitatorBalance
from igf.programme.enums import (
    ACCEPTED_STATUSES,
    AssignmentStatus,
    ParticipantRole,
)
from igf.programme.models import (
    Call,
    Proposal,
    ProposalPerson,
    Review,
    Score,
)
from igf.programme.queries.calls import LIVE_STATUSES
from igf.programme.queries.facts import (
    FACILITATOR_ROLES,
    DevelopingFlag,
    criteria_reports,
    developing_flag,
    facilitators_of,
    people_balance,
    person_key,
    subject_of,
)

# --- Ranking and selection ---------------------------------------------------------------------


@dataclass(frozen=True)
class RankingRow:
    proposal: Proposal
    score: ranking.RankedProposal | None
    criteria: CriteriaReport
    developing: DevelopingFlag
    merge_suggestions: tuple[int, ...]
    facilitators: FacilitatorBalance


def review_scores(call: Call) -> list[ranking.ReviewScore]:
    """Every done review of the call as one weighted score, in two queries."""
    weights = dict(call.criteria.values_list("pk", "weight"))
    values: dict[tuple[int, int], dict[int, int]] = defaultdict(dict)
    for proposal_id, reviewer_id, criterion_id, value in Score.objects.filter(
        review__assignment__proposal__call=call,
        review__assignment__status=AssignmentStatus.ASSIGNED,
    ).values_list(
        "review__assignment__proposal_id",
        "review__assignment__reviewer_id",
        "criterion_id",
        "value",
    ):
        values[(proposal_id, reviewer_id)][criterion_id] = value
    scores = []
    for (proposal_id, reviewer_id), criterion_values in values.items():
        score = ranking.weighted_score(criterion_values, weights)
        if score is not None:
            scores.append(ranking.ReviewScore(proposal_id, reviewer_id, score))
    return scores


def ranked_proposals(
    call: Call, *, theme: int | None = None, session_type: int | None = None
) -> list[RankingRow]:
    """The call's submitted proposals, best normalised score first, with what staff weigh:
    the criteria, the developing-country flag, and reviewers' merge suggestions."""
    scores = {r.proposal: r for r in ranking.rank_proposals(review_scores(call))}
    proposals = list(
        call.proposals.filter(status__in=LIVE_STATUSES)
        .select_related("session_type", "theme", "merge_with")
        .order_by("number")
    )
    if theme is not None:
        proposals = [p for p in proposals if p.theme_id == theme]
    if session_type is not None:
        proposals = [p for p in proposals if p.session_type_id == session_type]
    reports = criteria_reports(call, proposals)
    rows: dict[int, list[ProposalPerson]] = defaultdict(list)
    for row in ProposalPerson.objects.filter(
        proposal__in=[p.pk for p in proposals], role__in=FACILITATOR_ROLES
    ).select_related("country"):
        rows[row.proposal_id].append(row)
    merges: dict[int, set[int]] = defaultdict(set)
    for proposal_id, number in Review.objects.filter(
        assignment__proposal__call=call,
        assignment__status=AssignmentStatus.ASSIGNED,
        merge_with__isnull=False,
    ).values_list("assignment__proposal_id", "merge_with__number"):
        merges[proposal_id].add(number)
    result = [
        RankingRow(
            proposal=p,
            score=scores.get(p.pk),
            criteria=reports[p.pk],
            developing=developing_flag(rows[p.pk]),
            merge_suggestions=tuple(sorted(merges[p.pk])),
            facilitators=facilitators_of(
                rows[p.pk], p.session_type.rules.developing_facilitators_percent
            ),
        )
        for p in proposals
    ]
    result.sort(
        key=lambda r: (
            r.score is None,
            r.score.rank if r.score else 0,
            r.proposal.number,
        )
    )
    return result


def selection_balance(call: Call, proposal_ids: Iterable[int]) -> dict[str, BalanceReport]:
    """The balance of the organisers and the speakers of a set of proposals; organisers who
    never had a session accepted before count as first-time organisers."""
    ids = list(proposal_ids)
    earlier = Proposal.objects.filter(
        call__meeting__year__lt=call.meeting.year, status__in=ACCEPTED_STATUSES
    )
    experienced = {f"p:{pid}" for pid in earlier.values_list("proposer_id", flat=True)}
    experienced.update(
        person_key(pid, email)
        for pid, email in ProposalPerson.objects.filter(
            proposal__in=earlier, role=ParticipantRole.ORGANISER
        ).values_list("person_id", "email")
    )
    rows = list(
        ProposalPerson.objects.filter(
            proposal__in=ids, role__in=(ParticipantRole.ORGANISER, ParticipantRole.SPEAKER)
        ).select_related("country")
    )
    organisers = []
    for row in rows:
        if row.role == ParticipantRole.ORGANISER:
            row.newcomer = person_key(row.person_id, row.email) not in experienced  # type: ignore[attr-defined]
            organisers.append(row)
    speakers = [r for r in rows if r.role == ParticipantRole.SPEAKER]
    return {
        "organisers": people_balance(organisers, newcomers=True),
        "speakers": people_balance(speakers),
    }


def selected_ids(call: Call) -> set[int]:
    from igf.programme.enums import Decision  # noqa: PLC0415

    return set(
        call.proposals.filter(
            status__in=LIVE_STATUSES,
            decision__in=(Decision.ACCEPT, Decision.ACCEPT_WITH_CHANGES),
        ).values_list("pk", flat=True)
    )


def proposal_reviews(proposal: Proposal) -> list[Review]:
    """The done reviews of a proposal, for staff and (anonymised) for the outcome message."""
    return list(
        Review.objects.filter(
            assignment__proposal=proposal, assignment__status=AssignmentStatus.ASSIGNED
        )
        .select_related("assignment__reviewer__person", "merge_with")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("criterion")))
        .order_by("submitted", "pk")
    )


# --- Statistics -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatisticsRow:
    label: str
    proposals: int
    accepted: int

    @property
    def rate(self) -> float:
        return self.accepted / self.proposals if self.proposals else 0.0


def _rows(
    counter: Counter[str], accepted: Counter[str], labels: dict[str, str]
) -> list[StatisticsRow]:
    return [
        StatisticsRow(label=labels.get(key, key), proposals=count, accepted=accepted[key])
        for key, count in sorted(
            counter.items(), key=lambda item: (-item[1], labels.get(item[0], item[0]))
        )
    ]


def call_statistics(call: Call) -> dict[str, list[StatisticsRow]]:
    """Submitted proposals by theme, session type, and the proposer's stakeholder group and
    region (as declared for the first organiser); acceptance once results are published."""
    from igf.core.phrases import category_label  # noqa: PLC0415

    proposals = list(
        call.proposals.filter(status__in=LIVE_STATUSES).select_related("theme", "session_type")
    )
    first_organiser: dict[int, ProposalPerson] = {}
    for row in (
        ProposalPerson.objects.filter(proposal__in=proposals, role=ParticipantRole.ORGANISER)
        .select_related("country")
        .order_by("proposal_id", "order", "pk")
    ):
        first_organiser.setdefault(row.proposal_id, row)
    published = call.results_published is not None
    tables: dict[str, tuple[Counter[str], Counter[str], dict[str, str]]] = {
        name: (Counter(), Counter(), {}) for name in ("theme", "type", "group", "region")
    }
    for proposal in proposals:
        organiser = first_organiser.get(proposal.pk)
        subject = subject_of(organiser) if organiser else BalanceSubject()
        keys = {
            "theme": (str(proposal.theme_id or ""), str(proposal.theme or "")),
            "type": (str(proposal.session_type_id), str(proposal.session_type)),
            "group": (
                subject.category(Dimension.STAKEHOLDER_GROUP),
                category_label(subject.category(Dimension.STAKEHOLDER_GROUP), "stakeholder_group"),
            ),
            "region": (
                subject.category(Dimension.REGION),
                category_label(subject.category(Dimension.REGION), "region"),
            ),
        }
        for name, (key, label) in keys.items():
            counter, accepted, labels = tables[name]
            counter[key] += 1
            labels[key] = label or category_label("unknown", "")
            if published and proposal.status in ACCEPTED_STATUSES:
                accepted[key] += 1
    return {name: _rows(*table) for name, table in tables.items()}
