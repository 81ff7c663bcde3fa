"""What the schedule's pages share: the cache key of a public page, the headers that let
visitors' copies be kept briefly, a safe `next` address, and the acting account."""

from __future__ import annotations

import hashlib
from typing import cast

from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control

from igf.people.models import User
from igf.schedule import queries

PAGE_SECONDS = 24 * 3600
PUBLIC_MAX_AGE = 60


def user_of(request: HttpRequest) -> User:
    """The signed-in account (the view's permission already required one)."""
    return cast(User, request.user)


def fragment_key(kind: str, slug: str, request: HttpRequest, extra: str = "") -> str:
    """The cache key of a public page or export: the meeting's generation (raised by every
    change and release), the language, the time zone and the query."""
    query = "&".join(f"{k}={v}" for k, v in sorted(request.GET.lists()))[:1000]
    digest = hashlib.blake2b(f"{extra}|{query}".encode(), digest_size=12).hexdigest()
    return ":".join(
        (
            "programme:page",
            kind,
            slug,
            str(queries.generation(slug)),
            translation.get_language() or "",
            timezone.get_current_timezone_name(),
            digest,
        )
    )


def public(response: HttpResponse, request: HttpRequest) -> HttpResponse:
    """Visitors' copies may be kept briefly by browsers and proxies."""
    if not request.user.is_authenticated:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response
