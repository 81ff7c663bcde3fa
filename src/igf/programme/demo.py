"""The demo programme: two annual meetings named after the years they take place in
(`demo_years`: this year's is held about 200 days after seeding, so seeded in December 2026
the meetings are IGF 2026, last year's, and IGF 2027).

Last year's (e.g. IGF 2025): its call decided and its results published (its schedule comes
from `igf.schedule.demo`, its reports from `igf.outcomes.demo`).

This year's (e.g. IGF 2026): every session type, themes and policy questions; the main call's results published
(the schedule app then places and publishes the sessions); the call for lightning talks and
networking sessions under review with the selection in progress; the call for Day 0 events
open, with a draft whose organiser has not given last year's report.

Called by `manage.py seed_demo` after the bodies demo (which creates the MAG). Everything is
created in one transaction the first time; a second run finds this year's meeting and changes
nothing.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from django.db import transaction
from django.utils import timezone
from faker import Faker

from igf.bodies.models import Body, Membership
from igf.core.demo import DemoAccount, DemoContext
from igf.core.enums import Gender, StakeholderGroup
from igf.core.models import Country
from igf.people.models import Person, User
from igf.programme import services
from igf.programme.criteria import default_rules
from igf.programme.enums import (
    ACCEPTED_STATUSES,
    Attendance,
    Confirmation,
    Decision,
    Focus,
    ParticipantRole,
    ProposalStatus,
    SessionFormat,
    SessionKind,
    TemplateField,
)
from igf.programme.models import (
    AnnualMeeting,
    Assignment,
    Call,
    CallSessionType,
    PolicyQuestion,
    Proposal,
    ProposalPerson,
    ReviewCriterion,
    Session,
    SessionType,
    Theme,
)
from igf.translations import seeding as translations_demo

THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Trust, security and stability online",
        (
            "How can states and other stakeholders cooperate to protect critical infrastructure?",
            "What makes cybersecurity capacity building last in developing countries?",
            "How should content moderation respect human rights across jurisdictions?",
        ),
    ),
    (
        "Universal and meaningful connectivity",
        (
            "What policies bring affordable access to the next billion users?",
            "How can community networks be sustained and scaled?",
            "How do we measure meaningful, not only basic, connectivity?",
        ),
    ),
    (
        "Governing artificial intelligence and data",
        (
            "Which governance arrangements for AI include the Global South on equal terms?",
            "How can data flow across borders with trust?",
            "What transparency should people expect from automated decisions?",
        ),
    ),
    (
        "Digital rights, inclusion and the environment",
        (
            "How can persons with disabilities shape the design of digital services?",
            "What does a rights-based approach to digital identity look like?",
            "How can the Internet's environmental footprint be reduced?",
        ),
    ),
)

SESSION_TYPES: tuple[tuple[str, bool, list[int]], ...] = (
    (SessionKind.WORKSHOP, True, [60, 90]),
    (SessionKind.OPEN_FORUM, True, [60]),
    (SessionKind.DAY_ZERO, True, [60, 90, 120]),
    (SessionKind.TOWN_HALL, True, [60]),
    (SessionKind.LIGHTNING_TALK, True, [20]),
    (SessionKind.LAUNCH_AWARD, True, [30]),
    (SessionKind.NETWORKING, True, [60]),
    (SessionKind.DYNAMIC_COALITION, True, [60, 90]),
    (SessionKind.BPF_PN, True, [90]),
    (SessionKind.NRI, True, [90]),
    (SessionKind.MAIN, False, [90, 120]),
)
MAIN_CALL_KINDS = (
    SessionKind.WORKSHOP,
    SessionKind.OPEN_FORUM,
    SessionKind.DAY_ZERO,
    SessionKind.TOWN_HALL,
    SessionKind.LAUNCH_AWARD,
    SessionKind.DYNAMIC_COALITION,
    SessionKind.BPF_PN,
    SessionKind.NRI,
)
LATE_CALL_KINDS = (SessionKind.LIGHTNING_TALK, SessionKind.NETWORKING)
# The size of IGF 2026's main call: a real year's 400 to 1,200 proposals, at the low end.
MAIN_CALL_PROPOSALS = 400
# The share of reviewed proposals the MAG accepts: what the demo venue's rooms can hold.
MAIN_CALL_ACCEPTED = 0.2
# In 2026 Day 0 events have a call of their own, open while the schedule of the rest is out.
MAIN_CALL_KINDS_2026 = tuple(k for k in MAIN_CALL_KINDS if k != SessionKind.DAY_ZERO)
DAY_ZERO_KINDS = (SessionKind.DAY_ZERO,)
SLOTS: dict[str, int] = {
    SessionKind.WORKSHOP: 12,
    SessionKind.OPEN_FORUM: 4,
    SessionKind.DAY_ZERO: 3,
    SessionKind.TOWN_HALL: 2,
    SessionKind.LAUNCH_AWARD: 2,
    SessionKind.DYNAMIC_COALITION: 3,
    SessionKind.BPF_PN: 2,
    SessionKind.NRI: 2,
    SessionKind.LIGHTNING_TALK: 8,
    SessionKind.NETWORKING: 4,
}
CRITERIA = (
    ("Relevance to the policy question", "Does the session address the chosen policy questions?"),
    ("Content quality", "Is the description clear, well argued and realistic?"),
    ("Diversity", "Stakeholder groups, regions, genders and newcomers among speakers."),
    ("Interaction and hybrid format", "Do onsite and online participants both take part?"),
)
TOPICS = (
    "community networks in rural areas", "AI audits for public services",
    "cross-border data flows", "child online safety", "multilingual content",
    "submarine cable resilience", "digital public infrastructure", "open source in government",
    "misinformation during elections", "e-waste and circular design", "platform accountability",
    "cybersecurity capacity in small island states", "accessible e-government",
    "youth participation in Internet governance", "satellite broadband policy",
    "digital identity and human rights", "IPv6 deployment", "encryption and lawful access",
    "gender-based violence online", "data protection enforcement in Africa",
)  # fmt: skip
TITLE_PATTERNS = (
    "Lessons from {topic}", "Who decides? {topic}", "{topic}: from principles to practice",
    "Bridging divides through {topic}", "Rethinking {topic}", "{topic} in the Global South",
)  # fmt: skip


def _now() -> datetime:
    return timezone.now().replace(microsecond=0)


# This year's meeting is held this many days after the demo is seeded: its main call is under
# review, a later call open, its schedule out.
DAYS_TO_THIS_YEARS_MEETING = 200


def demo_years(today: date | None = None) -> tuple[int, int]:
    """The years of the demo's two annual meetings: "this year's" is named after the year it
    takes place in (about 200 days after the demo is seeded), "last year's" is the year
    before. The other apps' demos find the meetings by these years (slugs `igf-<year>`)."""
    held = this_years_start(today or timezone.localdate())
    return held.year - 1, held.year


