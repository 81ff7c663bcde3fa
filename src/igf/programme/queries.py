"""Reads of the programme, filtered by what the viewer may see, and the facts the pure
calculations (criteria, assignment, ranking, balance) take, fetched in a constant number of
queries however many proposals there are."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from igf.bodies.models import Membership
from igf.core.balance import BalanceReport, BalanceSubject, Dimension, measure_balance
from igf.core.enums import Gender, StakeholderGroup
from igf.core.models import Country
from igf.core.rules import is_secretariat
from igf.people.models import Person
from igf.programme import hooks, ranking
from igf.programme.criteria import CriteriaReport, Participant, ProposalFacts, check_proposal
from igf.programme.enums import (
    ACCEPTED_STATUSES,
    AssignmentStatus,
    Attendance,
    Confirmation,
    ParticipantRole,
    ProposalStatus,
)
from igf.programme.models import (
    AnnualMeeting,
    Assignment,
    Call,
    CallSessionType,
    PolicyQuestion,
    Proposal,
    ProposalPerson,
    Review,
    ReviewCriterion,
    Reviewer,
    Score,
    SessionPerson,
    SessionType,
    Theme,
)
from igf.programme.rules import can_view_proposal

if TYPE_CHECKING:
    from igf.people.models import Viewer

# Proposals that count in the call: submitted, or decided and published.
LIVE_STATUSES = (ProposalStatus.SUBMITTED, *ACCEPTED_STATUSES, ProposalStatus.REJECTED)
BALANCE_DIMENSIONS = (
    Dimension.STAKEHOLDER_GROUP,
    Dimension.REGION,
    Dimension.GENDER,
    Dimension.DEVELOPING,
)
BALANCE_CATEGORIES = {Dimension.STAKEHOLDER_GROUP: StakeholderGroup.values}


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


# --- Facts for the criteria -------------------------------------------------------------------


@dataclass(frozen=True)
class PersonEntry:
    """One person as the proposer typed them into the form. `row` is the existing row's id."""

    role: str
    name: str
    email: str = ""
    organization_name: str = ""
    stakeholder_group: str = ""
    country: Country | None = None
    gender: str = ""
    attendance: str = Attendance.ONSITE
    row: int | None = None


def accounts_by_email(emails: Iterable[str]) -> dict[str, Person]:
    """People whose account uses one of these addresses, verified, keyed by lower-case address."""
    from allauth.account.models import EmailAddress  # noqa: PLC0415

    wanted = {e.strip().lower() for e in emails if e.strip()}
    if not wanted:
        return {}
    found: dict[str, Person] = {}
    for address in EmailAddress.objects.filter(
        email__in=wanted, verified=True, user__is_active=True
    ).select_related("user__person"):
        found[address.email.lower()] = address.user.person
    return found


def participants_from_entries(
    entries: Sequence[PersonEntry],
    rows: Sequence[ProposalPerson],
    acting: Person,
) -> list[Participant]:
    """The criteria's view of people typed into the form but not saved yet: an unchanged
    address keeps its row's confirmation; the person filling in the form counts as confirmed."""
    existing = {r.pk: r for r in rows}
    accounts = accounts_by_email(e.email for e in entries)
    participants = []
    for entry in entries:
        email = entry.email.strip().lower()
        row = existing.get(entry.row) if entry.row is not None else None
        same = row is not None and row.email.strip().lower() == email
        person_id = row.person_id if same and row is not None else None
        if person_id is None and email in accounts:
            person_id = accounts[email].pk
        confirmed = person_id == acting.pk or (
            same and row is not None and row.confirmation == Confirmation.CONFIRMED
        )
        gender = entry.gender if entry.gender != Gender.PREFER_NOT_TO_SAY else ""
        participants.append(
            Participant(
                role=entry.role,
                key=person_key(person_id, email),
                stakeholder_group=entry.stakeholder_group or None,
                region=(entry.country.statistical_region or None) if entry.country else None,
                gender=gender or None,
                onsite=entry.attendance == Attendance.ONSITE,
                confirmed=confirmed,
            )
        )
    return participants


def person_key(person_id: int | None, email: str) -> str:
    """How the criteria recognise one person across proposals (see criteria.Participant)."""
    if person_id is not None:
        return f"p:{person_id}"
    return f"e:{email.strip().lower()}" if email.strip() else ""


def participant_of(row: ProposalPerson) -> Participant:
    region = (row.country.statistical_region or None) if row.country_id and row.country else None
    gender = row.gender if row.gender and row.gender != Gender.PREFER_NOT_TO_SAY else None
    return Participant(
        role=row.role,
        key=person_key(row.person_id, row.email),
        stakeholder_group=row.stakeholder_group or None,
        region=region,
        gender=gender,
        onsite=row.attendance == Attendance.ONSITE,
        confirmed=row.confirmation == Confirmation.CONFIRMED,
    )


@dataclass(frozen=True)
class CallContext:
    """What every proposal of a call is checked against, fetched once."""

    evaluating_body_keys: frozenset[str]
    last_year_keys: frozenset[str]
    # Per speaker key: on how many live proposals of the call they speak, per proposal.
    speaker_proposals: dict[str, set[int]]


