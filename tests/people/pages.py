"""The foundation's pages (core, people, api, accounts), for the checks on every page."""

from __future__ import annotations

from igf.people.models import User
from tests.factories import AffiliationFactory, OrganizationFactory, person_of
from tests.pages import Page


def _organization(user: User) -> str:
    organization = OrganizationFactory.create()
    AffiliationFactory.create(organization=organization, person=person_of(user))
    return organization.get_absolute_url()


PAGES = [
    Page("home", lambda u: "/"),
    Page("about", lambda u: "/about/"),
    Page("timezone", lambda u: "/timezone/"),
    Page("directory", lambda u: "/organisations/"),
    Page("organisation", _organization),
    Page("person", lambda u: person_of(u).get_absolute_url()),
    Page("api docs", lambda u: "/api/"),
    Page("sign in", lambda u: "/accounts/login/"),
    Page("sign up", lambda u: "/accounts/signup/"),
    Page("password reset", lambda u: "/accounts/password/reset/"),
    Page("profile", lambda u: "/me/profile/", signed_in=True),
    Page("delete account", lambda u: "/me/delete/", signed_in=True),
    Page("e-mail addresses", lambda u: "/accounts/email/", signed_in=True),
    Page("password change", lambda u: "/accounts/password/change/", signed_in=True),
    Page("two-factor", lambda u: "/accounts/2fa/", signed_in=True),
    Page("people balance", lambda u: "/staff/people/balance/", signed_in=True),
]
