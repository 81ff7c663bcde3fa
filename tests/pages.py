"""The pages of the platform, for the checks that run on every page (weight, languages, XSS).

Later apps add their pages to PAGES; each entry names the role that sees it and builds its URL.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django.test import Client

from igf.people.models import User
from tests.factories import AffiliationFactory, OrganizationFactory, person_of


@dataclass(frozen=True)
class Page:
    name: str
    url: Callable[[User], str]
    signed_in: bool = False


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


@dataclass(frozen=True)
class Weight:
    html: int
    css: int
    js: int

    @property
    def total(self) -> int:
        return self.html + self.css + self.js


def _gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def page_weight(html: str) -> Weight:
    """Compressed bytes of a page and the stylesheets and scripts it loads from our site."""
    css = js = 0
    for kind, path in re.findall(r'<(link|script)[^>]+(?:href|src)="/static/([^"]+)"', html):
        found = finders.find(path)
        assert found, path
        with open(str(found), "rb") as handle:
            size = _gzipped(handle.read())
        if kind == "script":
            js += size
        elif path.endswith(".css"):
            css += size
    return Weight(html=_gzipped(html.encode()), css=css, js=js)


def fetch(client: Client, page: Page, user: User, language: str = "en") -> str:
    client.cookies["django_language"] = language
    response = client.get(page.url(user))
    assert response.status_code == 200, (page.name, response.status_code)
    return response.content.decode()
