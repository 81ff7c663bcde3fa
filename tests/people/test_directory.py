"""The public organisation directory: listing, filters, people who chose to be listed."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from igf.people.models import User
from tests.factories import AffiliationFactory, OrganizationFactory, UserFactory


def test_directory_lists_only_reviewed_organisations_to_the_public(
    client: Client, db: None
) -> None:
    OrganizationFactory.create(name="Listed Network")
    OrganizationFactory.create(name="Pending Collective", listed=False)
    page = client.get("/organisations/").content.decode()
    assert "Listed Network" in page
    assert "Pending Collective" not in page


def test_directory_shows_pending_organisations_to_the_secretariat(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    OrganizationFactory.create(name="Pending Collective", listed=False)
    page = login(secretariat).get("/organisations/").content.decode()
    assert "Pending Collective" in page
    assert "awaiting review" in page


def test_directory_filters_by_name_group_and_country(client: Client, db: None) -> None:
    OrganizationFactory.create(
        name="Nairobi Internet Exchange", stakeholder_group="technical_community"
    )
    OrganizationFactory.create(name="Lagos Rights Hub", country_id="NG")
    page = client.get("/organisations/", {"q": "exchange"}).content.decode()
    assert "Nairobi Internet Exchange" in page
    assert "Lagos Rights Hub" not in page
    page = client.get("/organisations/", {"stakeholder_group": "civil_society"}).content.decode()
    assert "Lagos Rights Hub" in page
    assert "Nairobi Internet Exchange" not in page
    page = client.get("/organisations/", {"country": "ng"}).content.decode()
    assert "Lagos Rights Hub" in page
    assert "Nairobi Internet Exchange" not in page


@pytest.mark.parametrize(
    "params",
    [
        {"order": "password"}, {"stakeholder_group": "<script>"}, {"country": "ZZZZ"},
        {"page": "-1"}, {"page": "abc"}, {"q": "x" * 5000}, {"author__password__startswith": "a"},
        {"q": "a\x00b"}, {"country": "\x00"},
    ],
)  # fmt: skip
def test_directory_hostile_parameters_are_harmless(client: Client, db: None, params) -> None:  # type: ignore[no-untyped-def]
    OrganizationFactory.create(name="Steady Org")
    response = client.get("/organisations/", params)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_directory_shows_the_balance_of_organisations(client: Client, db: None) -> None:
    OrganizationFactory.create(stakeholder_group="government")
    OrganizationFactory.create(stakeholder_group="civil_society")
    page = client.get("/organisations/").content.decode()
    assert "Balance of the directory" in page
    assert '<svg class="balance-bar"' in page
    assert '<td class="num">50%</td>' in page


def test_organisation_page_lists_only_people_who_chose_it(client: Client, db: None) -> None:
    organization = OrganizationFactory.create(name="Open Source Alliance")
    AffiliationFactory.create(
        organization=organization, person=UserFactory.create(display_name="Listed Lina").person
    )
    AffiliationFactory.create(
        organization=organization,
        person=UserFactory.create(display_name="Hidden Hugo").person,
        listed=False,
    )
    page = client.get(organization.get_absolute_url()).content.decode()
    assert "Listed Lina" in page
    assert "Hidden Hugo" not in page


def test_unlisted_organisation_page_is_404_for_the_public(client: Client, db: None) -> None:
    organization = OrganizationFactory.create(listed=False)
    assert client.get(organization.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_directory_queries_do_not_grow_with_organisations(
    client: Client, db: None, count: int
) -> None:
    for _ in range(count):
        AffiliationFactory.create()
    client.get("/organisations/")  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/organisations/")
    assert response.status_code == 200
    assert len(queries) == 4


@pytest.mark.parametrize("count", [1, 3])
def test_organisation_page_queries_do_not_grow_with_people(
    client: Client, db: None, count: int
) -> None:
    organization = OrganizationFactory.create()
    for _ in range(count):
        AffiliationFactory.create(organization=organization)
    client.get(organization.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        client.get(organization.get_absolute_url())
    assert len(queries) == 2