def this_years_start(today: date) -> date:
    """About 200 days from `today`, early enough that its five days end in the same year."""
    start = today + timedelta(days=DAYS_TO_THIS_YEARS_MEETING)
    return min(start, date(start.year, 12, 27))


def _last_years_start(year: int, today: date) -> date:
    """Last year's meeting: in late June, as the IGF usually is, unless that has not passed
    yet (a demo seeded in the summer), then in April; after its call either way."""
    june = date(year, 6, 23)
    return june if june + timedelta(days=30) < today else date(year, 4, 20)


def _mag() -> Body | None:
    return Body.objects.filter(type__slug="mag").order_by("pk").first()


def _meeting(year: int, *, starts: date, evaluating_body: Body | None) -> AnnualMeeting:
    last = year < demo_years()[1]
    meeting = AnnualMeeting.objects.create(
        name=f"IGF {year}",
        slug=f"igf-{year}",
        year=year,
        host_city="Lillestrøm" if last else "Geneva",
        host_country=Country.objects.filter(iso2="NO" if last else "CH").first(),
        timezone="Europe/Oslo" if last else "Europe/Zurich",
        starts=starts,
        ends=starts + timedelta(days=4),
        description=(
            f"The {year} annual meeting of the Internet Governance Forum: sessions onsite and "
            "online, proposed by the community and selected by the MAG."
        ),
        evaluating_body=evaluating_body,
    )
    for order, (name, questions) in enumerate(THEMES, start=1):
        theme = Theme.objects.create(meeting=meeting, name=name, order=order)
        for index, text in enumerate(questions, start=1):
            PolicyQuestion.objects.create(theme=theme, text=text, order=index)
    for order, (kind, proposable, durations) in enumerate(SESSION_TYPES, start=1):
        SessionType.objects.create(
            meeting=meeting,
            kind=kind,
            proposable=proposable,
            durations=durations,
            criteria=default_rules(kind).to_data(),
            order=order,
        )
    return meeting


