"""The funding of the demo forum: the multi-donor trust fund with 12 donors over five years
(cash in USD, EUR and CHF, and in kind), the host country's contribution, budgets, and
expenditure that keeps the books balanced; two finance accounts (one records, one approves);
travel support from the Global South Fund (last year's awards paid, every fifth trip report
missing; this year's call with 200 scored applications and the optimiser's awards) and an
open call for NRI grants.

Donors are made-up organisations of the directory; the amounts are illustrative, not the real
fund's (the per-donor figures after 2019 are not public, see igf-facts.md 7.9).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from moneyed import Money

from igf.core.demo import DemoAccount, DemoContext
from igf.core.enums import StakeholderGroup
from igf.core.models import Country
from igf.funding import services, support
from igf.funding.enums import ApplicationStatus, CallKind, Category, EntryKind, FundKind
from igf.funding.models import Application, Award, Budget, Donor, Fund, SupportCall
from igf.funding.rules import FINANCE_GROUP
from igf.people.demo import DEMO_PASSWORD
from igf.people.models import Organization, User

G = StakeholderGroup
DONORS: tuple[tuple[str, str, str, str], ...] = (
    ("Ministry of Foreign Affairs of Norvalia", "NO", G.GOVERNMENT, "NOK"),
    ("Federal Office of Communications of Helvetia", "CH", G.GOVERNMENT, "CHF"),
    ("Digital Ministry of Germania", "DE", G.GOVERNMENT, "EUR"),
    ("Department of Commerce of Columbia", "US", G.GOVERNMENT, "USD"),
    ("Ministry of Internal Affairs and Communications of Nippon", "JP", G.GOVERNMENT, "USD"),
    ("European Commission Directorate for Networks", "BE", G.INTERGOVERNMENTAL, "EUR"),
    ("Regional Internet Registry for Europe", "NL", G.TECHNICAL_COMMUNITY, "EUR"),
    ("Domain Name Registry Association", "US", G.TECHNICAL_COMMUNITY, "USD"),
    ("Global Search Company", "US", G.PRIVATE_SECTOR, "USD"),
    ("Telecom Operators Association", "FR", G.PRIVATE_SECTOR, "EUR"),
    ("Open Internet Foundation", "CH", G.CIVIL_SOCIETY, "CHF"),
    ("Internet Society Chapter Alliance", "KE", G.CIVIL_SOCIETY, "USD"),
)
# Rates to USD per year (illustrative, entered with each transaction as the books require).
RATES = {
    "USD": Decimal(1),
    "EUR": Decimal("1.0850"),
    "CHF": Decimal("1.1120"),
    "NOK": Decimal("0.0935"),
}
YEARS = (2021, 2022, 2023, 2024, 2025)
FINANCE_ACCOUNTS = (
    ("finance@example.org", "Farida Finance", "finance (records)"),
    ("treasurer@example.org", "Tomas Treasurer", "finance (approves)"),
)


def _finance_users() -> tuple[list[User], list[DemoAccount]]:
    group, _ = Group.objects.get_or_create(name=FINANCE_GROUP)
    users = []
    for email, name, _role in FINANCE_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create(email=email, password=make_password(DEMO_PASSWORD))
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            user.person.display_name = name
            user.person.save(update_fields=["display_name"])
        user.groups.add(group)
        users.append(user)
    return users, [DemoAccount(email, DEMO_PASSWORD, role) for email, _n, role in FINANCE_ACCOUNTS]


def _donors(since: dt.date) -> list[tuple[Donor, str]]:
    countries = {c.iso2: c for c in Country.objects.filter(iso2__in={d[1] for d in DONORS})}
    donors = []
    for index, (name, iso2, group, currency) in enumerate(DONORS):
        organization, _ = Organization.objects.get_or_create(
            slug=f"donor-{index + 1}",
            defaults={
                "name": name,
                "country": countries.get(iso2),
                "stakeholder_group": group,
                "listed": True,
            },
        )
        donor, _ = Donor.objects.get_or_create(organization=organization, defaults={"since": since})
        donors.append((donor, currency))
    return donors


def build(context: DemoContext) -> list[DemoAccount]:
    rng = random.Random(context.seed + 90)
    (clerk, approver), accounts = _finance_users()
    fund = Fund.objects.create(
        name="IGF Trust Fund",
        slug="trust-fund",
        kind=FundKind.TRUST_FUND,
        description="The multi-donor trust fund of the forum's secretariat.",
        iati_identifier="XI-IATI-IGF-TF",
        start=dt.date(YEARS[0], 1, 1),
        approval_threshold=Decimal(50000),
    )
    donors = _donors(dt.date(YEARS[0], 1, 1))
    for year in YEARS:
        Budget.objects.create(fund=fund, year=year, amount=Decimal(1_800_000), committed=True)
        rate_day = dt.date(year, 2, 1)
        for index, (donor, currency) in enumerate(donors):
            if rng.random() < 0.2:
                continue  # not every donor gives every year
            on = dt.date(year, 2 + index % 10, 1 + index)
            usd = Decimal(rng.randrange(20, 260) * 1000)
            amount = (usd / RATES[currency]).quantize(Decimal(1000))
            if year == YEARS[-1] and index < 3:
                services.record_pledge(
                    by=clerk, fund=fund, donor=donor, amount=Money(amount, currency), on=rate_day
                )
                services.record_agreement(by=clerk, fund=fund, donor=donor,
                                          reference=f"TF-{year}-{index + 1:02d}",
                                          amount=Money(amount, currency), signed=rate_day)  # fmt: skip
            entry = services.record_entry(
                by=clerk, fund=fund, kind=EntryKind.CASH, on=on,
                amount=Money(amount, currency), rate=RATES[currency], rate_date=rate_day,
                description=f"Contribution {year}", donor=donor,
            )  # fmt: skip
            if not entry.posted:
                services.approve_entry(by=approver, entry=entry)
        in_kind_donor = donors[6 + year % 4][0]
        services.record_entry(
            by=clerk, fund=fund, kind=EntryKind.IN_KIND, on=dt.date(year, 6, 1),
            amount=Money(Decimal(rng.randrange(10, 40) * 1000), "USD"), rate=Decimal(1),
            rate_date=dt.date(year, 6, 1), category=Category.LANGUAGES,
            description="Real-time captioning of the annual meeting", donor=in_kind_donor,
        )  # fmt: skip
        _spend(clerk, approver, fund, year, rng)
    host = Country.objects.filter(iso2="NO").first()
    if host is not None:
        entry = services.record_entry(
            by=clerk, fund=fund, kind=EntryKind.CASH, on=dt.date(2025, 5, 15),
            amount=Money(Decimal(3_000_000), "NOK"), rate=RATES["NOK"],
            rate_date=dt.date(2025, 5, 1), host_country=host,
            description="Host country contribution to the annual meeting",
        )  # fmt: skip
        if not entry.posted:
            services.approve_entry(by=approver, entry=entry)
    return accounts


SPENDING = (
    (Category.STAFF, Decimal("0.45"), "Secretariat staff"),
    (Category.MEETINGS, Decimal("0.15"), "Annual meeting logistics"),
    (Category.TRAVEL, Decimal("0.15"), "Travel support for participants"),
    (Category.LANGUAGES, Decimal("0.05"), "Interpretation"),
    (Category.NRI_GRANTS, Decimal("0.08"), "Grants to national and regional initiatives"),
    (Category.OTHER, Decimal("0.02"), "Website hosting"),
)
RECIPIENTS = ("KE", "NP", "FJ", "BO", "AM")


def _spend(clerk: User, approver: User, fund: Fund, year: int, rng: random.Random) -> None:
    """About nine tenths of what the fund holds, spread over the year by category."""
    held = services.cash_held(fund)
    for month, (category, share, label) in enumerate(SPENDING, start=6):
        amount = (held * share * Decimal("0.98")).quantize(Decimal(1))
        if amount <= 0:
            continue
        recipient = None
        if category in (Category.TRAVEL, Category.NRI_GRANTS):
            recipient = Country.objects.filter(iso2=rng.choice(RECIPIENTS)).first()
        entry = services.record_entry(
            by=clerk, fund=fund, kind=EntryKind.EXPENDITURE, on=dt.date(year, month, 20),
            amount=Money(amount, "USD"), rate=Decimal(1), rate_date=dt.date(year, month, 20),
            category=category, description=label, recipient_country=recipient,
        )  # fmt: skip
        if not entry.posted:
            services.approve_entry(by=approver, entry=entry)


ELIGIBLE = ("NP", "BD", "ET", "KE", "FJ", "BO", "AM", "SN", "HT", "MN", "UG", "LA", "JM", "KG")
GENDERS = ("woman", "woman", "man", "man", "man", "non_binary", "")
GROUPS = ("civil_society", "civil_society", "technical_community", "government", "private_sector")


def _applicants(count: int, password_hash: str) -> list[User]:
    users = list(
        User.objects.filter(is_staff=False, is_superuser=False, groups=None).order_by("pk")[:count]
    )
    for index in range(len(users), count):
        email = f"applicant{index + 1}@example.org"
        user = User.objects.filter(email=email).first() or User.objects.create(
            email=email, password=password_hash
        )
        users.append(user)
    return users


def _call(fund: Fund, year: int, kind: str, **dates: dt.date) -> SupportCall:
    titles: dict[str, str] = {
        CallKind.TRAVEL: f"Travel support for IGF {year}",
        CallKind.NRI: f"Grants to national and regional initiatives {year}",
    }
    return SupportCall.objects.create(
        fund=fund, kind=kind, title=titles[kind], slug=f"{kind}-{year}",
        criteria=CRITERIA, budget=Decimal(120000 if kind == CallKind.TRAVEL else 60000),
        max_award=Decimal(3000 if kind == CallKind.TRAVEL else 12000),
        balance_targets=[
            {"dimension": "gender", "category": "woman", "minimum": 0.4},
            {"dimension": "region", "category": "african", "minimum": 0.25},
        ] if kind == CallKind.TRAVEL else [],
        **dates,
    )  # fmt: skip


CRITERIA = """Travel support goes to people who live in a least developed country, a landlocked
developing country, a small island developing state or an economy in transition, and who are
**active contributors** to the forum's work (organising, speaking, moderating or reporting in a
session; a member of an NRI, a dynamic coalition, a best practice forum or a policy network).

