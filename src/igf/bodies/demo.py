"""Demo bodies: a MAG of 40 (slightly unbalanced, members in their 1st to 3rd terms), BPFs,
Dynamic Coalitions (some without their annual report), Policy Networks with their working
groups, 60 NRIs, and an open MAG renewal call with 30 nominations. Idempotent by slug."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import cast

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from igf.bodies.enums import CallStatus, InitiativeKind, MilestoneStatus, NominationStatus, Role
from igf.bodies.models import (
    AnnualReport,
    Body,
    BodyType,
    Call,
    CompositionTarget,
    Membership,
    Milestone,
    Nomination,
    Subscription,
    TermsOfReference,
)
from igf.bodies.services.registry import check_requirements
from igf.core.demo import DemoAccount, DemoContext
from igf.core.enums import StakeholderGroup
from igf.core.models import Country
from igf.people.models import Person
from igf.translations import seeding as translations_demo

MAG_TERMS_V1 = """## Mandate
The Multistakeholder Advisory Group advises the Secretary-General on the programme and schedule
of the annual meeting of the Internet Governance Forum.

## Composition
Members come from governments, the private sector, civil society and the technical community,
with due regard to regional and gender balance. They serve in their personal capacity.

## Terms
Members are appointed for one year, renewable for two further years.
"""
MAG_TERMS_V2 = (
    MAG_TERMS_V1.replace(
        "with due regard to regional and gender balance.",
        "with due regard to regional balance, gender parity and the participation of developing "
        "countries. Governments hold at most 40 per cent of the seats.",
    )
    + """
