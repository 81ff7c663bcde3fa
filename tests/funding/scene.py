"""The funding's roles and a small ledger for the permission matrix and the pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone

from igf.funding.enums import CallKind
from igf.funding.models import Application, Award, Entry, Fund, SupportCall
from igf.people.models import User
from tests.factories import UserFactory
from tests.funding.factories import contribute, finance_user, make_donor, make_fund

ROLES = ("anonymous", "participant", "finance", "other_finance", "secretariat", "admin")


@dataclass
class Scene:
    fund: Fund
    posted: Entry
    pending: Entry
    call: SupportCall
    award: Award


@pytest.fixture
def actors(db: None, secretariat: User, admin_user: User) -> dict[str, Any]:
    return {
        "anonymous": None,
        "participant": UserFactory.create(display_name="Pat Participant"),
        "finance": finance_user("Fatima Finance"),
        "other_finance": finance_user("Otto Finance"),
        "secretariat": secretariat,
        "admin": admin_user,
    }


@pytest.fixture
def scene(actors: dict[str, Any]) -> Scene:
    finance = actors["finance"]
    TOTP.activate(finance, generate_totp_secret())
    fund = make_fund(threshold=1000)
    donor = make_donor()
    posted = contribute(finance, fund, donor, "500")
    pending = contribute(finance, fund, donor, "5000")
    today = timezone.localdate()
    call = SupportCall.objects.create(
        fund=fund,
        kind=CallKind.TRAVEL,
        title="Travel support",
        slug="travel",
        criteria="Active contributors.",
        opens=today - dt.timedelta(days=3),
        closes=today + dt.timedelta(days=30),
        budget=Decimal(5000),
        max_award=Decimal(2000),
    )
    application = Application.objects.create(
        call=call,
        applicant=actors["participant"],
        status="awarded",
        amount=Decimal(1000),
        recommender=actors["other_finance"].person,
    )
    award = Award.objects.create(
        application=application, amount=Decimal(1000), reason="Scored well", decided_by=finance
    )
    return Scene(fund=fund, posted=posted, pending=pending, call=call, award=award)
