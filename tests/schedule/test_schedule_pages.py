"""The public schedule, session pages, the personal agenda and the exports, as participants
and conference apps see them; the staff's grid editor."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import icalendar
import jsonschema  # type: ignore[import-untyped]
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree  # type: ignore[import-untyped]

from igf.meetings.services import calendar_feed_of
from igf.schedule import services
from igf.schedule.models import Registration, Slot, Star
from tests.conftest import client_for
from tests.factories import UserFactory, person_of
from tests.programme.factories import SessionPersonFactory
from tests.schedule.factories import release_of, schedule_meeting, venue_time

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).resolve().parents[3] / "shared" / "data" / "schedule-formats"


def schema_file(name: str) -> Path:
    """A schema of the conference schedule format (../shared/data/schedule-formats, read-only,
    beside the checkout as in CI); the validation tests skip, saying so, where it is absent."""
    path = SCHEMAS / name
    if not path.exists():
        pytest.skip(f"{path} is not present")
    return path


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_schedule_shows_the_first_day_in_the_viewers_zone_with_the_venues_beside() -> None:
    meeting = schedule_meeting(sessions=3)
    client = Client()
    client.cookies["django_language"] = "en"
    html = page(client, f"/programme/meetings/{meeting.slug}/schedule/")
    assert "3 sessions of 3." in html
    # The visitor's zone is UTC; the venue (Zurich, summer or winter time) is ahead of it.
    first = release_of(meeting).entries
    assert "Workshop 1" in html
    assert "at the venue" in html
    assert "09:00\u201310:00 at the venue" in html
    assert len(first) == 3


def test_schedule_filters_by_search_theme_room_and_day() -> None:
    meeting = schedule_meeting(sessions=5)
    SessionPersonFactory.create(
        session=meeting.sessions.get(title="Workshop 5"), name="Zanele Unique"
    )
    client = Client()
    url = f"/programme/meetings/{meeting.slug}/schedule/"
    found = page(client, f"{url}?q=zanele")
    assert "1 session of 5." in found
    assert "Workshop 5" in found
    assert "Workshop 1<" not in found
    # Workshop 5 is on the second day: the first day alone does not show it.
    assert "Workshop 5" not in page(client, f"{url}?day={meeting.starts.isoformat()}")
    plenary = meeting.rooms.get(name="Plenary")
    assert "5 sessions of 5." in page(client, f"{url}?room={plenary.pk}&day=all")
    # Only rooms that hold sessions are offered; another is refused next to the field.
    empty = meeting.rooms.get(name="Room B")
    refused = page(client, f"{url}?room={empty.pk}&day=all")
    assert "Select a valid choice." in refused


def test_schedule_ignores_hostile_filters_without_failing() -> None:
    meeting = schedule_meeting(sessions=2)
    url = f"/programme/meetings/{meeting.slug}/schedule/"
    for query in ("?theme=abc", "?day=2099-01-01", "?q=%00%3Cscript%3E", "?room=99999999999999"):
        html = page(Client(), url + query)
        assert "<script>" not in html


def test_anonymous_schedule_is_served_from_the_cache_without_queries() -> None:
    meeting = schedule_meeting(sessions=3)
    url = f"/programme/meetings/{meeting.slug}/schedule/"
    client = Client()
    page(client, url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    assert len(context.captured_queries) == 0
    # The page carries the visitor's own CSRF token (and sets its cookie): a browser may keep
    # it for a minute, a shared cache never (it would hand one visitor's token to the next).
    assert "max-age=60" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_change_to_a_session_reaches_the_cached_schedule() -> None:
    meeting = schedule_meeting(sessions=1)
    url = f"/programme/meetings/{meeting.slug}/schedule/"
    page(Client(), url)
    session = meeting.sessions.get()
    session.title = "A brand new title"
    session.save()
    assert "A brand new title" in page(Client(), url)


def test_unpublished_schedule_says_so_and_hides_sessions() -> None:
    meeting = schedule_meeting(sessions=1, publish=False)
    html = page(Client(), f"/programme/meetings/{meeting.slug}/schedule/")
    assert "The schedule is not published yet." in html
    session = meeting.sessions.get()
    assert Client().get(session.get_absolute_url()).status_code == 404


def test_session_page_shows_speakers_groups_regions_and_the_join_link() -> None:
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    html = page(Client(), session.get_absolute_url())
    assert "Civil society" in html
    assert "African Group" in html
    assert session.join_url in html


def test_join_link_is_for_registered_participants_when_links_are_private() -> None:
    meeting = schedule_meeting(sessions=1, join_links_public=False)
    session = meeting.sessions.get()
    assert session.join_url not in page(Client(), session.get_absolute_url())
    visitor = UserFactory.create()
    assert session.join_url not in page(client_for(visitor), session.get_absolute_url())
    Registration.objects.create(meeting=meeting, person=person_of(visitor), attendance="online")
    assert session.join_url in page(client_for(visitor), session.get_absolute_url())


def test_star_puts_a_session_in_the_agenda_which_flags_clashes() -> None:
    meeting = schedule_meeting(sessions=2)
    first, second = meeting.sessions.order_by("pk")
    # Make the second overlap the first, then publish again.
    Slot.objects.filter(session=second).update(
        room=meeting.rooms.get(name="Room B"), start=first.slot.start, end=first.slot.end
    )
    services.publish_schedule(by=None, meeting=meeting)
    user = UserFactory.create()
    client = client_for(user)
    for session in (first, second):
        response = client.post(
            f"/programme/sessions/{session.pk}/star/",
            {"starred": "1", "next": "https://evil.example/"},
        )
        assert response.status_code == 302
        assert response["Location"] == f"{session.get_absolute_url()}#session-{session.pk}"
    html = page(client, f"/programme/meetings/{meeting.slug}/agenda/")
    assert "2 sessions in your agenda overlap another one." in html
    client.post(f"/programme/sessions/{second.pk}/star/", {"starred": "0"})
    assert Star.objects.filter(person=person_of(user)).count() == 1


def test_agenda_feed_is_a_calendar_of_starred_sessions_with_join_links() -> None:
    meeting = schedule_meeting(sessions=2)
    first = meeting.sessions.order_by("pk").first()
    assert first is not None
    user = UserFactory.create()
    Star.objects.create(person=person_of(user), session=first)
    token = calendar_feed_of(person_of(user)).token
    response = Client().get(f"/programme/meetings/{meeting.slug}/agenda/{token}.ics")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Workshop 1"]
    assert str(events[0]["conference"]) == first.join_url
    assert Client().get(f"/programme/meetings/{meeting.slug}/agenda/wrong.ics").status_code == 404


def test_agenda_feed_gives_private_join_links_only_of_a_speakers_own_sessions() -> None:
    meeting = schedule_meeting(sessions=2, join_links_public=False)
    own, other = meeting.sessions.order_by("pk")
    user = UserFactory.create()
    SessionPersonFactory.create(session=own, person=person_of(user), name="Speaker")
    Star.objects.create(person=person_of(user), session=other)
    token = calendar_feed_of(person_of(user)).token
    response = Client().get(f"/programme/meetings/{meeting.slug}/agenda/{token}.ics")
    events = {
        str(e["summary"]): e for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    }
    assert set(events) == {own.title, other.title}
    assert str(events[own.title]["conference"]) == own.join_url
    # Not registered: the starred session's link stays private, as on its page.
    assert "conference" not in events[other.title]
    assert other.join_url not in response.content.decode()


def test_a_cached_session_page_shows_a_change_at_once() -> None:
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    assert "Workshop 1" in page(Client(), session.get_absolute_url())
    session.title = "Renamed workshop"
    session.save()
    assert "Renamed workshop" in page(Client(), session.get_absolute_url())


def test_an_unpublished_meetings_export_fetched_by_staff_is_not_served_to_visitors(
    secretariat,
) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=1)
    meeting.published = False
    meeting.save()
    url = f"/programme/meetings/{meeting.slug}/schedule.ics"
    assert client_for(secretariat).get(url).status_code == 200
    assert Client().get(url).status_code == 404


def test_agenda_address_can_be_reset() -> None:
    meeting = schedule_meeting(sessions=1)
    user = UserFactory.create()
    old = calendar_feed_of(person_of(user)).token
    response = client_for(user).post(f"/programme/meetings/{meeting.slug}/agenda/")
    assert response.status_code == 302
    assert Client().get(f"/programme/meetings/{meeting.slug}/agenda/{old}.ics").status_code == 404


def test_ical_exports_parse_whole_per_room_and_per_theme() -> None:
    meeting = schedule_meeting(sessions=3)
    room = meeting.rooms.get(name="Plenary")
    theme = meeting.themes.get()
    for url, count in (
        (f"/programme/meetings/{meeting.slug}/schedule.ics", 3),
        (f"/programme/meetings/{meeting.slug}/rooms/{room.pk}.ics", 3),
        (f"/programme/meetings/{meeting.slug}/themes/{theme.pk}.ics", 3),
        (f"/programme/meetings/{meeting.slug}/rooms/{meeting.rooms.get(name='Room B').pk}.ics", 0),
    ):
        response = Client().get(url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")
        calendar = icalendar.Calendar.from_ical(response.content)
        events = list(calendar.walk("VEVENT"))
        assert len(events) == count
        for event in events:
            start = event.decoded("dtstart")
            assert isinstance(start, dt.datetime)
            assert start.tzinfo is not None
            assert str(event["uid"]).endswith("@igf-platform")
    assert Client().get(f"/programme/meetings/{meeting.slug}/rooms/999999.ics").status_code == 404


def test_xml_export_validates_against_the_schedule_schema() -> None:
    meeting = schedule_meeting(sessions=3)
    SessionPersonFactory.create(session=meeting.sessions.first(), name="Ünïcode <Name> & Co")
    response = Client().get(f"/programme/meetings/{meeting.slug}/schedule.xml")
    assert response.status_code == 200
    schema = etree.XMLSchema(etree.parse(str(schema_file("schedule.xml.xsd"))))
    document = etree.fromstring(response.content)
    assert schema.validate(document), schema.error_log
    events = document.findall("day/room/event")
    assert sorted(e.findtext("title") for e in events) == ["Workshop 1", "Workshop 2", "Workshop 3"]
    assert document.findtext("conference/time_zone_name") == "Europe/Zurich"


def test_json_export_validates_against_the_schedule_schema() -> None:
    meeting = schedule_meeting(sessions=3)
    response = Client().get(f"/programme/meetings/{meeting.slug}/schedule.json")
    data = json.loads(response.content)
    schema = json.loads(schema_file("schedule.schema.json").read_text())
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    conference = data["schedule"]["conference"]
    events = [e for day in conference["days"] for room in day["rooms"].values() for e in room]
    assert len(events) == 3
    first = min(events, key=lambda e: e["date"])
    assert (first["start"], first["duration"], first["room"]) == ("09:00", "01:00", "Plenary")
    assert len(first["persons"]) == 3


def test_csv_export_is_one_row_per_session_and_defuses_formulas() -> None:
    meeting = schedule_meeting(sessions=2)
    session = meeting.sessions.order_by("pk").first()
    assert session is not None
    session.title = '=HYPERLINK("http://evil")'
    session.save()
    response = Client().get(f"/programme/meetings/{meeting.slug}/schedule.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[0]["title"].startswith("'=")
    assert rows[0]["start"] == "09:00"
    assert rows[0]["room"] == "Plenary"


def test_static_snapshot_is_written_on_release(
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
    snapshot_folder: Path,
) -> None:
    meeting = schedule_meeting(sessions=2, publish=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_schedule(by=None, meeting=meeting)
    folder = snapshot_folder / meeting.slug
    assert sorted(p.name for p in folder.iterdir()) == [
        "ar", "en", "es", "fr", "index.html", "ru", "schedule.csv", "schedule.ics",
        "schedule.json", "schedule.xml", "snapshot.css", "zh-hans",
    ]  # fmt: skip
    html = (folder / "index.html").read_text()
    assert "Workshop 1" in html
    assert meeting.sessions.order_by("pk")[0].join_url in html
    assert "<script" not in html
    icalendar.Calendar.from_ical((folder / "schedule.ics").read_bytes())


def test_changes_page_lists_moves_between_releases() -> None:
    meeting = schedule_meeting(sessions=2)
    session = meeting.sessions.order_by("pk").first()
    assert session is not None
    services.move_session(
        by=UserFactory.create(),
        session=session,
        room=meeting.rooms.get(name="Room B"),
        start=venue_time(meeting, 1, "14:00"),
    )
    services.publish_schedule(by=None, meeting=meeting, note="One room changed.")
    html = page(Client(), f"/programme/meetings/{meeting.slug}/schedule/changes/")
    assert "Version 2" in html
    assert "One room changed." in html
    assert "from Plenary," in html
    assert "to Room B," in html


# --- The staff's editor -------------------------------------------------------------------------


def test_editor_shows_the_grid_costs_and_unplaced_sessions(secretariat) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=2, publish=False)
    Slot.objects.filter(session__title="Workshop 2").delete()
    html = page(client_for(secretariat), f"/programme/meetings/{meeting.slug}/schedule/edit/")
    assert "1 of 2 sessions placed." in html
    assert "Not placed (1)" in html
    assert "Workshop 2" in html
    assert "Soft constraints: cost 0" in html


def test_editor_refuses_a_move_with_the_reason_on_the_page(secretariat) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=2, publish=False)
    first, second = meeting.sessions.order_by("pk")
    url = f"/programme/meetings/{meeting.slug}/schedule/edit/sessions/{second.pk}/"
    response = client_for(secretariat).post(
        url,
        {
            "action": "move",
            "room": first.slot.room_id,
            "start": first.slot.start.isoformat(),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Refused:" in html
    assert "“Workshop 1” and “Workshop 2” are in Plenary at the same time." in html


def test_editor_moves_pins_places_and_unplaces(secretariat) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=1, publish=False)
    session = meeting.sessions.get()
    client = client_for(secretariat)
    url = f"/programme/meetings/{meeting.slug}/schedule/edit/sessions/{session.pk}/"
    room_b = meeting.rooms.get(name="Room B")
    start = venue_time(meeting, 1, "11:30")
    assert (
        client.post(
            url, {"action": "move", "room": room_b.pk, "start": start.isoformat()}
        ).status_code
        == 302
    )
    assert Slot.objects.get(session=session).room == room_b
    assert client.post(url, {"action": "pin"}).status_code == 302
    assert Slot.objects.get(session=session).pinned
    assert client.post(url, {"action": "unplace"}).status_code == 200  # refused: pinned
    client.post(url, {"action": "unpin"})
    assert client.post(url, {"action": "unplace"}).status_code == 302
    assert not Slot.objects.filter(session=session).exists()
    listed = page(client, url)
    assert "Free places" in listed
    response = client.post(
        url,
        {
            "action": "place",
            "room": room_b.pk,
            "start": venue_time(meeting, 0, "09:00").isoformat(),
        },
    )
    assert response.status_code == 302
    assert Slot.objects.filter(session=session).exists()
    assert (
        client.post(url, {"action": "place", "room": "x", "start": "nonsense"}).status_code == 200
    )


def test_editor_swap_form(secretariat) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=2, publish=False)
    first, second = meeting.sessions.order_by("pk")
    url = f"/programme/meetings/{meeting.slug}/schedule/edit/sessions/{first.pk}/"
    response = client_for(secretariat).post(url, {"action": "swap", "other": second.pk})
    assert response.status_code == 302
    assert Slot.objects.get(session=first).start == venue_time(meeting, 0, "10:15")


def test_grids_page_adds_and_deletes_and_refuses_bad_times(secretariat) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=0, publish=False)
    client = client_for(secretariat)
    url = f"/programme/meetings/{meeting.slug}/schedule/grids/"
    workshop = meeting.session_types.get()
    bad = client.post(
        url,
        {
            "name": "Evening",
            "duration": "60",
            "session_types": [workshop.pk],
            "days": [meeting.starts.isoformat()],
            "starts": "25:00 9am",
        },
    )
    assert "“25:00” is not a time like 09:30." in bad.content.decode()
    good = client.post(
        url,
        {
            "name": "Evening",
            "duration": "60",
            "session_types": [workshop.pk],
            "days": [meeting.starts.isoformat()],
            "starts": "18:00, 19h30",
        },
    )
    assert good.status_code == 302
    evening = meeting.grids.get(name="Evening")
    assert [s.start.astimezone(meeting.zone).strftime("%H:%M") for s in evening.slots.all()] == [
        "18:00",
        "19:30",
    ]
    assert client.post(url, {"delete": evening.pk}).status_code == 302
    assert not meeting.grids.filter(name="Evening").exists()


def test_publish_page_publishes_and_shows_the_first_version(secretariat) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=2, publish=False)
    client = client_for(secretariat)
    url = f"/programme/meetings/{meeting.slug}/schedule/publish/"
    refused = client.post(url, {"note": "x"})
    assert "Tick the box to publish the schedule." in refused.content.decode()
    assert client.post(url, {"note": "First", "confirm": "on"}).status_code == 302
    assert release_of(meeting).note == "First"


def test_solve_page_queues_a_run_and_shows_its_result(  # type: ignore[no-untyped-def]
    secretariat, django_capture_on_commit_callbacks
) -> None:
    meeting = schedule_meeting(sessions=2, publish=False)
    client = client_for(secretariat)
    url = f"/programme/meetings/{meeting.slug}/schedule/solve/"
    data = {
        "time_limit": "5",
        "weight_theme_parallel": "10",
        "weight_remote_hours": "5",
        "weight_theme_spread": "2",
        "weight_track_rooms": "3",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    html = page(client, url)
    assert "2 of 2 sessions in" in html
    bad = client.post(url, {**data, "weight_theme_parallel": "-4"})
    assert "Ensure this value is greater than or equal to 0." in bad.content.decode()


def test_publication_warning_reaches_staff_pages(secretariat) -> None:  # type: ignore[no-untyped-def]
    soon = timezone.localdate() + dt.timedelta(days=35)
    meeting = schedule_meeting(sessions=1, publish=False, starts=soon)
    html = page(client_for(secretariat), f"/programme/meetings/{meeting.slug}/schedule/edit/")
    assert "Publish the schedule by" in html
    home = page(client_for(secretariat), "/")
    assert "Publish the schedule by" in home
    assert "Publish the schedule by" not in page(Client(), "/")


def test_the_meeting_page_leads_to_its_published_schedule_and_statistics() -> None:
    meeting = schedule_meeting(sessions=1)
    html = page(Client(), f"/programme/meetings/{meeting.slug}/")
    for url in (
        f"/programme/meetings/{meeting.slug}/schedule/",
        f"/programme/meetings/{meeting.slug}/schedule/changes/",
        f"/programme/meetings/{meeting.slug}/statistics/",
    ):
        assert f'href="{url}"' in html
        assert Client().get(url).status_code == 200


def test_filtering_by_room_or_theme_offers_its_calendar() -> None:
    meeting = schedule_meeting(sessions=3)
    room = meeting.rooms.get(name="Plenary")
    theme = meeting.themes.first()
    assert theme is not None
    url = f"/programme/meetings/{meeting.slug}/schedule/"
    assert "Calendar of this room" not in page(Client(), url)
    html = page(Client(), f"{url}?room={room.pk}&theme={theme.pk}")
    for link in (
        f"/programme/meetings/{meeting.slug}/rooms/{room.pk}.ics",
        f"/programme/meetings/{meeting.slug}/themes/{theme.pk}.ics",
    ):
        assert f'href="{link}"' in html
        assert Client().get(link).status_code == 200