- Priority: people asking for partial funding, and people never funded before.
- Preferences, with published weights: women, youth, persons with disabilities, indigenous people.
- A recommendation by a respected member of the community.
- Anyone funded before must have filed the trip report of the last award."""


def _applications(call: SupportCall, users: list[User], rng: random.Random) -> None:
    countries = list(Country.objects.filter(iso2__in=ELIGIBLE))
    for user in users:
        Application.objects.create(
            call=call, applicant=user, status=ApplicationStatus.SUBMITTED,
            country=rng.choice(countries), stakeholder_group=rng.choice(GROUPS),
            gender=rng.choice(GENDERS), partial=rng.random() < 0.3,
            preferences=["youth"] if rng.random() < 0.25 else [],
            amount=Decimal(rng.choice((1500, 2000, 2500, 3000))),
            motivation="I coordinate our national IGF and want to bring its messages.",
            give_back="A report to our community and a session at our national IGF.",
            recommender_name="A community member", recommender_email="mentor@example.org",
            score=Decimal(rng.randrange(300, 1000)) / 100,
            recommendation_confirmed=dt.datetime.combine(call.closes, dt.time(12), tzinfo=dt.UTC),
            submitted=dt.datetime.combine(call.closes, dt.time(12), tzinfo=dt.UTC),
        )  # fmt: skip


def build_support(context: DemoContext, clerk: User) -> None:
    """The Global South Fund, last year's call (awards paid, some trip reports missing), this
    year's call with 200 scored applications and its awards, and an open NRI grants call."""
    rng = random.Random(context.seed + 91)
    secretariat = User.objects.filter(is_superuser=True).order_by("pk").first()
    if secretariat is None:
        return
    fund = Fund.objects.create(
        name="Global South Fund", slug="global-south-fund", kind=FundKind.PARTICIPANT_SUPPORT,
        description="Support for participants from developing countries, set up in 2019.",
        iati_identifier="XI-IATI-IGF-GSF", start=dt.date(2019, 1, 1),
        approval_threshold=Decimal(500000),
    )  # fmt: skip
    donor = Donor.objects.get(organization__slug="donor-1")
    services.record_entry(
        by=clerk, fund=fund, kind=EntryKind.CASH, on=dt.date(2025, 1, 20),
        amount=Money(Decimal(4_000_000), "NOK"), rate=RATES["NOK"], rate_date=dt.date(2025, 1, 15),
        description="Contribution to participant support", donor=donor,
    )  # fmt: skip
    users = _applicants(240, make_password(DEMO_PASSWORD))
    past = _call(
        fund, 2025, CallKind.TRAVEL, opens=dt.date(2025, 1, 15), closes=dt.date(2025, 2, 17)
    )
    _applications(past, users[200:240], rng)
    support.decide_awards(by=secretariat, call=past, reason="Highest scores within the budget.")
    for index, award in enumerate(Award.objects.filter(application__call=past).order_by("pk")):
        support.pay_award(by=clerk, award=award, on=dt.date(2025, 5, 1))
        if index % 5 != 4:  # every fifth trip report is missing
            support.file_trip_report(
                by=award.application.applicant, award=award,
                text="I reported back to our national IGF and ran a workshop.",
            )  # fmt: skip
    current = _call(
        fund, 2026, CallKind.TRAVEL, opens=dt.date(2026, 1, 15), closes=dt.date(2026, 2, 17)
    )
    _applications(current, users[:200], rng)
    support.decide_awards(
        by=secretariat, call=current, reason="Highest scores, balanced by region and gender."
    )
    _call(fund, 2026, CallKind.NRI, opens=dt.date(2026, 3, 1), closes=dt.date(2026, 12, 31))


def seed(context: DemoContext) -> list[DemoAccount]:
    """The trust fund and its books, and travel support; once only."""
    if Fund.objects.filter(slug="trust-fund").exists():
        return [DemoAccount(e, DEMO_PASSWORD, r) for e, _n, r in FINANCE_ACCOUNTS]
    with transaction.atomic():
        accounts = build(context)
        build_support(context, User.objects.get(email=FINANCE_ACCOUNTS[0][0]))
    return accounts
