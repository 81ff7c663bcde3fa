"""The JSON API, version 1: read-only open data, no account needed (django-ninja).

Everything here is public. Lookups go through the same query functions as the pages, so
the API can never show more than a page would to an anonymous visitor.
"""

from importlib import import_module
from importlib.util import find_spec
from types import ModuleType
from typing import Any
from uuid import UUID

from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from ninja.throttling import BaseThrottle

from igf.api.schemas import (
    AffiliationOut,
    CountryOut,
    ErrorOut,
    OrganizationDetailOut,
    OrganizationOut,
    PersonOut,
    PersonRef,
)
from igf.core import ratelimit
from igf.core.enums import StakeholderGroup
from igf.core.errors import Refused
from igf.core.models import Country
from igf.people import queries as people_queries
from igf.people.models import Organization, Person


class ClientThrottle(BaseThrottle):
    """The API's limit per client address ("600/m" by default; IGF_RATE_LIMITS["api"]),
    counted atomically in the shared cache and keyed on the trusted client address, never on
    a header the client sends."""

    def allow_request(self, request: HttpRequest) -> bool:
        return ratelimit.consume_for_request("api", request)

    def wait(self) -> float:
        return 60.0


ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
VALIDATION_ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "array", "items": {"type": "object"}}},
    "required": ["detail"],
}


class ForumAPI(NinjaAPI):
    """django-ninja's API, whose document also names the answers every operation may give
    besides its own: 429 when the client's limit is reached, and 422 when a parameter it
    takes is not valid (schemathesis found both undocumented)."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        for methods in schema.get("paths", {}).values():
            for operation in methods.values():
                responses = operation.setdefault("responses", {})
                responses.setdefault(
                    "429",
                    {
                        "description": "Too many requests from this address; wait a minute.",
                        "content": {"application/json": {"schema": ERROR}},
                    },
                )
                if operation.get("parameters") or operation.get("requestBody"):
                    responses.setdefault(
                        "422",
                        {
                            "description": "A parameter is not valid.",
                            "content": {"application/json": {"schema": VALIDATION_ERROR}},
                        },
                    )
        return schema


api = ForumAPI(
    title="IGF Platform open data API",
    version="1",
    description=(
        "Read-only, public data of the forum: countries and their UN classifications, "
        "the organisation directory, and public profiles."
    ),
    docs_url=None,  # the human docs are a server-rendered page at /api/ (no JavaScript)
    urls_namespace="api-v1",
    throttle=[ClientThrottle()],
)


@api.exception_handler(Refused)
def refused(request: HttpRequest, error: Refused) -> HttpResponse:
    """A rule of the forum said no: the reason as JSON, with the refusal's status (as a page
    would say it), never a 500."""
    return api.create_response(request, {"detail": str(error.message)}, status=error.status)


countries = Router(tags=["countries"])
organizations = Router(tags=["organisations"])
people = Router(tags=["people"])

ANONYMOUS = AnonymousUser()


def _country_out(country: Country) -> dict[str, Any]:
    return {
        "iso2": country.iso2,
        "iso3": country.iso3,
        "m49": country.m49,
        "name": country.name,
        "status": country.status,
        "region_group": country.region_group,
        "ldc": country.ldc,
        "lldc": country.lldc,
        "sids": country.sids,
        "eit": country.eit,
        "developing": country.developing,
    }


@countries.get("", response=list[CountryOut], summary="All countries and territories")
def list_countries(request: HttpRequest) -> list[dict[str, Any]]:
    """Every country with its ISO and M49 codes, UN regional group and classifications.

    Names are in the language of the request's Accept-Language header.
    """
    return [_country_out(c) for c in Country.objects.order_by("iso2")]


@countries.get("/{iso2}", response={200: CountryOut, 404: ErrorOut}, summary="One country")
def get_country(request: HttpRequest, iso2: str) -> Any:
    country = Country.objects.filter(iso2=iso2.upper()).first()
    if country is None:
        return Status(404, {"detail": str(_("No country has this code."))})
    return _country_out(country)


def _organization_out(organization: Organization) -> dict[str, Any]:
    return {
        "slug": organization.slug,
        "name": organization.name,
        "acronym": organization.acronym,
        "country": organization.country_id,
        "stakeholder_group": organization.stakeholder_group,
        "website": organization.website,
        "url": organization.get_absolute_url(),
    }


class OrganizationFilter(Schema):
    search: str = ""
    stakeholder_group: StakeholderGroup | None = None
    country: str = ""


@organizations.get("", response=list[OrganizationOut], summary="The organisation directory")
@paginate(PageNumberPagination, page_size=50)
def list_organizations(request: HttpRequest, filters: Query[OrganizationFilter]) -> Any:
    listed = people_queries.directory(
        ANONYMOUS,
        search=filters.search[:100],
        stakeholder_group=filters.stakeholder_group or "",
        country=filters.country.upper()[:2],
    )
    return [_organization_out(o) for o in listed]


@organizations.get(
    "/{slug}", response={200: OrganizationDetailOut, 404: ErrorOut}, summary="One organisation"
)
def get_organization(request: HttpRequest, slug: str) -> Any:
    try:
        organization = people_queries.get_organization(ANONYMOUS, slug)
    except Http404:
        return Status(404, {"detail": str(_("No organisation has this identifier."))})
    return {
        **_organization_out(organization),
        "description": organization.description,
        "people": [
            PersonRef(public_id=a.person.public_id, display_name=a.person.public_name)
            for a in people_queries.listed_people(organization)
        ],
    }


@people.get("/{public_id}", response={200: PersonOut, 404: ErrorOut}, summary="A public profile")
def get_person(request: HttpRequest, public_id: UUID) -> Any:
    """What an anonymous visitor sees of a participant: only the details shown to everyone."""
    try:
        person: Person = people_queries.get_person(ANONYMOUS, str(public_id))
    except Http404:
        return Status(404, {"detail": str(_("No participant has this identifier."))})
    profile = people_queries.profile_for(person, ANONYMOUS)
    return {
        "public_id": person.public_id,
        "display_name": profile.display_name,
        "pronouns": profile.pronouns,
        "country": profile.country.iso2 if profile.country else None,
        "stakeholder_group": person.stakeholder_group if profile.stakeholder_group else None,
        "affiliations": [
            AffiliationOut(
                organization=a.organization.name,
                organization_slug=a.organization.slug,
                position=a.position,
            )
            for a in profile.affiliations
        ],
        "url": person.get_absolute_url(),
    }


api.add_router("/countries", countries)
api.add_router("/organizations", organizations)
api.add_router("/people", people)


def app_api_modules() -> list[ModuleType]:
    """Each app may publish its own endpoints in `igf/<app>/api.py` (a `router`, mounted at
    `/api/v1/<PREFIX>/`, and translated `SUMMARIES` for the docs page)."""
    modules = []
    for config in apps.get_app_configs():
        name = f"{config.name}.api"
        if config.name.startswith("igf.") and config.label != "api" and find_spec(name):
            modules.append(import_module(name))
    return modules


for _module in app_api_modules():
    api.add_router(f"/{_module.PREFIX}", _module.router)
