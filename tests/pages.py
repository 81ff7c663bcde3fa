"""The pages of the platform, for the checks that run on every page (weight, languages, XSS,
and axe-core in the browser suite).

Each app lists its pages in `tests/<app>/pages.py` as PAGES; each entry builds its URL for a
viewer who is a member of the secretariat (who sees every page).
"""

from __future__ import annotations

import gzip
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.staticfiles import finders
from django.test import Client

from igf.people.models import User


@dataclass(frozen=True)
class Page:
    name: str
    url: Callable[[User], str]
    signed_in: bool = False


def _collect() -> list[Page]:
    """The foundation's pages and every app's `tests/<app>/pages.py` PAGES, in app order."""
    from tests.people.pages import PAGES as FOUNDATION_PAGES  # noqa: PLC0415

    pages = list(FOUNDATION_PAGES)
    for config in apps.get_app_configs():
        if not config.name.startswith("igf.") or config.label in {"people", "core"}:
            continue
        try:
            module = importlib.import_module(f"tests.{config.label}.pages")
        except ModuleNotFoundError:
            continue
        pages.extend(module.PAGES)
    return pages


PAGES_CACHE: list[Page] = []


def all_pages() -> list[Page]:
    if not PAGES_CACHE:
        PAGES_CACHE.extend(_collect())
    return PAGES_CACHE


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
