"""Dead ends of issue 13 on the schedule's side: the Programme page links to the published
schedule; the meeting page counts the days the schedule really has; a session page's date
carries its year."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import formats

from tests.schedule.factories import schedule_meeting

pytestmark = pytest.mark.django_db


def test_the_programme_page_links_to_a_published_schedule_only(client: Any) -> None:
    published = schedule_meeting(sessions=1, name="IGF Published")
    draft = schedule_meeting(sessions=1, publish=False, name="IGF Draft", published=True)

    html = client.get("/programme/").content.decode()

    assert f'href="/programme/meetings/{published.slug}/schedule/"' in html
    assert f'href="/programme/meetings/{draft.slug}/schedule/"' not in html


def test_the_meeting_page_counts_the_days_the_schedule_has(client: Any) -> None:
    # Four days of meeting, sessions on two of them.
    meeting = schedule_meeting(sessions=5)

    html = client.get(meeting.get_absolute_url()).content.decode()

    first = formats.date_format(meeting.starts, "j F Y")
    assert f"The published schedule has 2 days of sessions, from {first} to" in html


def test_a_session_page_shows_the_year(client: Any) -> None:
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()

    html = client.get(session.get_absolute_url()).content.decode()

    assert formats.date_format(session.slot.start.astimezone(meeting.zone), "j F Y") in html
