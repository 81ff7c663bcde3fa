"""Friction on the public schedule (issue 13): starring returns to the same session, visitors
are offered to sign in where a signed-in person sees the star, the calendar link follows the
filters, and each filter's label sits with its control."""

from __future__ import annotations

from typing import Any

import icalendar
import pytest
from lxml import html as lxml_html  # type: ignore[import-untyped]

from tests.factories import UserFactory
from tests.schedule.factories import schedule_meeting

pytestmark = pytest.mark.django_db


def test_starring_from_the_list_returns_to_that_session(login: Any) -> None:
    meeting = schedule_meeting(sessions=3)
    session = meeting.sessions.get(title="Workshop 3")
    client = login(UserFactory.create())
    listing = f"/programme/meetings/{meeting.slug}/schedule/?day=all"
    page = client.get(listing).content.decode()

    response = client.post(
        f"/programme/sessions/{session.pk}/star/", {"starred": "1", "next": listing}
    )

    assert f'id="session-{session.pk}"' in page
    assert response.status_code == 302
    assert response["Location"] == f"{listing}#session-{session.pk}"


def test_visitors_are_offered_to_sign_in_where_members_see_the_star(
    client: Any, login: Any
) -> None:
    meeting = schedule_meeting(sessions=1)
    url = f"/programme/meetings/{meeting.slug}/schedule/?day=all"

    visitor = client.get(url).content.decode()
    member = login(UserFactory.create()).get(url).content.decode()

    assert "Sign in to build your agenda" in visitor
    assert "Add to my agenda" not in visitor
    assert "Add to my agenda" in member
    assert "Sign in to build your agenda" not in member


def test_the_calendar_link_follows_the_filters(client: Any) -> None:
    meeting = schedule_meeting(sessions=5)
    day = meeting.starts.isoformat()
    room = meeting.rooms.get(name="Plenary")
    page = client.get(
        f"/programme/meetings/{meeting.slug}/schedule/?day={day}&room={room.pk}"
    ).content.decode()
    tree = lxml_html.fromstring(page)
    link = next(a.get("href") for a in tree.iter("a") if "schedule.ics" in (a.get("href") or ""))

    calendar = icalendar.Calendar.from_ical(client.get(link).content)

    assert link == f"/programme/meetings/{meeting.slug}/schedule.ics?day={day}&room={room.pk}"
    assert sorted(str(e["summary"]) for e in calendar.walk("VEVENT")) == [
        "Workshop 1",
        "Workshop 2",
        "Workshop 3",
        "Workshop 4",
    ]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_each_filter_label_sits_with_its_control(client: Any, language: str) -> None:
    meeting = schedule_meeting(sessions=1)
    page = client.get(
        f"/programme/meetings/{meeting.slug}/schedule/", HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    form = lxml_html.fromstring(page).xpath("//form[contains(@class, 'filters')]")[0]

    labels = form.xpath(".//label")
    assert labels
    for label in labels:
        control = form.xpath(f".//*[@id='{label.get('for')}']")[0]
        assert control.getparent() is label.getparent()
        assert label.getparent().get("class") == "field"
