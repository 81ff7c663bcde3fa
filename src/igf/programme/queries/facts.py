"""The facts the minimum criteria and the balance calculator take, fetched in a constant
number of queries however many proposals there are."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from igf.bodies.models import Membership
from igf.core.balance import BalanceReport, BalanceSubject, Dimension, measure_balance
from igf.core.enums import Gender, StakeholderGroup
from igf.core.models import Country
from igf.people.models import Person
from igf.programme import hooks
from igf.programme.criteria import (
    CriteriaReport,
    FacilitatorBalance,
    Participant,
    ProposalFacts,
    check_proposal,
    facilitator_balance,
)
from igf.programme.enums import (
    ACCEPTED_STATUSES,
    Attendance,
    Confirmation,
    ParticipantRole,
)
from igf.programme.models import (
    Call,
    Proposal,
    ProposalPerson,
    SessionPerson,
)
from igf.programme.queries.calls import LIVE_STATUSES, proposal_people

BALANCE_DIMENSIONS = (
    Dimension.STAKEHOLDER_GROUP,
    Dimension.REGION,
    Dimension.GENDER,
    Dimension.DEVELOPING,
)
BALANCE_CATEGORIES = {Dimension.STAKEHOLDER_GROUP: StakeholderGroup.values}


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


FACILITATOR_ROLES = (
    ParticipantRole.ORGANISER,
    ParticipantRole.ONSITE_MODERATOR,
    ParticipantRole.ONLINE_MODERATOR,
)


def facilitators_of(rows: Iterable[ProposalPerson], target_percent: int) -> FacilitatorBalance:
    """The balance of a proposal's facilitators (organisers and moderators, `rows` with
    their countries) against its session type's developing-country target."""
    return facilitator_balance(
        [
            bool(r.country_id and r.country and r.country.developing)
            for r in rows
            if r.role in FACILITATOR_ROLES
        ],
        target_percent,
    )


def developing_flag(rows: Iterable[ProposalPerson]) -> DevelopingFlag:
    organisers = [r for r in rows if r.role == ParticipantRole.ORGANISER]
    return DevelopingFlag(
        developing=sum(
            1 for r in organisers if r.country_id and r.country and r.country.developing
        ),
        organisers=len(organisers),
    )
