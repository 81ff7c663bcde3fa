"""Whole pages cached for visitors belong to the build that rendered them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from igf.core import pagecache


@pytest.fixture(autouse=True)
def _fresh_fingerprint() -> Iterator[None]:
    pagecache.build_fingerprint.cache_clear()
    yield
    pagecache.build_fingerprint.cache_clear()


def _visitor() -> HttpRequest:
    request = RequestFactory().get("/programme/meetings/igf-2026/schedule/")
    request.user = AnonymousUser()
    return request


def test_fingerprint_follows_what_renders_pages_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("<p>old layout</p>")
    (tmp_path / "site.css").write_text("body{margin:0}")
    before = pagecache.fingerprint(tmp_path)
    (tmp_path / "notes.pyc").write_bytes(b"compiled")  # not part of rendering
    assert pagecache.fingerprint(tmp_path) == before
    (tmp_path / "templates" / "page.html").write_text("<p>new layout</p>")
    assert pagecache.fingerprint(tmp_path) != before


def test_a_new_build_never_serves_pages_cached_by_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "page.html").write_text("<p>old layout</p>")
    monkeypatch.setattr(pagecache, "SOURCE_ROOT", tmp_path)
    rendered: list[str] = []

    def render(extra: dict[str, object]) -> HttpResponse:
        rendered.append((tmp_path / "page.html").read_text())
        return HttpResponse(rendered[-1])

    first = pagecache.cached_page(_visitor(), "schedule:en", render, 60)
    again = pagecache.cached_page(_visitor(), "schedule:en", render, 60)
    assert first.content == again.content == b"<p>old layout</p>"
    assert len(rendered) == 1
    (tmp_path / "page.html").write_text("<p>new layout</p>")  # the deploy
    pagecache.build_fingerprint.cache_clear()  # the new build's processes start
    after = pagecache.cached_page(_visitor(), "schedule:en", render, 60)
    assert after.content == b"<p>new layout</p>"
    assert len(rendered) == 2