def _call(
    meeting: AnnualMeeting, title: str, kinds: tuple[str, ...], opens: datetime, closes: datetime
) -> Call:
    call = Call.objects.create(
        meeting=meeting,
        title=title,
        description=(
            "Propose a session for the annual meeting. Drafts save at any time; a proposal is "
            "submitted once it meets the minimum criteria of its session type. The MAG reviews "
            "every proposal blind, on the published criteria."
        ),
        opens=opens,
        closes=closes,
    )
    for order, kind in enumerate(kinds, start=1):
        session_type = meeting.session_types.get(kind=kind)
        fields = list(TemplateField.values)
        if kind in (SessionKind.LIGHTNING_TALK, SessionKind.NETWORKING):
            fields = [
                TemplateField.THEME, TemplateField.DESCRIPTION, TemplateField.ORGANISERS,
                TemplateField.SPEAKERS, TemplateField.DURATION, TemplateField.ACCESSIBILITY,
            ]  # fmt: skip
        CallSessionType.objects.create(
            call=call,
            session_type=session_type,
            fields=fields,
            help_texts={
                TemplateField.FORMAT: "Round tables and debates work best with the hybrid room."
            }
            if kind == SessionKind.WORKSHOP
            else {},
            slots=SLOTS.get(kind),
            order=order,
        )
    for order, (name, description) in enumerate(CRITERIA, start=1):
        ReviewCriterion.objects.create(call=call, name=name, description=description, order=order)
    return call


class _People:
    """Demo participants drawn deterministically, and account-less speakers made up."""

    def __init__(self, rng: random.Random, seed: int, mag: Body | None) -> None:
        self.rng = rng
        self.fake = Faker(["en_US", "fr_FR", "es_MX", "pt_BR", "hi_IN", "sw"])
        self.fake.seed_instance(seed)
        members = set(
            Membership.objects.filter(body=mag).values_list("person_id", flat=True)
            if mag is not None
            else []
        )
        self.people = [
            p
            for p in Person.objects.filter(
                user__email__startswith="person", erased__isnull=True
            ).select_related("country", "user")
            if p.pk not in members
        ]
        self.by_region: dict[str, list[Country]] = {}
        for country in Country.objects.filter(status="member").order_by("iso2"):
            self.by_region.setdefault(country.statistical_region, []).append(country)

    def person(self) -> Person | None:
        return self.rng.choice(self.people) if self.people else None

    def row(
        self,
        proposal: Proposal,
        role: str,
        order: int,
        *,
        group: str,
        region: str,
        gender: str,
        onsite: bool,
        confirmed: bool,
    ) -> None:
        rng = self.rng
        linked = self.person() if rng.random() < 0.4 else None
        if linked is not None and linked.stakeholder_group == group and linked.country:
            name, email, country = linked.display_name, "", linked.country
        else:
            linked = None
            name = self.fake.name()
            email = f"speaker{proposal.call_id}-{proposal.number:03d}-{order}@example.net"
            country = rng.choice(self.by_region.get(region) or self.by_region["african"])
        state = rng.random()
        ProposalPerson.objects.create(
            proposal=proposal,
            role=role,
            person=linked,
            name=name,
            email=email,
            organization_name=self.fake.company() if rng.random() < 0.8 else "",
            stakeholder_group=group,
            country=country,
            gender=gender,
            attendance=Attendance.ONSITE if onsite else Attendance.ONLINE,
            confirmation=Confirmation.CONFIRMED
            if confirmed
            else Confirmation.INVITED
            if state < 0.8
            else Confirmation.DECLINED,
            invited=_now() - timedelta(days=10),
            responded=_now() - timedelta(days=5) if confirmed else None,
            order=order,
        )


