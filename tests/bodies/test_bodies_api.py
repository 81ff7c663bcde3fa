"""The bodies' open data: what the API publishes, and what it never does."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from igf.bodies.enums import CallStatus, NominationStatus
from igf.bodies.models import Nomination
from tests.bodies.factories import BodyFactory, CallFactory, body_type, member, person_in

pytestmark = pytest.mark.django_db


def test_bodies_list_and_filter(client: Client) -> None:
    BodyFactory.create(type=body_type("nri"), slug="igf-kenya", name="IGF Kenya", country_id="KE")
    BodyFactory.create(type=body_type("dc"), slug="dc-x", name="Coalition X")
    data = client.get("/api/v1/bodies", {"type": "nri"}).json()
    assert [b["slug"] for b in data["items"]] == ["igf-kenya"]
    assert data["items"][0]["country"] == "KE"
    types = {t["slug"]: t for t in client.get("/api/v1/bodies/types").json()}
    assert types["mag"]["has_fixed_terms"] is True
    assert types["dc"]["needs_annual_report"] is True


def test_body_detail_withholds_small_gender_counts(client: Client) -> None:
    body = BodyFactory.create(slug="small")
    for _ in range(2):
        member(body, person_in("government", gender="woman"), group="government")
    data = client.get("/api/v1/bodies/small").json()
    assert data["composition"]["stakeholder_group"]["government"] == 2
    assert data["composition"]["gender"]["woman"] is None
    assert len(data["members"]) == 2
    assert client.get("/api/v1/bodies/nope").status_code == 404


def test_membership_history_only_for_appointed_bodies(client: Client) -> None:
    mag = BodyFactory.create(type=body_type("mag"), slug="mag-x")
    member(mag, start=date(2020, 1, 1), end=date(2020, 12, 31))
    assert len(client.get("/api/v1/bodies/mag-x/memberships").json()) == 1
    BodyFactory.create(type=body_type("dc"), slug="dc-y")
    assert client.get("/api/v1/bodies/dc-y/memberships").status_code == 404


def test_calls_publish_only_the_appointed(client: Client) -> None:
    body = BodyFactory.create(type=body_type("mag"), slug="mag-c")
    now = timezone.now()
    call = CallFactory.create(
        body=body,
        status=CallStatus.DECIDED,
        opens=now - timedelta(days=9),
        closes=now - timedelta(days=2),
    )
    chosen, other = person_in("government"), person_in("civil_society")
    for person, status in (
        (chosen, NominationStatus.SELECTED),
        (other, NominationStatus.NOT_SELECTED),
    ):
        Nomination.objects.create(
            call=call,
            nominee=person,
            stakeholder_group="government",
            country_id="FR",
            expertise="e",
            motivation="m",
            status=status,
        )
    member(body, chosen, start=call.term_start, end=call.term_end)
    body_text = client.get("/api/v1/bodies/mag-c/calls").content.decode()
    assert chosen.public_name in body_text
    assert other.public_name not in body_text
