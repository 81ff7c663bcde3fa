"""Visitors get the schedule and session pages whole from the cache, yet each with their own
CSRF token and CSP nonce; made-up query parameters and waiting messages bypass the cache."""

from __future__ import annotations

import gzip
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.schedule.factories import schedule_meeting

pytestmark = pytest.mark.django_db


def _token(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


def _nonce(html: str) -> str:
    found = re.search(r'nonce="([^"]+)"', html)
    assert found is not None
    return found.group(1)


@pytest.mark.parametrize("kind", ["schedule", "session"])
def test_each_visitor_gets_their_own_token_and_nonce_from_the_cached_page(kind: str) -> None:
    meeting = schedule_meeting(sessions=2)
    session = meeting.sessions.order_by("pk").first()
    assert session is not None
    url = (
        f"/programme/meetings/{meeting.slug}/schedule/"
        if kind == "schedule"
        else session.get_absolute_url()
    )
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    one = first.get(url)
    with CaptureQueriesContext(connection) as queries:
        two = second.get(url)
    # The second visitor's page came from the cache: no query about the schedule.
    assert not [q for q in queries.captured_queries if "programme_" in q["sql"]]
    html_one, html_two = one.content.decode(), two.content.decode()
    assert "\x00" not in html_two
    assert _nonce(html_one) != _nonce(html_two)
    assert f"'nonce-{_nonce(html_two)}'" in two["Content-Security-Policy"]
    # The cached page's language switcher works for the second visitor.
    switched = second.post(
        "/i18n/setlang/",
        {"language": "fr", "next": url, "csrfmiddlewaretoken": _token(html_two)},
    )
    assert switched.status_code == 302
    assert second.cookies["django_language"].value == "fr"


def test_made_up_query_parameters_are_neither_cached_nor_echoed_to_others() -> None:
    meeting = schedule_meeting(sessions=1)
    url = f"/programme/meetings/{meeting.slug}/schedule/"
    Client().get(f"{url}?utm_source=spam-marker")
    html = Client().get(url).content.decode()
    assert "spam-marker" not in html
    with CaptureQueriesContext(connection) as queries:
        Client().get(f"{url}?other=1")
    assert [q for q in queries.captured_queries if "programme_" in q["sql"]]


def test_a_visitor_with_a_message_waiting_sees_it_and_nobody_else_does() -> None:
    meeting = schedule_meeting(sessions=1)
    url = f"/programme/meetings/{meeting.slug}/schedule/"
    first, second = Client(), Client()
    for visitor in (first, second):
        # Setting a time zone leaves a confirmation for the next page.
        response = visitor.post("/timezone/", {"timezone": "Asia/Tokyo", "next": url})
        assert response.status_code == 302
        assert 'class="messages"' in visitor.get(url).content.decode()
    # Both read the page in Tokyo time, from the same cache entry: without their message.
    assert 'class="messages"' not in second.get(url).content.decode()
    assert 'class="messages"' not in first.get(url).content.decode()


def test_exports_come_compressed_to_clients_that_take_gzip() -> None:
    meeting = schedule_meeting(sessions=2)
    url = f"/programme/meetings/{meeting.slug}/schedule.json"
    plain = Client().get(url)
    assert "Content-Encoding" not in plain
    for _ in range(2):  # compressed once, then from the cache
        packed = Client().get(url, headers={"accept-encoding": "gzip, br"})
        assert packed["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in packed["Vary"]
        assert gzip.decompress(packed.content) == plain.content
