"""The open-data API: what it answers, what it never reveals, and no server error ever."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client, RequestFactory
from hypothesis import HealthCheck, given, settings

from igf.api.api import api
from igf.core.enums import Visibility
from igf.core.errors import Invalid, NotAllowed, Refused
from igf.people.models import Person, User
from tests.factories import AffiliationFactory, OrganizationFactory, UserFactory, person_of


def test_openapi_document_lists_every_endpoint(client: Client, db: None) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "IGF Platform open data API"
    assert {
        "/api/v1/countries",
        "/api/v1/countries/{iso2}",
        "/api/v1/organizations",
        "/api/v1/organizations/{slug}",
        "/api/v1/people/{public_id}",
        "/api/v1/bodies",
    } <= set(schema["paths"])


def test_api_docs_page_describes_each_endpoint_without_javascript(client: Client, db: None) -> None:
    page = client.get("/api/").content.decode()
    assert "<code>GET /api/v1/countries/{iso2}</code>" in page
    assert "<script" not in page.replace('<script src="/static/igf/js/site.js"', "")


def test_countries_come_with_classifications_and_translated_names(client: Client, db: None) -> None:
    countries = client.get("/api/v1/countries", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert len(countries) == 250
    senegal = next(c for c in countries if c["iso2"] == "SN")
    assert senegal == {
        "iso2": "SN", "iso3": "SEN", "m49": "686", "name": "Sénégal", "status": "member",
        "region_group": "african", "ldc": True, "lldc": False, "sids": False, "eit": False,
        "developing": True,
    }  # fmt: skip
    assert (
        client.get("/api/v1/countries/cn", HTTP_ACCEPT_LANGUAGE="zh-hans").json()["name"] == "中国"
    )


def test_unknown_country_is_a_translated_404(client: Client, db: None) -> None:
    response = client.get("/api/v1/countries/QQ", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 404
    assert response.json() == {"detail": "Ningún país tiene este código."}


def test_organisations_are_paginated_and_filtered(client: Client, db: None) -> None:
    OrganizationFactory.create(
        name="Accra Tech Hub", country_id="GH", stakeholder_group="private_sector"
    )
    OrganizationFactory.create(name="Quiet Unlisted", listed=False)
    data = client.get("/api/v1/organizations", {"stakeholder_group": "private_sector"}).json()
    assert data["count"] == 1
    assert data["items"][0]["name"] == "Accra Tech Hub"
    assert data["items"][0]["country"] == "GH"
    assert client.get("/api/v1/organizations", {"search": "Quiet"}).json()["count"] == 0


def test_organisation_detail_lists_only_people_who_chose_it(client: Client, db: None) -> None:
    organization = OrganizationFactory.create(slug="open-org")
    AffiliationFactory.create(
        organization=organization, person=UserFactory.create(display_name="Shown Sara").person
    )
    AffiliationFactory.create(
        organization=organization,
        person=UserFactory.create(display_name="Hidden Hana").person,
        listed=False,
    )
    data = client.get("/api/v1/organizations/open-org").json()
    assert [p["display_name"] for p in data["people"]] == ["Shown Sara"]
    assert client.get("/api/v1/organizations/nope").status_code == 404


def test_people_endpoint_never_shows_private_details(client: Client, participant: User) -> None:
    Person.objects.filter(user=participant).update(
        gender="woman", gender_visibility=Visibility.PUBLIC, accessibility_needs="SENTINEL-NEEDS",
        stakeholder_group="government", stakeholder_group_visibility=Visibility.PARTICIPANTS,
    )  # fmt: skip
    person = person_of(participant)
    body = client.get(f"/api/v1/people/{person.public_id}").content.decode()
    assert "SENTINEL-NEEDS" not in body
    assert participant.email not in body
    assert '"stakeholder_group":null' in body.replace(" ", "")


@pytest.fixture
def api_schema(db: None) -> Iterator[Any]:
    """The API as schemathesis sees it, called in-process through WSGI.

    Like Django's test client, keep the request cycle from closing the test's connection.
    """
    OrganizationFactory.create(slug="seeded-org")
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_api_fuzzing_finds_no_server_error(api_schema) -> None:  # type: ignore[no-untyped-def]
    """schemathesis generates requests for every operation; none may answer 5xx."""
    failures = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @settings(
            max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        @given(case=operation.as_strategy())
        def check(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call()
            if response.status_code >= 500:
                failures.append((case.path, case.path_parameters, case.query, response.status_code))

        check()
    assert failures == []


def test_api_root_leads_to_the_documentation(client: Client, db: None) -> None:
    response = client.get("/api/v1/")
    assert (response.status_code, response["Location"]) == (302, "/api/")


def test_api_search_with_a_nul_character_is_harmless(client: Client, db: None) -> None:
    """PostgreSQL refuses NUL in text; the API drops it instead of failing (found by fuzzing)."""
    response = client.get("/api/v1/organizations", {"search": "a\x00b"})
    assert response.status_code == 200
    assert response.json()["count"] == 0


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (Refused("The comment period is closed."), 409),
        (Invalid("This file is not a transcript.", field="file"), 400),
        (NotAllowed("Only members can post to this list."), 403),
    ],
)
def test_a_refusal_under_the_api_answers_json_with_its_status(
    rf: RequestFactory, error: Refused, status: int
) -> None:
    response = api.on_exception(rf.get("/api/v1/bodies"), error)

    assert response.status_code == status
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(response.content) == {"detail": str(error.message)}
