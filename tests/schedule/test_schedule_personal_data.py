"""What the schedule holds about a person: in their export, and scrubbed when they leave."""

from __future__ import annotations

import json

from django.test import Client

from igf.core.models import Country
from igf.people import services as people_services
from igf.people.models import User
from igf.schedule import services
from igf.schedule.models import Registration, Star
from tests.factories import person_of
from tests.programme.factories import SessionPersonFactory
from tests.schedule.factories import schedule_meeting, venue_time


def test_the_export_holds_sessions_agenda_and_registrations(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    person = person_of(participant)
    SessionPersonFactory.create(
        session=session, person=person, name="Amina S.", timezone="Asia/Tokyo"
    )
    Star.objects.create(person=person, session=session)
    Registration.objects.create(meeting=meeting, person=person, attendance="online")
    data = json.loads(login(participant).get("/me/data.json").content)
    assert [(s["session"], s["name"], s["timezone"]) for s in data["programme"]["sessions"]] == [
        ("Workshop 1", "Amina S.", "Asia/Tokyo")
    ]
    data = data["schedule"]
    assert [s["session"] for s in data["starred_sessions"]] == ["Workshop 1"]
    assert [r["attendance"] for r in data["registrations"]] == ["online"]


def test_the_export_holds_stated_unavailability_and_registered_hubs(
    participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    row = SessionPersonFactory.create(session=session, person=person_of(participant))
    services.add_unavailability(
        by=participant,
        session_person=row,
        start=venue_time(meeting, 0, "09:00"),
        end=venue_time(meeting, 0, "12:00"),
        note="travelling",
    )
    services.register_hub(
        by=participant,
        meeting=meeting,
        data={
            "host_organization": "Accra Hub",
            "city": "Accra",
            "country": Country.objects.get(iso2="GH"),
            "place": "Ring Road",
            "capacity": 30,
            "contact_name": "Kofi",
            "contact_email": "kofi@example.org",
        },
        sessions=[session],
    )
    data = json.loads(login(participant).get("/me/data.json").content)["schedule"]
    assert [u["note"] for u in data["unavailability"]] == ["travelling"]
    assert [h["contact_email"] for h in data["remote_hubs_registered"]] == ["kofi@example.org"]


def test_leaving_scrubs_session_rows_and_deletes_agenda_and_registrations(
    participant: User,
) -> None:
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    person = person_of(participant)
    row = SessionPersonFactory.create(session=session, person=person, name="Amina S.")
    Star.objects.create(person=person, session=session)
    Registration.objects.create(meeting=meeting, person=person, attendance="online")
    people_services.erase_account(by=participant, person=person)
    row.refresh_from_db()
    assert (row.name, row.email, row.display_name) == ("", "", "former participant")
    assert not Star.objects.filter(person=person).exists()
    assert not Registration.objects.filter(person=person).exists()


def test_leaving_takes_the_name_off_the_cached_session_page_at_once(participant: User) -> None:
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    person = person_of(participant)
    SessionPersonFactory.create(session=session, person=person, name="Amina Unique")
    assert "Amina Unique" in Client().get(session.get_absolute_url()).content.decode()
    people_services.erase_account(by=participant, person=person)
    html = Client().get(session.get_absolute_url()).content.decode()
    assert "Amina Unique" not in html
    assert "former participant" in html