## Working methods
Meetings are open to observers unless the group decides otherwise. Decisions are taken by rough
consensus; the range of views is recorded where there is none.
"""
)

BPFS = ("Cybersecurity", "Gender and Digital Rights", "Local Content", "Data Governance")
DCS = (
    "Accessibility and Disability",
    "Child Online Safety",
    "Internet Rights and Principles",
    "Community Connectivity",
    "Blockchain Technologies",
    "Small Island Developing States",
    "Gender and Internet Governance",
    "Schools of Internet Governance",
    "Network Neutrality",
    "Public Access in Libraries",
    "Core Internet Values",
    "Internet of Things",
    "Platform Responsibility",
    "Data-Driven Health Technologies",
    "Environment",
    "Connecting the Unconnected",
    "Open Education",
    "Digital Economy and Trade",
    "Internet Standards, Security and Safety",
    "Youth Coalition on Internet Governance",
)
PNS = ("Meaningful Access", "Artificial Intelligence")
REGIONAL_NRIS = (
    ("African Internet Governance Forum", "Africa"),
    ("Asia Pacific Regional IGF", "Asia-Pacific"),
    ("EuroDIG", "Europe"),
    ("Latin American and Caribbean IGF", "Latin America and the Caribbean"),
    ("Arab IGF", "Arab region"),
    ("South Eastern European Dialogue on Internet Governance", "South Eastern Europe"),
    ("Caribbean IGF", "Caribbean"),
    ("Pacific IGF", "Pacific"),
)


def _type(slug: str) -> BodyType:
    return BodyType.objects.get(slug=slug)


def _body(slug: str, **values: object) -> tuple[Body, bool]:
    existing = Body.objects.filter(slug=slug).first()
    if existing is not None:
        return existing, False
    body_type = cast(BodyType, values["type"])
    values.setdefault("membership_open", body_type.has_open_membership)
    values.setdefault("list_open", body_type.has_open_membership)
    return Body.objects.create(slug=slug, **values), True


def _people_by_group(rng: random.Random) -> dict[str, list[Person]]:
    people = list(
        Person.objects.filter(user__email__startswith="person", erased__isnull=True)
        .select_related("country")
        .order_by("pk")
    )
    rng.shuffle(people)
    groups: dict[str, list[Person]] = {}
    for person in people:
        groups.setdefault(person.stakeholder_group or StakeholderGroup.CIVIL_SOCIETY, []).append(
            person
        )
    return groups


def _demo_person(email: str) -> Person | None:
    return Person.objects.filter(user__email=email).first()


def _mag(rng: random.Random, groups: dict[str, list[Person]], today: date) -> Body:
    mag, created = _body(
        "mag",
        type=_type("mag"),
        name="Multistakeholder Advisory Group",
        acronym="MAG",
        summary="Advises on the programme and schedule of the annual meeting.",
        description=(
            "The MAG is the forum's programme committee: its members, appointed by the "
            "Secretary-General, set the annual meeting's themes, select its sessions and steer "
            "the intersessional work."
        ),
        target_size_min=40,
        target_size_max=50,
        term_months=12,
        max_consecutive_terms=3,
        turnover_target=Decimal("0.33"),
        has_open_archives=True,
        established=date(2006, 5, 17),
    )
    if not created:
        return mag
    CompositionTarget.objects.create(
        body=mag,
        dimension="stakeholder_group",
        category="government",
        maximum=Decimal("0.40"),
        hard=True,
    )
    for group in ("civil_society", "private_sector", "technical_community"):
        CompositionTarget.objects.create(
            body=mag, dimension="stakeholder_group", category=group, minimum=Decimal("0.18")
        )
    CompositionTarget.objects.create(
        body=mag, dimension="gender", category="woman", minimum=Decimal("0.45")
    )
    TermsOfReference.objects.create(
        body=mag,
        version=1,
        text=MAG_TERMS_V1,
        adopted_on=date(2016, 3, 1),
        adopted_by="MAG meeting of 1 March 2016",
    )
    TermsOfReference.objects.create(
        body=mag,
        version=2,
        text=MAG_TERMS_V2,
        adopted_on=date(2024, 2, 20),
        adopted_by="MAG meeting of 20 February 2024, decision 2024/03",
    )
    # Slightly unbalanced: 14 governments, 11 civil society, 8 private sector, 7 technical.
    mix = {"government": 14, "civil_society": 11, "private_sector": 8, "technical_community": 7}
    year_start = date(today.year, 1, 1)
    seat = 0
    for group, count in mix.items():
        for person in groups.get(group, [])[:count]:
            terms = 1 + seat % 3  # members in their 1st, 2nd and 3rd terms
            for back in range(terms - 1, -1, -1):
                start = date(year_start.year - back, 1, 1)
                Membership.objects.create(
                    body=mag,
                    person=person,
                    role=Role.MEMBER,
                    start=start,
                    end=date(start.year, 12, 31),
                    stakeholder_group=group,
                )
            seat += 1
    roles = (
        ("chair@example.org", Role.CHAIR),
        ("member@example.org", Role.MEMBER),
        ("rapporteur@example.org", Role.RAPPORTEUR),
        ("reviewer@example.org", Role.MEMBER),
        ("secretariat@example.org", Role.SECRETARIAT_LIAISON),
    )
    for email, role in roles:
        lead = _demo_person(email)
        if lead is not None:
            Membership.objects.create(
                body=mag,
                person=lead,
                role=role,
                start=year_start,
                end=date(year_start.year, 12, 31),
                stakeholder_group=StakeholderGroup.CIVIL_SOCIETY,
            )
    for membership in mag.memberships.current(today):
        Subscription.objects.get_or_create(body=mag, person=membership.person)
    Milestone.objects.create(
        body=mag,
        title="Call for session proposals opens",
        due=date(today.year, 3, 1),
        status=MilestoneStatus.DONE,
    )
    Milestone.objects.create(
        body=mag,
        title="Evaluation of proposals completed",
        due=date(today.year, 6, 15),
        status=MilestoneStatus.DONE,
    )
    Milestone.objects.create(body=mag, title="Annual meeting", due=date(today.year, 12, 8))
    return mag


def _open_bodies(rng: random.Random, groups: dict[str, list[Person]], today: date) -> None:
    everyone = [p for members in groups.values() for p in members]
    for index, topic in enumerate(BPFS):
        body, created = _body(
            f"bpf-{slugify(topic)}",
            type=_type("bpf"),
            name=f"Best Practice Forum on {topic}",
            acronym=f"BPF {topic.split()[0]}",
            themes=topic,
            has_open_archives=True,
            summary=f"Collects and discusses best practices on {topic.lower()}.",
            established=date(today.year - 1 - index % 3, 4, 1),
        )
        if created:
            _members(body, rng.sample(everyone, 18), today, leads=2)
            Milestone.objects.create(
                body=body,
                title="Call for input",
                due=today - timedelta(days=120),
                status=MilestoneStatus.DONE,
            )
            Milestone.objects.create(
                body=body,
                title="Draft output published for comment",
                due=today - timedelta(days=10),
                status=MilestoneStatus.IN_PROGRESS,
            )
            Milestone.objects.create(
                body=body, title="Final output", due=today + timedelta(days=40)
            )
    for index, topic in enumerate(DCS):
        body, created = _body(
            f"dc-{slugify(topic)}",
            type=_type("dc"),
            name=f"Dynamic Coalition on {topic}",
            themes=topic,
            has_open_archives=index % 4 != 0,
            established=date(2010 + index % 12, 6, 1),
        )
        if created:
            _members(body, rng.sample(everyone, 6 + index % 5), today, leads=1)
            # Most filed last year's report; every fifth did not, and is flagged inactive.
            if index % 5 != 3:
                AnnualReport.objects.create(
                    body=body,
                    year=today.year - 1,
                    text=f"The coalition met {3 + index % 4} times in {today.year - 1}.",
                )
    for topic in PNS:
        network, created = _body(
            f"pn-{slugify(topic)}",
            type=_type("pn"),
            name=f"Policy Network on {topic}",
            themes=topic,
            has_open_archives=True,
            established=date(today.year - 2, 5, 1),
        )
        mwg, mwg_created = _body(
            f"pn-{slugify(topic)}-mwg",
            type=_type("pn-mwg"),
            parent=network,
            name=f"Multistakeholder Working Group of the Policy Network on {topic}",
            target_size_min=15,
            target_size_max=25,
            term_months=12,
            max_consecutive_terms=2,
            one_representative_per_organization=True,
        )
        if created:
            _members(network, rng.sample(everyone, 25), today, leads=0)
        if mwg_created:
            _members(mwg, rng.sample(everyone, 20), today, leads=2)
            for group in StakeholderGroup.values[:4]:
                CompositionTarget.objects.create(
                    body=mwg, dimension="stakeholder_group", category=group, minimum=Decimal("0.20")
                )


def _members(body: Body, people: list[Person], today: date, *, leads: int) -> None:
    start = body.established or date(today.year, 1, 1)
    for index, person in enumerate(people):
        role = Role.CO_FACILITATOR if index < leads else Role.MEMBER
        Membership.objects.create(
            body=body,
            person=person,
            role=role,
            start=start,
            stakeholder_group=person.stakeholder_group,
        )
        if body.type.has_mailing_list:
            Subscription.objects.get_or_create(body=body, person=person)


def _nris(rng: random.Random, groups: dict[str, list[Person]], today: date) -> None:
    everyone = [p for members in groups.values() for p in members]
    countries = list(Country.objects.filter(status="member").order_by("iso2"))
    random.Random(len(countries)).shuffle(countries)
    chosen = countries[:48]
    nri_type = _type("nri")
    for name, region in REGIONAL_NRIS:
        body, created = _body(
            slugify(name),
            type=nri_type,
            name=name,
            region=region,
            initiative_kind=InitiativeKind.REGIONAL,
            contact_email=f"secretariat@{slugify(name)}.example.org",
            established=date(2008 + len(name) % 10, 1, 1),
        )
        if created:
            _members(body, rng.sample(everyone, 7), today, leads=1)
            AnnualReport.objects.create(body=body, year=today.year - 1, text="Annual meeting held.")
    for index, country in enumerate(chosen):
        youth = index % 12 == 11
        name = f"{'Youth IGF' if youth else 'IGF'} {country.name_en}"
        body, created = _body(
            slugify(name),
            type=nri_type,
            name=name,
            country=country,
            initiative_kind=InitiativeKind.YOUTH if youth else InitiativeKind.NATIONAL,
            contact_email=f"contact@{slugify(name)}.example.org",
            established=date(2010 + index % 14, 1, 1),
        )
        if created:
            # Some organising committees span too few stakeholder groups, as in real life.
            pool = (
                everyone
                if index % 9
                else [p for p in everyone if p.stakeholder_group == "civil_society"]
            )
            _members(body, rng.sample(pool, 5), today, leads=1)
            if index % 7 != 4:
                AnnualReport.objects.create(
                    body=body, year=today.year - 1, text="Annual meeting held."
                )


def _renewal_call(
    rng: random.Random, groups: dict[str, list[Person]], mag: Body, today: date
) -> None:
    if mag.calls.exists():
        return
    now = timezone.now()
    call = Call.objects.create(
        body=mag,
        title=f"MAG renewal {today.year + 1}",
        description="Nominations for the seats of members whose terms end this year.",
        criteria=(
            "- Expertise in Internet governance and a track record in the IGF process\n"
            "- Balance of stakeholder groups, regions and gender; priority to developing countries\n"
            "- Commitment to attend the meetings (about 5 hours a month)"
        ),
        seats=14,
        opens=now - timedelta(days=20),
        closes=now + timedelta(days=25),
        term_start=date(today.year + 1, 1, 1),
        term_end=date(today.year + 1, 12, 31),
        status=CallStatus.OPEN,
    )
    members = set(mag.memberships.values_list("person_id", flat=True))
    everyone = [p for ps in groups.values() for p in ps if p.pk not in members and p.country_id]
    for person in rng.sample(everyone, 30):
        country = person.country
        if country is None:
            continue
        Nomination.objects.create(
            call=call,
            nominee=person,
            nominated_by=person,
            stakeholder_group=person.stakeholder_group,
            country=country,
            expertise="Ten years of work on connectivity and digital rights.",
            motivation="To bring the voice of my region to the programme.",
            status=NominationStatus.CANDIDATE,
        )


def seed(context: DemoContext) -> list[DemoAccount]:
    rng = random.Random(context.seed + 30)
    today = timezone.localdate()
    with transaction.atomic():
        groups = _people_by_group(rng)
        if not groups:
            return []
        # Each part draws from its own generator, so a second run (which creates nothing and
        # so draws less) still makes the same choices and finds every row.
        mag = _mag(random.Random(context.seed + 31), groups, today)
        _open_bodies(random.Random(context.seed + 32), groups, today)
        _nris(random.Random(context.seed + 33), groups, today)
        _renewal_call(random.Random(context.seed + 34), groups, mag, today)
        translations_demo.apply("bodies")
        # The registry shows which requirements each body does not meet, as the periodic
        # check (send_body_reminders) keeps it; none is marked inactive on the first check.
        check_requirements(today=today)
    return []
