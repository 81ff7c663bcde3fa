"""iCalendar output, parsed back with the icalendar library: UID, SEQUENCE, join links, feeds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.test import Client
from icalendar import Calendar

from igf.meetings import services
from tests.meetings.conftest import World
from tests.meetings.factories import MeetingFactory


def events(content: bytes) -> list:  # type: ignore[type-arg]
    calendar = Calendar.from_ical(content)
    return list(calendar.walk("VEVENT"))


def test_meeting_ics_parses_back_with_times_in_utc(world: World, client: Client) -> None:
    response = client.get(f"/meetings/{world.meeting.pk}/meeting.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    [event] = events(response.content)
    assert str(event["SUMMARY"]) == "Cybersecurity monthly call"
    assert event["DTSTART"].dt == world.meeting.start.astimezone(UTC)
    assert event["DTEND"].dt == world.meeting.end.astimezone(UTC)
    assert str(event["UID"]) == f"meeting-{world.meeting.uid}@igf-platform"
    assert event["SEQUENCE"] == 0
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["URL"]).endswith(f"/meetings/{world.meeting.pk}/")
    # The public never gets the join link.
    assert "meet.example.org" not in response.content.decode()


def test_registered_observer_gets_the_join_link(world: World, login) -> None:  # type: ignore[no-untyped-def]
    content = login(world.observer).get(f"/meetings/{world.meeting.pk}/meeting.ics").content
    [event] = events(content)
    assert "https://meet.example.org/igf-call" in str(event["DESCRIPTION"])
    assert "+41 22 000 00 00" in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]) == "https://meet.example.org/igf-call"


def test_moving_a_meeting_keeps_the_uid_and_raises_the_sequence(world: World, login) -> None:  # type: ignore[no-untyped-def]
    client = login(world.chair)
    [before] = events(client.get(f"/meetings/{world.meeting.pk}/meeting.ics").content)
    services.update_meeting(
        by=world.chair,
        meeting=world.meeting,
        changes={
            "start": world.meeting.start + timedelta(days=1),
            "end": world.meeting.end + timedelta(days=1),
        },
    )
    [after] = events(client.get(f"/meetings/{world.meeting.pk}/meeting.ics").content)
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] == 1
    assert after["DTSTART"].dt - before["DTSTART"].dt == timedelta(days=1)
    services.update_meeting(by=world.chair, meeting=world.meeting, changes={"recording_url": ""})
    services.cancel_meeting(by=world.chair, meeting=world.meeting)
    [cancelled] = events(client.get(f"/meetings/{world.meeting.pk}/meeting.ics").content)
    assert (cancelled["SEQUENCE"], str(cancelled["STATUS"])) == (2, "CANCELLED")


def test_body_feed_lists_its_meetings_without_join_links(world: World, client: Client) -> None:
    MeetingFactory.create(body=world.body, title="Second call")
    MeetingFactory.create(title="Another body's call")
    content = client.get("/meetings/bodies/bpf-cyber/calendar.ics").content
    calendar = Calendar.from_ical(content)
    assert str(calendar["X-WR-CALNAME"]) == "Best Practice Forum on Cybersecurity"
    assert sorted(str(e["SUMMARY"]) for e in events(content)) == [
        "Cybersecurity monthly call",
        "Second call",
    ]
    assert "meet.example.org" not in content.decode()


def test_personal_feed_has_my_bodies_and_registrations_and_can_be_reset(
    world: World, login
) -> None:  # type: ignore[no-untyped-def]
    other = MeetingFactory.create(title="Open consultation", body=None)
    services.register_observer(by=world.member, meeting=other)
    MeetingFactory.create(title="Not mine")
    page = login(world.member).get("/meetings/mine/").content.decode()
    token = services.calendar_feed_of(world.member.person).token
    assert f"/meetings/calendar/{token}.ics" in page
    content = Client().get(f"/meetings/calendar/{token}.ics").content
    assert sorted(str(e["SUMMARY"]) for e in events(content)) == [
        "Cybersecurity monthly call",
        "Open consultation",
    ]
    assert "https://meet.example.org/igf-call" in content.decode()
    login(world.member).post("/meetings/mine/calendar/reset/")
    assert Client().get(f"/meetings/calendar/{token}.ics").status_code == 404
    new_token = services.calendar_feed_of(world.member.person).token
    assert new_token != token
    assert Client().get(f"/meetings/calendar/{new_token}.ics").status_code == 200


def test_unknown_feed_token_is_404(client: Client, db: None) -> None:
    assert client.get("/meetings/calendar/not-a-token.ics").status_code == 404


def test_dst_meeting_in_the_feed_is_at_the_right_instant(world: World, client: Client) -> None:
    # 10:00 in London the day after the spring switch is 09:00 UTC.
    meeting = MeetingFactory.create(
        body=world.body,
        start=datetime(2027, 3, 29, 9, 0, tzinfo=UTC),
        end=datetime(2027, 3, 29, 10, 0, tzinfo=UTC),
        timezone="Europe/London",
    )
    [event] = events(client.get(f"/meetings/{meeting.pk}/meeting.ics").content)
    assert event["DTSTART"].dt == datetime(2027, 3, 29, 9, 0, tzinfo=UTC)
