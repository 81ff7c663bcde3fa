"""Lists do not grow in queries with their length (no N+1), and hostile input is harmless."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from igf.meetings import services
from igf.meetings.enums import ConsensusLevel
from igf.people.models import User
from tests.factories import UserFactory
from tests.meetings.conftest import World
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    in_hours,
    register,
)


def queries_for(client: Client, url: str) -> int:
    client.get(url)  # warm caches (content types, sessions, permissions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def grow(world: World, count: int) -> None:
    """`count` of everything a meeting, a body and a person's page list."""
    for n in range(count):
        MeetingFactory.create(body=world.body, title=f"Call {n}")
        MeetingFactory.create(body=world.body, title=f"Past call {n}", start=in_hours(-100 - n))
        MeetingFactory.create(body=None, title=f"Consultation {n}")
        AgendaItemFactory.create(meeting=world.meeting)
        decision = DecisionFactory.create(meeting=world.meeting, consensus=ConsensusLevel.CONSENSUS)
        ActionItemFactory.create(
            meeting=world.meeting, decision=decision, owner=world.member.person
        )
        past = MeetingFactory.create(body=world.body, start=in_hours(-500 - n))
        ActionItemFactory.create(meeting=past, owner=world.member.person)
        register(world.meeting, UserFactory.create())
        services.object_to_decision(by=world.member, decision=decision, text="No.", named=True)
        services.attach_transcript(
            by=world.rapporteur, meeting=world.meeting, language=("en", "fr", "es")[n],
            source_format="text", text="[00:00:01] Chair: welcome to the encryption session",
        )  # fmt: skip


PAGES: list[tuple[str, Callable[[World], str], str]] = [
    ("list", lambda w: "/meetings/", "anonymous"),
    ("past list", lambda w: "/meetings/?when=past", "anonymous"),
    ("meeting as public", lambda w: f"/meetings/{w.meeting.pk}/", "anonymous"),
    ("meeting as member", lambda w: f"/meetings/{w.meeting.pk}/", "member"),
    ("meeting as rapporteur", lambda w: f"/meetings/{w.meeting.pk}/", "rapporteur"),
    ("body", lambda w: "/meetings/bodies/bpf-cyber/", "anonymous"),
    ("decision register", lambda w: "/meetings/bodies/bpf-cyber/decisions/", "anonymous"),
    ("body actions", lambda w: "/meetings/bodies/bpf-cyber/actions/", "anonymous"),
    ("attendance rates", lambda w: "/meetings/bodies/bpf-cyber/attendance/", "chair"),
    ("consultations", lambda w: "/meetings/consultations/", "anonymous"),
    ("agenda", lambda w: f"/meetings/{w.meeting.pk}/agenda/", "rapporteur"),
    ("attendance form", lambda w: f"/meetings/{w.meeting.pk}/attendance/", "rapporteur"),
    ("minutes form", lambda w: f"/meetings/{w.meeting.pk}/minutes/", "rapporteur"),
    ("my meetings", lambda w: "/meetings/mine/", "member"),
    ("transcript search", lambda w: "/meetings/transcripts/?q=encryption", "anonymous"),
    ("body calendar", lambda w: "/meetings/bodies/bpf-cyber/calendar.ics", "anonymous"),
    ("history", lambda w: f"/meetings/{w.meeting.pk}/history/", "anonymous"),
]


@pytest.mark.parametrize(("name", "url", "role"), PAGES, ids=[p[0] for p in PAGES])
def test_page_queries_do_not_grow_with_items(
    meeting_roles: dict[str, User | None], world: World, login, name: str, url, role: str
) -> None:  # type: ignore[no-untyped-def]
    client = login(meeting_roles[role])
    grow(world, 1)
    with_one = queries_for(client, url(world))
    grow(world, 2)
    with_three = queries_for(client, url(world))
    assert with_three == with_one, (name, with_one, with_three)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "<script>alert(1)</script>"}, {"q": "\x00"}, {"q": "x" * 5000},
        {"consensus": "'; DROP TABLE meetings_decision; --"}, {"page": "-1"}, {"page": "abc"},
        {"status": "<b>"}, {"year": "99999999999999999999"}, {"year": "abc"}, {"when": "\x00"},
    ],
)  # fmt: skip
def test_hostile_query_strings_are_harmless(world: World, client: Client, params) -> None:  # type: ignore[no-untyped-def]
    for url in (
        "/meetings/", "/meetings/bodies/bpf-cyber/decisions/",
        "/meetings/bodies/bpf-cyber/actions/", "/meetings/consultations/", "/meetings/transcripts/",
    ):  # fmt: skip
        response = client.get(url, params)
        assert response.status_code == 200, (url, params)
        assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"title": "\x00", "day": "2027-01-01", "start_time": "10:00", "end_time": "11:00",
         "timezone": "UTC"},
        {"title": "x" * 5000, "day": "not a day", "start_time": "25:00", "end_time": "x",
         "timezone": "Mars/Base"},
        {"title": "Call", "day": "2027-01-01", "start_time": "10:00", "end_time": "09:00",
         "timezone": "UTC", "interpretation_languages": ["xx"]},
    ],
)  # fmt: skip
def test_hostile_meeting_forms_are_refused_with_messages(world: World, login, data) -> None:  # type: ignore[no-untyped-def]
    response = login(world.chair).post("/meetings/bodies/bpf-cyber/new/", data)
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("agenda/", {"title": "\x00", "minutes_allotted": "-5"}),
        ("agenda/", {"title": "ok", "minutes_allotted": "100000"}),
        ("decisions/new/", {"text": "x", "consensus": "unanimous-ish"}),
        ("decisions/new/", {"text": "\x00", "consensus": "consensus", "agenda_item": "999"}),
        ("actions/new/", {"title": "x", "owner": "999999", "due": "2027-02-30"}),
        ("minutes/", {"summary": "\x00"}),
        ("transcripts/new/", {"language": "xx", "text": ""}),
    ],
)
def test_hostile_record_forms_are_refused(world: World, login, path: str, data) -> None:  # type: ignore[no-untyped-def]
    response = login(world.rapporteur).post(f"/meetings/{world.meeting.pk}/{path}", data)
    assert response.status_code == 200, (path, response.status_code)
    assert 'class="errorlist' in response.content.decode()


def test_unknown_attendance_status_is_refused(world: World, login) -> None:  # type: ignore[no-untyped-def]
    world.meeting.start = in_hours(-1)
    world.meeting.save(update_fields=["start"])
    response = login(world.rapporteur).post(
        f"/meetings/{world.meeting.pk}/attendance/",
        {f"person_{world.member.person.pk}": "teleported"},
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()


def test_unknown_objects_are_404(world: World, login) -> None:  # type: ignore[no-untyped-def]
    client = login(world.rapporteur)
    for url in (
        "/meetings/999999/", "/meetings/bodies/nothing/", "/meetings/decisions/999999/",
        "/meetings/transcripts/999999/", f"/meetings/{world.meeting.pk}/agenda/999999/",
    ):  # fmt: skip
        assert client.get(url).status_code == 404, url
