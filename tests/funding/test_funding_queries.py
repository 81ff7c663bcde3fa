"""The funding's lists cost the same number of queries for one donor's entries as for three
(no query per entry, donor or country)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from igf.funding.enums import EntryKind
from igf.funding.models import Fund
from igf.people.models import User
from tests.funding.factories import contribute, make_donor, spend
from tests.funding.scene import Scene
from tests.schedule.test_schedule_queries import count

PAGES: list[tuple[str, Callable[[Fund], str], bool]] = [
    ("index", lambda f: "/funding/", False),
    ("fund year", lambda f: f"/funding/{f.slug}/2025/", False),
    ("fund json", lambda f: f"/funding/{f.slug}/2025.json", False),
    ("fund csv", lambda f: f"/funding/{f.slug}/2025.csv", False),
    ("iati activity", lambda f: f"/funding/{f.slug}/iati-activity.xml", False),
    ("books", lambda f: f"/funding/{f.slug}/books/", True),
]


def _add(finance: User, fund: Fund, n: int) -> None:
    for index in range(n):
        donor = make_donor(f"Donor {fund.entries.count()}-{index}", iso2=("NO", "JP", "KE")[index])
        contribute(finance, fund, donor, "100", "EUR", "1.1", on=dt.date(2025, 2, 1))
        contribute(finance, fund, donor, "50", kind=EntryKind.IN_KIND, on=dt.date(2025, 2, 2))
        spend(finance, fund, "20", ("staff", "travel", "meetings")[index], on=dt.date(2025, 3, 1))


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "url", "signed_in"), PAGES, ids=[p[0] for p in PAGES])
def test_funding_pages_cost_the_same_for_one_donor_and_three(
    actors: dict[str, Any],
    scene: Scene,
    login,
    name: str,
    url: Callable[[Fund], str],
    signed_in: bool,
) -> None:  # type: ignore[no-untyped-def]
    finance = actors["finance"]
    client: Client = login(finance if signed_in else None)
    fund = scene.fund
    _add(finance, fund, 1)
    client.get(url(fund))  # warm what is not ours (content types, countries)
    one = count(client, url(fund))
    _add(finance, fund, 3)
    assert count(client, url(fund)) == one, name
