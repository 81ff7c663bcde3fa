"""The timetable (rooms by times, sessions spanning their rows), "now and next", the ways in
for remote participants lightest first, and remote hubs (issues 12 and 13)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from lxml import html as lxml_html  # type: ignore[import-untyped]

from igf.core.models import Country
from igf.programme.enums import ParticipantRole
from igf.schedule import queries, services
from igf.schedule.models import RemoteHub, SessionAccess, Slot
from tests.factories import UserFactory, person_of
from tests.programme.factories import (
    SessionFactory,
    SessionPersonFactory,
    SessionTypeFactory,
)
from tests.schedule.factories import grid, schedule_meeting, venue_time

pytestmark = pytest.mark.django_db


def _long_session_beside(meeting: Any) -> None:
    """A 120-minute session in Room B from 09:00 beside the 60-minute workshops."""
    long_type = SessionTypeFactory.create(meeting=meeting, kind="main", durations=[120])
    grid(meeting, long_type, starts=("09:00",), days=(0,), duration=120)
    session = SessionFactory.create(
        meeting=meeting, session_type=long_type, title="Long session", duration=120
    )
    start = venue_time(meeting, 0, "09:00")
    Slot.objects.create(
        session=session,
        room=meeting.rooms.get(name="Room B"),
        start=start,
        end=start + dt.timedelta(minutes=120),
    )
    services.publish_schedule(by=None, meeting=meeting)


def test_the_timetable_is_a_table_of_rooms_by_times_with_sessions_spanning_rows(
    client: Any,
) -> None:
    meeting = schedule_meeting(sessions=2, publish=False)
    _long_session_beside(meeting)
    meeting.sessions.filter(title="Workshop 1").update(title="Short session")

    page = client.get(
        f"/programme/meetings/{meeting.slug}/schedule/timetable/?day={meeting.starts}",
        HTTP_COOKIE="django_timezone=Europe/Zurich",
    ).content.decode()
    table = lxml_html.fromstring(page).xpath("//table[contains(@class, 'timetable')]")[0]

    assert [th.text_content() for th in table.xpath(".//thead//th")] == [
        "Time",
        "Plenary",
        "Room B",
    ]
    long_cell = next(td for td in table.xpath(".//td") if "Long session" in td.text_content())
    assert int(long_cell.get("rowspan")) > 1
    assert table.xpath(".//tbody/tr/th[@scope='row']")
    assert not table.xpath(".//script")


def test_timetable_rows_never_give_a_room_two_cells_at_once() -> None:
    meeting = schedule_meeting(sessions=2, publish=False)
    _long_session_beside(meeting)
    entries = queries.schedule_entries(meeting)
    rooms = [(r.pk, r.name) for r in meeting.rooms.all()]

    rows = queries.timetable(entries, rooms)

    # Each row has, per room, a cell unless a session from a row above spans it.
    spans = {room: 0 for room, _name in rooms}
    for row in rows:
        open_rooms = [room for room, _name in rooms if spans[room] == 0]
        assert len(row.cells) == len(open_rooms)
        for room, cell in zip(open_rooms, row.cells, strict=True):
            spans[room] = cell.rows
        spans = {room: max(0, left - 1) for room, left in spans.items()}


def test_now_and_next_shows_what_is_on_in_every_room() -> None:
    meeting = schedule_meeting(sessions=3)
    entries = queries.schedule_entries(meeting)

    rooms = queries.now_and_next(entries, venue_time(meeting, 0, "10:30"), meeting.timezone)

    assert [
        (r.room, r.now.title if r.now else None, r.next.title if r.next else None) for r in rooms
    ] == [("Plenary", "Workshop 2", "Workshop 3")]


def test_a_session_shows_its_ways_in_lightest_first(client: Any) -> None:
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    SessionAccess.objects.create(
        session=session,
        captions_url="https://captions.example/s1",
        audio_url="https://audio.example/s1",
        dial_in="Kenya +254 20 000 0000\nBrazil +55 11 0000 0000",
    )
    queries.bump_generation(meeting.slug)

    page = client.get(session.get_absolute_url()).content.decode()
    section = lxml_html.fromstring(page).xpath("//section[contains(@class, 'ways-in')]")[0]
    order = [li.xpath("./strong")[0].text_content() for li in section.xpath("./ol/li")]

    assert order == ["Text", "Audio only", "Video"]
    assert "https://captions.example/s1" in page
    assert "Brazil +55 11 0000 0000" in page
    assert "about 64 kbit/s" in page


def test_a_hub_registers_is_approved_then_listed_by_region_and_on_its_sessions(
    login: Any, client: Any, secretariat: Any
) -> None:
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    country = Country.objects.get(iso2="KE")
    organiser = login(UserFactory.create())

    response = organiser.post(
        f"/programme/meetings/{meeting.slug}/hubs/register/",
        {
            "host_organization": "Nairobi Tech Hub",
            "city": "Nairobi",
            "country": str(country.pk),
            "place": "Ngong Road 1",
            "capacity": "40",
            "contact_name": "Wanjiru K.",
            "contact_email": "hub@example.org",
            "sessions": [str(session.pk)],
        },
    )
    hub = RemoteHub.objects.get()
    before = client.get(f"/programme/meetings/{meeting.slug}/hubs/").content.decode()
    services.approve_hub(by=secretariat, hub=hub)
    listed = client.get(f"/programme/meetings/{meeting.slug}/hubs/").content.decode()
    on_session = client.get(session.get_absolute_url()).content.decode()
    statistics = client.get(f"/programme/meetings/{meeting.slug}/statistics/").content.decode()

    assert response.status_code == 302
    assert "Nairobi" not in before
    assert "Nairobi Tech Hub" in listed
    assert "hub@example.org" not in listed
    assert "Nairobi Tech Hub" in on_session
    assert "hub@example.org" not in on_session
    assert "1 remote hub follows the meeting together, with 40 seats." in statistics


def test_the_online_moderator_sees_the_hubs_contacts_on_the_session_page(
    login: Any, secretariat: Any
) -> None:
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    moderator = UserFactory.create()
    SessionPersonFactory.create(
        session=session, person=person_of(moderator), role=ParticipantRole.ONLINE_MODERATOR
    )
    hub = RemoteHub.objects.create(
        meeting=meeting,
        host_organization="Lima Hub",
        city="Lima",
        country=Country.objects.get(iso2="PE"),
        place="Av. Arequipa",
        capacity=25,
        contact_name="Rosa",
        contact_email="rosa@example.org",
    )
    hub.sessions.add(session)
    services.approve_hub(by=secretariat, hub=hub)

    page = login(moderator).get(session.get_absolute_url()).content.decode()

    assert "these hubs may ask for the floor through you" in page
    assert "rosa@example.org" in page
