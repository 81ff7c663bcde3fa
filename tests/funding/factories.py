"""Funds, donors and finance people for the funding tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import Group
from moneyed import Money

from igf.core.enums import StakeholderGroup
from igf.funding import services
from igf.funding.enums import EntryKind, FundKind
from igf.funding.models import Donor, Entry, Fund
from igf.funding.rules import FINANCE_GROUP
from igf.people.models import User
from tests.factories import OrganizationFactory, UserFactory, country

DAY = dt.date(2025, 3, 1)


def finance_user(name: str = "Farid Finance") -> User:
    user = UserFactory.create(display_name=name)
    group, _ = Group.objects.get_or_create(name=FINANCE_GROUP)
    user.groups.add(group)
    return user


def make_fund(slug: str = "trust-fund", threshold: int = 10000, **kwargs: Any) -> Fund:
    defaults: dict[str, Any] = {
        "name": "IGF Trust Fund",
        "kind": FundKind.TRUST_FUND,
        "iati_identifier": f"XI-IATI-IGF-{slug}",
        "start": dt.date(2021, 1, 1),
        "approval_threshold": Decimal(threshold),
    }
    defaults.update(kwargs)
    return Fund.objects.create(slug=slug, **defaults)


def make_donor(
    name: str = "Ministry of Digital Affairs",
    group: str = StakeholderGroup.GOVERNMENT,
    iso2: str = "NO",
) -> Donor:
    organization = OrganizationFactory.create(
        name=name, stakeholder_group=group, country=country(iso2)
    )
    return Donor.objects.create(organization=organization, since=dt.date(2020, 1, 1))


def contribute(
    by: User,
    fund: Fund,
    donor: Donor,
    amount: str,
    currency: str = "USD",
    rate: str = "1",
    on: dt.date = DAY,
    kind: str = EntryKind.CASH,
) -> Entry:
    return services.record_entry(
        by=by,
        fund=fund,
        kind=kind,
        on=on,
        amount=Money(Decimal(amount), currency),
        rate=Decimal(rate),
        rate_date=on,
        description="Contribution",
        donor=donor,
        category="meetings" if kind == EntryKind.IN_KIND else "",
    )


def spend(by: User, fund: Fund, amount: str, category: str = "staff", on: dt.date = DAY) -> Entry:
    return services.record_entry(
        by=by,
        fund=fund,
        kind=EntryKind.EXPENDITURE,
        on=on,
        amount=Money(Decimal(amount), "USD"),
        rate=Decimal(1),
        rate_date=on,
        description="Spending",
        category=category,
    )
