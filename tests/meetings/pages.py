"""The meetings app's pages, for the checks on every page (weight, languages, XSS, axe)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from igf.bodies.enums import Role
from igf.meetings import services
from igf.meetings.enums import ConsensusLevel
from igf.meetings.models import Meeting
from igf.people.models import User
from tests.factories import UserFactory
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    member,
    register,
)
from tests.pages import Page


def _meeting(user: User, *, past: bool = False, consultation: bool = False) -> Meeting:
    """A meeting with everything on its page: agenda, decisions, actions, minutes, transcript."""
    body = None if consultation else BodyFactory.create()
    chair = member(body, Role.CHAIR) if body else user
    if body is not None:
        member(body, Role.MEMBER, user=UserFactory.create())
    start = timezone.now() + timedelta(days=-3 if past else 3)
    meeting = MeetingFactory.create(
        body=body,
        start=start,
        end=start + timedelta(hours=2),
        recording_url="https://v.example.org/r",
    )
    for n in range(4):
        AgendaItemFactory.create(
            meeting=meeting, title=f"Item {n}", documents="[Draft](https://example.org/d)"
        )
    register(meeting, UserFactory.create())
    decision = services.record_decision(
        by=user, meeting=meeting, text="The group adopts the **work plan**.",
        consensus=ConsensusLevel.ROUGH_CONSENSUS, determined_by=chair.person,
        by_correspondence=not past, decided_on=None if past else timezone.localdate(),
    )  # fmt: skip
    services.object_to_decision(by=chair, decision=decision, text="Too broad.", named=False)
    ActionItemFactory.create(meeting=meeting, decision=decision, owner=chair.person)
    services.save_minutes(by=user, meeting=meeting, summary="Minutes *summary*.", items={})
    services.attach_transcript(
        by=user, meeting=meeting, language="en", source_format="text",
        text="[00:00:05] Chair: Welcome.\n\n[00:01:10] Member: Thank you.",
    )  # fmt: skip
    if consultation:
        services.submit_written_input(by=chair, meeting=meeting, title="An input", text="Text")
    return meeting


def _path(suffix: str, **options: bool):  # type: ignore[no-untyped-def]
    return lambda u: f"/meetings/{_meeting(u, **options).pk}/{suffix}"


def _body_path(suffix: str):  # type: ignore[no-untyped-def]
    return lambda u: f"/meetings/bodies/{_meeting(u, past=True).body.slug}/{suffix}"  # type: ignore[union-attr]


def _decision(user: User) -> str:
    return _meeting(user, past=True).decisions.get().get_absolute_url()


def _transcript(user: User) -> str:
    return _meeting(user, past=True).transcripts.get().get_absolute_url()


def _action(user: User) -> str:
    return f"/meetings/actions/{_meeting(user).action_items.get().pk}/"


def _agenda_item(user: User) -> str:
    meeting = _meeting(user)
    return f"/meetings/{meeting.pk}/agenda/{meeting.agenda_items.first().pk}/"  # type: ignore[union-attr]


PAGES = [
    Page("meetings", lambda u: "/meetings/"),
    Page("meeting", _path("")),
    Page("past meeting", _path("", past=True)),
    Page("consultation", _path("", consultation=True)),
    Page("meeting history", _path("history/", past=True)),
    Page("body meetings", _body_path("")),
    Page("decision register", _body_path("decisions/")),
    Page("body actions", _body_path("actions/")),
    Page("consultations", lambda u: "/meetings/consultations/"),
    Page("decision", _decision),
    Page("transcript", _transcript),
    Page("transcript search", lambda u: "/meetings/transcripts/?q=welcome"),
    Page("attendance rates", _body_path("attendance/"), signed_in=True),
    Page("schedule meeting", _body_path("new/"), signed_in=True),
    Page("schedule consultation", lambda u: "/meetings/consultations/new/", signed_in=True),
    Page("edit meeting", _path("edit/"), signed_in=True),
    Page("agenda", _path("agenda/"), signed_in=True),
    Page("agenda item", _agenda_item, signed_in=True),
    Page("record attendance", _path("attendance/", past=True), signed_in=True),
    Page("minutes", _path("minutes/", past=True), signed_in=True),
    Page("record decision", _path("decisions/new/"), signed_in=True),
    Page("add action", _path("actions/new/"), signed_in=True),
    Page("action", _action, signed_in=True),
    Page("written input", _path("inputs/new/", consultation=True), signed_in=True),
    Page("add transcript", _path("transcripts/new/"), signed_in=True),
    Page("my meetings", lambda u: "/meetings/mine/", signed_in=True),
    Page("signed-in meeting", _path(""), signed_in=True),
]