def call_context(call: Call) -> CallContext:
    meeting = call.meeting
    body_keys: frozenset[str] = frozenset()
    if meeting.evaluating_body_id is not None:
        body_keys = frozenset(
            f"p:{pid}"
            for pid in Membership.objects.current()
            .filter(body_id=meeting.evaluating_body_id)
            .values_list("person_id", flat=True)
        )
    # Last year's organisers whose session's full report is not on the platform: flagged.
    last_year: set[str] = set()
    reported = hooks.reported_sessions()
    previous = Proposal.objects.filter(
        call__meeting__year=meeting.year - 1, status__in=ACCEPTED_STATUSES
    ).exclude(session_id__in=reported)
    last_year.update(f"p:{pid}" for pid in previous.values_list("proposer_id", flat=True))
    for pid, email in ProposalPerson.objects.filter(
        proposal__in=previous, role=ParticipantRole.ORGANISER
    ).values_list("person_id", "email"):
        key = person_key(pid, email)
        if key:
            last_year.add(key)
    for pid, email in (
        SessionPerson.objects.filter(
            session__meeting__year=meeting.year - 1, role=ParticipantRole.ORGANISER
        )
        .exclude(session_id__in=reported)
        .values_list("person_id", "email")
    ):
        key = person_key(pid, email)
        if key:
            last_year.add(key)
    speakers: dict[str, set[int]] = defaultdict(set)
    for proposal_id, pid, email in ProposalPerson.objects.filter(
        proposal__call=call, proposal__status__in=LIVE_STATUSES, role=ParticipantRole.SPEAKER
    ).values_list("proposal_id", "person_id", "email"):
        key = person_key(pid, email)
        if key:
            speakers[key].add(proposal_id)
    return CallContext(
        evaluating_body_keys=body_keys,
        last_year_keys=frozenset(last_year),
        speaker_proposals=dict(speakers),
    )


def build_facts(
    *,
    context: CallContext,
    proposal_id: int | None,
    proposer_id: int,
    participants: Sequence[Participant],
    previous_report_given: bool,
) -> ProposalFacts:
    proposer_keys = frozenset(
        {f"p:{proposer_id}"}
        | {p.key for p in participants if p.role == ParticipantRole.ORGANISER and p.key}
    )
    other = {
        p.key: len(context.speaker_proposals.get(p.key, set()) - {proposal_id})
        for p in participants
        if p.role == ParticipantRole.SPEAKER and p.key
    }
    return ProposalFacts(
        participants=tuple(participants),
        proposer_keys=proposer_keys,
        evaluating_body_keys=context.evaluating_body_keys,
        had_session_last_year=bool(proposer_keys & context.last_year_keys),
        previous_report_given=previous_report_given,
        other_proposals_as_speaker=other,
    )


def criteria_report(
    proposal: Proposal, people: Iterable[ProposalPerson] | None = None
) -> CriteriaReport:
    rows = list(people) if people is not None else proposal_people(proposal)
    facts = build_facts(
        context=call_context(proposal.call),
        proposal_id=proposal.pk,
        proposer_id=proposal.proposer_id,
        participants=[participant_of(r) for r in rows],
        previous_report_given=bool(proposal.previous_report.strip()),
    )
    return check_proposal(facts, proposal.session_type.rules)


def criteria_reports(call: Call, proposals: Sequence[Proposal]) -> dict[int, CriteriaReport]:
    """The criteria of many proposals of one call, in a constant number of queries."""
    context = call_context(call)
    rows: dict[int, list[ProposalPerson]] = defaultdict(list)
    for row in ProposalPerson.objects.filter(proposal__in=[p.pk for p in proposals]).select_related(
        "country"
    ):
        rows[row.proposal_id].append(row)
    reports = {}
    rules: dict[int, Any] = {}
    for proposal in proposals:
        if proposal.session_type_id not in rules:
            rules[proposal.session_type_id] = proposal.session_type.rules
        facts = build_facts(
            context=context,
            proposal_id=proposal.pk,
            proposer_id=proposal.proposer_id,
            participants=[participant_of(r) for r in rows[proposal.pk]],
            previous_report_given=bool(proposal.previous_report.strip()),
        )
        reports[proposal.pk] = check_proposal(facts, rules[proposal.session_type_id])
    return reports


# --- Diversity of a proposal, and of a set of proposals ---------------------------------------


def subject_of(row: ProposalPerson, newcomer: bool | None = None) -> BalanceSubject:
    """A person named in a proposal as the balance calculator sees them: what the proposer
    declared for the session, which is published only as aggregate figures."""
    country = row.country if row.country_id else None
    gender = row.gender if row.gender and row.gender != Gender.PREFER_NOT_TO_SAY else None
    return BalanceSubject(
        stakeholder_group=row.stakeholder_group or None,
        region=(country.statistical_region or None) if country else None,
        gender=gender,
        developing=country.developing if country else None,
        newcomer=newcomer,
    )


def people_balance(rows: Iterable[ProposalPerson], *, newcomers: bool = False) -> BalanceReport:
    dimensions = (*BALANCE_DIMENSIONS, Dimension.NEWCOMER) if newcomers else BALANCE_DIMENSIONS
    return measure_balance(
        [subject_of(r, getattr(r, "newcomer", None)) for r in rows],
        dimensions=dimensions,
        categories=BALANCE_CATEGORIES,
    )


@dataclass(frozen=True)
class DevelopingFlag:
    """How many of a proposal's organisers come from developing countries."""

    developing: int
    organisers: int

    @property
    def any(self) -> bool:
        return self.developing > 0


def developing_flag(rows: Iterable[ProposalPerson]) -> DevelopingFlag:
    organisers = [r for r in rows if r.role == ParticipantRole.ORGANISER]
    return DevelopingFlag(
        developing=sum(
            1 for r in organisers if r.country_id and r.country and r.country.developing
        ),
        organisers=len(organisers),
    )


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


# --- Ranking and selection ---------------------------------------------------------------------


@dataclass(frozen=True)
class RankingRow:
    proposal: Proposal
    score: ranking.RankedProposal | None
    criteria: CriteriaReport
    developing: DevelopingFlag
    merge_suggestions: tuple[int, ...]


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
        proposal__in=[p.pk for p in proposals], role=ParticipantRole.ORGANISER
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
