"""Whole pages cached for visitors who are not signed in.

The busiest public pages (the schedule of the annual meeting, its session pages) are read by
thousands of visitors at once, all of whom see the same page in their language and time zone.
Rendering the site's layout around a cached body still cost most of such a request, so the
whole page is kept. Two things in a page belong to one request only: the CSRF token of the
language switcher and the nonce of the Content Security Policy. They are cached as
placeholders and filled in on every request, so every visitor still gets their own.

A page is cached only for a visitor without messages waiting (a "you have signed out" notice
belongs to one person), and only when the response is a plain 200.

Keys carry a fingerprint of the code, templates, translations and static files that render
pages (`build_fingerprint`): after a deploy, visitors get pages of the new build at once, never
an old layout or links to stylesheets the new build no longer has, and every host of one build
agrees on the keys.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

# What renders a page: the platform's package (code, templates, catalogues, static files).
SOURCE_ROOT = Path(__file__).resolve().parents[1]
RENDERING_SUFFIXES = frozenset({".py", ".html", ".txt", ".mo", ".css", ".js", ".svg"})
CSRF_PLACEHOLDER = "\x00igf-csrf\x00"
NONCE_PLACEHOLDER = "\x00igf-nonce\x00"


def fingerprint(root: Path) -> str:
    """A short digest of every file under `root` that takes part in rendering a page."""
    digest = hashlib.blake2b(digest_size=8)
    files = sorted(
        path for path in root.rglob("*") if path.suffix in RENDERING_SUFFIXES and path.is_file()
    )
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\x00")
        digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.cache
def build_fingerprint() -> str:
    """The fingerprint of the running build, computed once per process."""
    return fingerprint(SOURCE_ROOT)


def cacheable(request: HttpRequest, params: Collection[str] = ()) -> bool:
    """Whether the page this request asks for is the same for every visitor like it: not
    signed in, no messages waiting, and no query parameters but the page's own `params` (any
    other would make a new copy of the page per made-up address, and be echoed in it)."""
    return (
        not request.user.is_authenticated
        and len(get_messages(request)) == 0
        and all(name in params for name in request.GET)
    )


def _nonce(request: HttpRequest) -> str:
    return str(getattr(request, "csp_nonce", ""))


def cached_page(
    request: HttpRequest,
    key: str,
    render: Callable[[dict[str, Any]], HttpResponse],
    seconds: int,
    params: Collection[str] = (),
) -> HttpResponse:
    """The page under `key` for a visitor, or `render(extra_context)` kept under it.

    `render` receives the context entries that make the page shareable (the CSRF token as a
    placeholder); it must pass them to the template. Signed-in people always get `render({})`.
    """
    if not cacheable(request, params):
        return render({})
    key = f"igf:whole-page:{build_fingerprint()}:{key}"
    stored: tuple[str, str] | None = cache.get(key)
    if stored is None:
        response = render({"csrf_token": CSRF_PLACEHOLDER})
        if response.status_code != 200 or response.streaming:
            return response
        html = response.content.decode()
        nonce = _nonce(request)
        if nonce:
            html = html.replace(nonce, NONCE_PLACEHOLDER)
        stored = (html, response["Content-Type"])
        cache.set(key, stored, seconds)
    html, content_type = stored
    page = html.replace(CSRF_PLACEHOLDER, get_token(request)).replace(
        NONCE_PLACEHOLDER, _nonce(request)
    )
    return HttpResponse(page, content_type=content_type)
