"""Open data of the programme and the schedule: what the public pages show, as JSON."""

from __future__ import annotations

from django.test import Client

from tests.programme.factories import SessionFactory
from tests.schedule.factories import schedule_meeting


def test_released_sessions_with_their_people_and_nothing_private(client: Client, db: None) -> None:
    meeting = schedule_meeting(sessions=2)
    unreleased = SessionFactory.create(meeting=meeting, title="Not in the schedule yet")
    listed = client.get(f"/api/v1/schedule/{meeting.slug}/sessions").json()["items"]
    assert sorted(s["title"] for s in listed) == ["Workshop 1", "Workshop 2"]
    assert unreleased.title not in str(listed)
    people = listed[0]["people"]
    assert len(people) == 3
    assert "@" not in str(listed)  # no e-mail address
    assert "gender" not in people[0]
    theme = client.get(f"/api/v1/programme/{meeting.slug}").json()["themes"][0]
    filtered = client.get(f"/api/v1/schedule/{meeting.slug}/sessions?theme={theme['id']}")
    assert len(filtered.json()["items"]) == 2


def test_the_programme_lists_published_meetings_only(client: Client, db: None) -> None:
    shown = schedule_meeting(sessions=1)
    hidden = schedule_meeting(sessions=1, publish=False, published=False, year=1999, slug="x")
    slugs = [m["slug"] for m in client.get("/api/v1/programme").json()]
    assert shown.slug in slugs
    assert hidden.slug not in slugs
    assert client.get(f"/api/v1/programme/{hidden.slug}").status_code == 404
    assert client.get(f"/api/v1/schedule/{hidden.slug}/sessions").status_code == 404