def _proposal(
    call: Call,
    session_type: SessionType,
    proposer: Person,
    number: int,
    people: _People,
    *,
    status: str,
    strong: bool = True,
    previous_report: str | None = None,
) -> Proposal:
    rng = people.rng
    topic = rng.choice(TOPICS)
    title = rng.choice(TITLE_PATTERNS).format(topic=topic)
    title = title[0].upper() + title[1:]
    theme = rng.choice(list(call.meeting.themes.all()))
    previous = call.meeting.year - 1
    had_session = Proposal.objects.filter(
        call__meeting__year=previous, proposer=proposer, status__in=ACCEPTED_STATUSES
    ).exists()
    proposal = Proposal.objects.create(
        call=call,
        number=number,
        session_type=session_type,
        proposer=proposer,
        title=title,
        theme=theme,
        description=(
            f"This session brings together practitioners working on {topic} to compare what "
            "has worked, what has not, and why. Speakers from different regions present short "
            "cases; most of the time goes to discussion with the room and online participants."
        ),
        expected_outcomes="A short report with recommendations and a list of open questions.",
        format=rng.choice([f for f in SessionFormat.values if f != SessionFormat.OTHER]),
        interaction=(
            "Online participants take the floor first in each round; an online moderator "
            "relays the chat; questions are collected in advance."
        ),
        sdgs=sorted(rng.sample(range(1, 18), k=rng.randint(1, 3))),
        focus=rng.choice(Focus.values),
        duration=rng.choice(session_type.durations),
        accessibility="Live captions in English; interpretation into French requested.",
        languages=["en", "fr"] if rng.random() < 0.3 else ["en"],
        previous_report=previous_report
        if previous_report is not None
        else f"https://example.org/reports/{previous}/{number}"
        if had_session
        else "",
        status=status,
        submitted=_now() - timedelta(days=rng.randint(1, 20))
        if status != ProposalStatus.DRAFT
        else None,
    )
    proposal.policy_questions.set(rng.sample(list(theme.questions.all()), k=rng.randint(1, 2)))
    own_group = proposer.stakeholder_group or StakeholderGroup.CIVIL_SOCIETY
    ProposalPerson.objects.create(
        proposal=proposal,
        role=ParticipantRole.ORGANISER,
        person=proposer,
        name=proposer.display_name,
        stakeholder_group=own_group,
        country=proposer.country,
        gender=rng.choice([Gender.WOMAN, Gender.MAN]),
        confirmation=Confirmation.CONFIRMED,
        organization_name=people.fake.company(),
    )
    groups = [g for g in StakeholderGroup.values if g != own_group]
    rng.shuffle(groups)
    regions = [r for r in people.by_region if r]
    rng.shuffle(regions)
    genders = [Gender.WOMAN, Gender.MAN, Gender.WOMAN, Gender.NON_BINARY, Gender.MAN]

    def add(role: str, order: int, index: int, *, onsite: bool = True) -> None:
        people.row(
            proposal,
            role,
            order,
            group=groups[index % len(groups)] if strong or index else own_group,
            region=regions[index % len(regions)] if strong else regions[0],
            gender=genders[index % len(genders)] if strong else genders[0],
            onsite=onsite,
            confirmed=strong or role != ParticipantRole.SPEAKER,
        )

    add(ParticipantRole.ORGANISER, 1, 0)
    for index in range(rng.randint(3, 5)):
        add(ParticipantRole.SPEAKER, 2 + index, index + 1, onsite=index < 2 or rng.random() < 0.5)
    add(ParticipantRole.ONSITE_MODERATOR, 9, 2)
    add(ParticipantRole.ONLINE_MODERATOR, 10, 3, onsite=False)
    if rng.random() < 0.6:
        add(ParticipantRole.RAPPORTEUR, 11, 4)
    return proposal


def _reviewers(call: Call, people: _People, mag: Body | None) -> None:
    if mag is not None:
        services.enlist_reviewers(by=None, call=call)
    reviewer = User.objects.filter(email="reviewer@example.org").first()
    if reviewer is not None:
        services.add_reviewer(by=None, call=call, person=reviewer.person)
    # Without a MAG (or with a small one), demo participants from every group review.
    wanted = max(0, 15 - call.reviewers.count())
    by_group: dict[str, list[Person]] = {}
    for person in people.people:
        by_group.setdefault(person.stakeholder_group, []).append(person)
    groups = [g for g in StakeholderGroup.values if by_group.get(g)]
    for index in range(wanted):
        if not groups:
            break
        candidates = by_group[groups[index % len(groups)]]
        services.add_reviewer(by=None, call=call, person=candidates[index % len(candidates)])


