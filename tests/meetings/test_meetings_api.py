"""The meetings app's open data: the same record a visitor's meeting page shows."""

from __future__ import annotations

from django.test import Client

from igf.meetings.models import Objection
from tests.factories import UserFactory
from tests.meetings.factories import (
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    in_hours,
    person,
)


def test_an_open_meeting_shows_its_decisions_and_named_objections_only(
    client: Client, db: None
) -> None:
    meeting = MeetingFactory.create(start=in_hours(-3), end=in_hours(-1))
    AgendaItemFactory.create(meeting=meeting, title="Workplan")
    decision = DecisionFactory.create(meeting=meeting, text="Adopt the workplan.")
    named = UserFactory.create(display_name="Olu Objector")
    quiet = UserFactory.create(display_name="Quinn Quiet")
    Objection.objects.create(decision=decision, person=person(named), text="Too fast.", named=True)
    Objection.objects.create(decision=decision, person=person(quiet), text="Unclear.")

    listed = client.get("/api/v1/meetings?past=true").json()["items"]
    assert meeting.pk in [m["id"] for m in listed]
    detail = client.get(f"/api/v1/meetings/{meeting.pk}").json()
    assert detail["agenda"] == []  # not approved: a draft agenda stays with the members
    [shown] = detail["decisions"]
    assert shown["text"] == "Adopt the workplan."
    assert shown["consensus"] == "consensus"
    assert {o["name"] for o in shown["objections"]} == {"Olu Objector", None}
    assert "Quinn Quiet" not in str(detail)


def test_a_closed_meetings_record_stays_hidden(client: Client, db: None) -> None:
    meeting = MeetingFactory.create(open_to_observers=False)
    DecisionFactory.create(meeting=meeting, text="A closed decision.")
    detail = client.get(f"/api/v1/meetings/{meeting.pk}").json()
    assert detail["title"] == meeting.title
    assert detail["decisions"] == []
    assert client.get("/api/v1/meetings/999999").status_code == 404
