"""Demo people and organisations: a believable forum, the same on every machine.

Called by `manage.py seed_demo` (igf.core.demo). Everything is keyed on stable e-mail
addresses and slugs, so a second run finds every row and changes nothing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify
from faker import Faker

from igf.core.demo import DemoAccount, DemoContext
from igf.core.enums import Gender, StakeholderGroup, Visibility
from igf.core.models import Country
from igf.people import services
from igf.people.models import Affiliation, Organization, Person, User

PEOPLE = 400
ORGANIZATIONS = 150
DEMO_PASSWORD = "forum-demo-2026"  # noqa: S105 - printed for anyone trying the demo

# Countries drawn for demo people, with a Faker locale whose names fit; every UN regional
# group is present, and developing countries are the majority, as in the real forum.
COUNTRY_LOCALES: tuple[tuple[str, str], ...] = (
    ("NG", "yo_NG"), ("NG", "ig_NG"), ("KE", "en_KE"), ("GH", "tw_GH"), ("ZA", "zu_ZA"),
    ("EG", "ar_AA"), ("DZ", "fr_DZ"), ("TZ", "sw"), ("SN", "fr_FR"), ("RW", "en_KE"),
    ("ET", "en_KE"), ("UG", "en_KE"), ("MA", "ar_AA"), ("CM", "fr_FR"), ("MW", "en_KE"),
    ("IN", "hi_IN"), ("IN", "ta_IN"), ("PK", "en_PK"), ("BD", "bn_BD"), ("NP", "ne_NP"),
    ("CN", "zh_CN"), ("JP", "ja_JP"), ("KR", "ko_KR"), ("ID", "id_ID"), ("VN", "vi_VN"),
    ("TH", "th_TH"), ("SA", "ar_SA"), ("IR", "fa_IR"), ("LK", "si_LK"), ("FJ", "en_NZ"),
    ("PS", "ar_PS"), ("PH", "en_US"), ("LB", "ar_AA"), ("MN", "ru_RU"),
    ("RU", "ru_RU"), ("UA", "uk_UA"), ("PL", "pl_PL"), ("GE", "ka_GE"), ("AM", "hy_AM"),
    ("RO", "ro_RO"), ("CZ", "cs_CZ"), ("HU", "hu_HU"), ("UZ", "uz_UZ"), ("AZ", "az_AZ"),
    ("BR", "pt_BR"), ("MX", "es_MX"), ("AR", "es_AR"), ("CO", "es_CO"), ("CL", "es_CL"),
    ("TT", "en_US"), ("JM", "en_US"), ("CR", "es"), ("PE", "es"), ("HT", "fr_FR"),
    ("US", "en_US"), ("GB", "en_GB"), ("FR", "fr_FR"), ("DE", "de_DE"), ("ES", "es_ES"),
    ("IT", "it_IT"), ("NL", "nl_NL"), ("SE", "sv_SE"), ("CH", "de_CH"), ("CA", "fr_CA"),
    ("AU", "en_GB"), ("NZ", "en_NZ"), ("TR", "tr_TR"), ("IE", "en_IE"),
)  # fmt: skip

GOVERNMENT_BODIES = (
    "Ministry of Communications and Digital Economy",
    "Ministry of Information and Communication Technologies",
    "National Cybersecurity Agency",
    "Communications Regulatory Authority",
    "Data Protection Commission",
)
CIVIL_SOCIETY_PATTERNS = (
    "{word} Digital Rights Foundation",
    "{word} Internet Society Chapter",
    "Centre for {word} Internet and Society",
    "{word} Women in Tech Network",
    "{word} Youth Coalition on Internet Governance",
)
TECHNICAL_PATTERNS = (
    "{country} Network Information Centre",
    "{country} Internet Exchange Point",
    "{country} Research and Education Network",
    "{country} Computer Emergency Response Team",
)
INTERGOVERNMENTAL = (
    "Regional Telecommunications Union",
    "Intergovernmental Digital Development Bank",
    "Commission for Digital Cooperation",
    "Organisation for Information Society Development",
    "Intergovernmental Council on Broadband",
)

ROLE_ACCOUNTS: tuple[tuple[str, str, str], ...] = (
    ("admin@example.org", "Ada Administrator", "administrator"),
    ("secretariat@example.org", "Samira Secretariat", "secretariat"),
    ("chair@example.org", "Chen Chair", "chair of a body"),
    ("member@example.org", "Mariana Member", "member of a body"),
    ("rapporteur@example.org", "Rahul Rapporteur", "rapporteur"),
    ("reviewer@example.org", "Rosa Reviewer", "proposal reviewer"),
    ("moderator@example.org", "Moses Moderator", "moderator"),
    ("proposer@example.org", "Priya Proposer", "session proposer"),
    ("participant@example.org", "Pablo Participant", "participant"),
)


@dataclass
class _Seeded:
    created: int = 0


def _faker(locale: str, seed: int) -> Faker:
    fake = Faker(locale)
    fake.seed_instance(seed)
    return fake


def _stakeholder_group(rng: random.Random) -> str:
    # Roughly the IGF's own participation mix (igf-facts 3.11), every group well present.
    return rng.choices(StakeholderGroup.values, weights=(30, 18, 32, 14, 6), k=1)[0]


def _organizations(context: DemoContext, countries: dict[str, Country]) -> list[Organization]:
    rng = random.Random(context.seed + 1)
    organizations = []
    for index in range(ORGANIZATIONS):
        iso2, locale = COUNTRY_LOCALES[index % len(COUNTRY_LOCALES)]
        country = countries[iso2]
        group = StakeholderGroup.values[index % len(StakeholderGroup.values)]
        fake = _faker(
            locale if group == StakeholderGroup.PRIVATE_SECTOR else "en_US", context.seed + index
        )
        if group == StakeholderGroup.GOVERNMENT:
            name = f"{rng.choice(GOVERNMENT_BODIES)} ({country.name_en})"
        elif group == StakeholderGroup.PRIVATE_SECTOR:
            name = fake.company()
        elif group == StakeholderGroup.CIVIL_SOCIETY:
            name = rng.choice(CIVIL_SOCIETY_PATTERNS).format(word=fake.city())
        elif group == StakeholderGroup.TECHNICAL_COMMUNITY:
            name = rng.choice(TECHNICAL_PATTERNS).format(country=country.name_en)
        else:
            name = f"{rng.choice(INTERGOVERNMENTAL)} {index}"
        slug = slugify(name, allow_unicode=True)[:200] or f"organisation-{index}"
        organization = Organization.objects.filter(slug=slug).first()
        if organization is None:
            organization = services.create_organization(
                by=None,
                name=name,
                country=country,
                stakeholder_group=group,
                website=f"https://{slugify(name)[:40] or index}.example.org",
                listed=index % 15 != 14,  # a few await review, as in real life
            )
        organizations.append(organization)
    return organizations


def _account(email: str, name: str, seeded: _Seeded, password_hash: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create(email=email, password=password_hash)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        person = user.person
        person.display_name = name
        person.save(update_fields=["display_name"])
        seeded.created += 1
    return user


def _people(
    context: DemoContext, countries: dict[str, Country], organizations: list[Organization]
) -> int:
    rng = random.Random(context.seed + 2)
    seeded = _Seeded()
    unusable = make_password(None)
    for index in range(PEOPLE):
        iso2, locale = rng.choice(COUNTRY_LOCALES)
        fake = _faker(locale, context.seed * 1000 + index)
        gender = rng.choices(
            [Gender.WOMAN, Gender.MAN, Gender.NON_BINARY, Gender.PREFER_NOT_TO_SAY, ""],
            weights=(44, 44, 2, 4, 6),
            k=1,
        )[0]
        first = (
            fake.first_name_female()
            if gender == Gender.WOMAN
            else fake.first_name_male()
            if gender == Gender.MAN
            else fake.first_name()
        )
        name = f"{first} {fake.last_name()}"
        group = _stakeholder_group(rng)
        youth = rng.random() < 0.22
        visibility = rng.choice(Visibility.values)
        email = f"person{index:03d}@example.org"
        existed = User.objects.filter(email=email).exists()
        user = _account(email, name, seeded, unusable)
        if existed:
            continue
        Person.objects.filter(user=user).update(
            country=countries[iso2],
            country_visibility=Visibility.PUBLIC if rng.random() < 0.7 else visibility,
            stakeholder_group=group,
            stakeholder_group_visibility=Visibility.PUBLIC if rng.random() < 0.7 else visibility,
            gender=gender,
            gender_visibility=visibility,
            is_youth=youth if rng.random() < 0.8 else None,
            youth_visibility=visibility,
            counted_in_balance=rng.random() < 0.85,
            languages=rng.sample(["ar", "zh-hans", "en", "fr", "ru", "es"], k=rng.randint(1, 3)),
            timezone="",
        )
        candidates = [o for o in organizations if o.stakeholder_group == group] or organizations
        organization = rng.choice(candidates)
        Affiliation.objects.get_or_create(
            person=user.person,
            organization=organization,
            defaults={"position": fake.job()[:150], "listed": rng.random() < 0.6},
        )
    return seeded.created


def seed(context: DemoContext) -> list[DemoAccount]:
    """Seed organisations, ~400 people and one account per role; return the role accounts."""
    with transaction.atomic():
        countries = {c.iso2: c for c in Country.objects.all()}
        organizations = _organizations(context, countries)
        _people(context, countries, organizations)
        secretariat, _ = Group.objects.get_or_create(name=settings.IGF_SECRETARIAT_GROUP)
        seeded = _Seeded()
        password_hash = make_password(DEMO_PASSWORD)
        accounts = []
        for email, name, role in ROLE_ACCOUNTS:
            existed = User.objects.filter(email=email).exists()
            user = _account(email, name, seeded, password_hash)
            if not existed:
                if role == "administrator":
                    user.is_staff = user.is_superuser = True
                    user.save(update_fields=["is_staff", "is_superuser"])
                if role == "secretariat":
                    user.is_staff = True
                    user.save(update_fields=["is_staff"])
                    user.groups.add(secretariat)
                Person.objects.filter(user=user).update(
                    country=countries["CH"]
                    if role in {"administrator", "secretariat"}
                    else countries["KE"],
                    stakeholder_group=StakeholderGroup.CIVIL_SOCIETY,
                    country_visibility=Visibility.PUBLIC,
                    stakeholder_group_visibility=Visibility.PUBLIC,
                )
            accounts.append(DemoAccount(email=email, password=DEMO_PASSWORD, role=role))
    return accounts