def _review_everything(call: Call, rng: random.Random) -> None:
    criteria = list(call.criteria.all())
    leniency: dict[int, float] = {}
    quality: dict[int, float] = {}
    comments = (
        "Strong link to the policy question; the speakers' mix is convincing.",
        "Interesting topic, but the description should say how online participants join.",
        "Well prepared. Consider fewer speakers and more time for the room.",
        "The proposal overlaps with others on the same topic; a merge could help.",
        "The outcomes are vague; say what the session will produce.",
    )
    for assignment in call.proposals.filter(status=ProposalStatus.SUBMITTED).values_list(
        "assignments", flat=True
    ):
        if assignment is None or rng.random() > 0.85:
            continue
        item = Assignment.objects.select_related("proposal__call", "reviewer").get(pk=assignment)
        bias = leniency.setdefault(item.reviewer_id, rng.uniform(-1.0, 1.0))
        merit = quality.setdefault(item.proposal_id, rng.uniform(1.5, 4.5))
        scores = {
            c.pk: max(1, min(5, round(merit + bias + rng.uniform(-0.8, 0.8)))) for c in criteria
        }
        merge_with = None
        if rng.random() < 0.05:
            merge_with = (
                call.proposals.filter(status=ProposalStatus.SUBMITTED)
                .exclude(pk=item.proposal_id)
                .order_by("?")
                .first()
            )
        services.save_review(
            by=item.reviewer.person.user,
            assignment=item,
            scores=scores,
            comment=rng.choice(comments),
            note_to_staff="" if rng.random() < 0.8 else "Known organisers; solid track record.",
            merge_with=merge_with,
        )


def _select_some(call: Call, secretariat: User | None, kind: str = SessionKind.WORKSHOP) -> None:
    """Selection in progress: the best-ranked of a kind ticked, one merge, one rejection."""
    if secretariat is None:
        return
    from igf.programme import queries  # noqa: PLC0415

    rows = [r for r in queries.ranked_proposals(call) if r.score is not None]
    workshops = [r for r in rows if r.proposal.session_type.kind == kind]
    services.set_selection(
        by=secretariat, call=call, selected={r.proposal.pk for r in workshops[:6]}
    )
    if len(workshops) > 8:
        services.record_decision(
            by=secretariat,
            proposal=workshops[7].proposal,
            decision=Decision.ACCEPT_WITH_CHANGES,
            reason="Close in scope to a higher-ranked proposal; the organisers are asked to merge.",
            merge_with=workshops[0].proposal,
        )
        services.record_decision(
            by=secretariat,
            proposal=workshops[-1].proposal,
            decision=Decision.REJECT,
            reason="Ranked last among workshops; the speakers were not confirmed.",
        )


def _last_year(people: _People, mag: Body | None, secretariat: User | None) -> None:
    """Last year's meeting, its call decided and published: sessions some of this year's
    proposers ran."""
    now = _now()
    year, _this = demo_years(now.date())
    meeting = _meeting(year, starts=_last_years_start(year, now.date()), evaluating_body=mag)
    call = _call(
        meeting,
        f"Call for session proposals, IGF {year}",
        MAIN_CALL_KINDS,
        datetime(year, 1, 15, 12, tzinfo=UTC),
        datetime(year, 3, 14, 23, 59, tzinfo=UTC),
    )
    workshop = meeting.session_types.get(kind=SessionKind.WORKSHOP)
    for number in range(1, 13):
        proposer = people.person()
        if proposer is None:
            return
        _proposal(call, workshop, proposer, number, people, status=ProposalStatus.SUBMITTED)
    _reviewers(call, people, mag)
    services.assign_reviewers(by=None, call=call)
    _review_everything(call, people.rng)
    if secretariat is not None:
        from igf.programme import queries  # noqa: PLC0415

        ranked = [r.proposal.pk for r in queries.ranked_proposals(call)][:7]
        services.set_selection(by=secretariat, call=call, selected=set(ranked))
        services.publish_results(by=secretariat, call=call, now=now)


