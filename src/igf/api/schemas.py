"""Shapes of the open-data API's answers (public fields only, by construction)."""

from uuid import UUID

from ninja import Schema


class CountryOut(Schema):
    iso2: str
    iso3: str
    m49: str
    name: str
    status: str
    region_group: str
    ldc: bool
    lldc: bool
    sids: bool
    eit: bool
    developing: bool


class PersonRef(Schema):
    public_id: UUID
    display_name: str


class OrganizationOut(Schema):
    slug: str
    name: str
    acronym: str
    country: str | None
    stakeholder_group: str
    website: str
    url: str


class OrganizationDetailOut(OrganizationOut):
    description: str
    people: list[PersonRef]


class AffiliationOut(Schema):
    organization: str
    organization_slug: str
    position: str


class PersonOut(Schema):
    """A public profile: only what the person chose to show to everyone."""

    public_id: UUID
    display_name: str
    pronouns: str
    country: str | None
    stakeholder_group: str | None
    affiliations: list[AffiliationOut]
    url: str


class ErrorOut(Schema):
    detail: str