def _this_year(people: _People, mag: Body | None, secretariat: User | None) -> None:
    now = _now()
    _last, year = demo_years(now.date())
    meeting = _meeting(year, starts=this_years_start(now.date()), evaluating_body=mag)
    rng = people.rng
    proposer_account = User.objects.filter(email="proposer@example.org").first()
    main = _call(
        meeting,
        f"Call for session proposals, IGF {year}",
        MAIN_CALL_KINDS_2026,
        now - timedelta(days=120),
        now - timedelta(days=60),
    )
    late = _call(
        meeting,
        f"Call for lightning talks and networking sessions, IGF {year}",
        LATE_CALL_KINDS,
        now - timedelta(days=50),
        now - timedelta(days=5),
    )
    day_zero = _call(
        meeting,
        f"Call for Day 0 events, IGF {year}",
        DAY_ZERO_KINDS,
        now - timedelta(days=10),
        now + timedelta(days=21),
    )
    kinds = {
        t.session_type.kind: t.session_type for t in main.templates.select_related("session_type")
    }
    weights: dict[str, int] = {SessionKind.WORKSHOP: 20}
    choices = [k for k in MAIN_CALL_KINDS_2026 for _ in range(weights.get(k, 2))]
    for number in range(1, MAIN_CALL_PROPOSALS + 1):
        proposer = people.person()
        if proposer is None:
            return
        if number == 1 and proposer_account is not None:
            proposer = proposer_account.person
        kind = rng.choice(choices)
        status = ProposalStatus.WITHDRAWN if rng.random() < 0.05 else ProposalStatus.SUBMITTED
        _proposal(main, kinds[kind], proposer, number, people, status=status)
    _reviewers(main, people, mag)
    services.assign_reviewers(by=None, call=main)
    _review_everything(main, rng)
    _select_main(main, secretariat)

    late_kinds = {
        t.session_type.kind: t.session_type for t in late.templates.select_related("session_type")
    }
    for number in range(1, 17):
        proposer = people.person()
        if proposer is None:
            return
        kind = SessionKind.LIGHTNING_TALK if number % 3 else SessionKind.NETWORKING
        status = ProposalStatus.WITHDRAWN if number in (5, 11) else ProposalStatus.SUBMITTED
        _proposal(late, late_kinds[kind], proposer, number, people, status=status)
    _reviewers(late, people, mag)
    services.assign_reviewers(by=None, call=late)
    _review_everything(late, rng)
    _select_some(late, secretariat, SessionKind.LIGHTNING_TALK)
    _day_zero_proposals(day_zero, people, proposer_account)


def _select_main(call: Call, secretariat: User | None) -> None:
    """The MAG's selection: the best-ranked proposals of each type, one merge, then results."""
    if secretariat is None:
        return
    from igf.programme import queries  # noqa: PLC0415

    rows = [r for r in queries.ranked_proposals(call) if r.score is not None]
    keep = {r.proposal.pk for r in rows[: max(1, round(len(rows) * MAIN_CALL_ACCEPTED))]}
    services.set_selection(by=secretariat, call=call, selected=keep)
    workshops = [
        r
        for r in rows
        if r.proposal.session_type.kind == SessionKind.WORKSHOP and r.proposal.pk not in keep
    ]
    chosen = [r for r in rows if r.proposal.pk in keep]
    if workshops and chosen:
        services.record_decision(
            by=secretariat,
            proposal=workshops[0].proposal,
            decision=Decision.ACCEPT_WITH_CHANGES,
            reason="Close in scope to a higher-ranked proposal; the organisers agreed to merge.",
            merge_with=chosen[0].proposal,
        )
    services.publish_results(by=secretariat, call=call)


def _day_zero_proposals(call: Call, people: _People, proposer_account: User | None) -> None:
    """Drafts and submissions of the open call; one draft comes from an organiser whose
    session last year has no report, and the checklist says so."""
    session_type = call.templates.select_related("session_type").get().session_type
    # The outcomes' demo leaves every third session of IGF 2025 without a report; the proposer
    # of the first of them (the third session) is flagged by the checklist.
    previous, _this = demo_years(_now().date())
    last_year = list(Session.objects.filter(meeting__year=previous).order_by("pk")[:3])
    unreported = (
        Proposal.objects.filter(
            call__meeting__year=previous, status__in=ACCEPTED_STATUSES, session=last_year[2]
        )
        .select_related("proposer")
        .order_by("number")
        .first()
        if len(last_year) == 3
        else None
    )
    for number in range(1, 9):
        proposer = people.person()
        if proposer is None:
            return
        previous_report: str | None = None
        if number == 1 and proposer_account is not None:
            proposer = proposer_account.person
        if number == 2 and unreported is not None:
            proposer, previous_report = unreported.proposer, ""
        status = ProposalStatus.DRAFT if number <= 4 else ProposalStatus.SUBMITTED
        _proposal(
            call,
            session_type,
            proposer,
            number,
            people,
            status=status,
            strong=status != ProposalStatus.DRAFT,
            previous_report=previous_report,
        )


def seed(context: DemoContext) -> list[DemoAccount]:
    """Seed IGF 2025 (published) and IGF 2026 (one call under review, one open); once only."""
    if AnnualMeeting.objects.filter(year=demo_years()[1]).exists():
        return []
    rng = random.Random(context.seed + 50)
    with transaction.atomic():
        mag = _mag()
        people = _People(rng, context.seed + 51, mag)
        secretariat = User.objects.filter(email="secretariat@example.org").first()
        _last_year(people, mag, secretariat)
        _this_year(people, mag, secretariat)
        translations_demo.apply("programme")
    return []
