"""The scene of the schedule's and the outcomes' permission matrices: a published meeting, a
draft and a past one, each with a session whose speaker and organiser are actors, and a
registered participant.

Roles: the public, a participant, a registered participant, a speaker and an organiser of a
session, the secretariat and an administrator (who, as superuser, passes every check).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from igf.meetings.services import calendar_feed_of
from igf.programme.enums import ParticipantRole
from igf.programme.models import AnnualMeeting, Session
from igf.schedule.models import Registration
from tests.factories import UserFactory, person_of
from tests.matrix import Roles
from tests.programme.factories import SessionPersonFactory
from tests.schedule.factories import schedule_meeting

ROLES = (
    "anonymous", "participant", "registered", "speaker", "organiser", "secretariat", "admin",
)  # fmt: skip
_roles = Roles(ROLES)
everyone, signed_in = _roles.everyone, _roles.signed_in
only = _roles.only


@dataclass
class Scene:
    meeting: AnnualMeeting
    session: Session
    draft_meeting: AnnualMeeting
    draft_session: Session
    past_meeting: AnnualMeeting
    past_session: Session
    token: str


@pytest.fixture
def actors(roles) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return {
        "anonymous": None,
        "participant": roles["participant"],
        "registered": UserFactory.create(display_name="Rhea Registered"),
        "speaker": UserFactory.create(display_name="Sami Speaker"),
        "organiser": UserFactory.create(display_name="Olu Organiser"),
        "secretariat": roles["secretariat"],
        "admin": roles["admin"],
    }


def name_in_session(session: Session, actors: dict[str, Any]) -> None:
    SessionPersonFactory.create(session=session, person=person_of(actors["speaker"]))
    SessionPersonFactory.create(
        session=session, role=ParticipantRole.ORGANISER, person=person_of(actors["organiser"])
    )


@pytest.fixture
def scene(actors: dict[str, Any]) -> Scene:
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    draft = schedule_meeting(sessions=1, publish=False)
    draft_session = draft.sessions.get()
    past = schedule_meeting(sessions=1, starts=timezone.localdate() - dt.timedelta(days=10))
    past_session = past.sessions.get()
    for item in (session, draft_session, past_session):
        name_in_session(item, actors)
    Registration.objects.create(
        meeting=meeting, person=person_of(actors["registered"]), attendance="online"
    )
    return Scene(
        meeting=meeting,
        session=session,
        draft_meeting=draft,
        draft_session=draft_session,
        past_meeting=past,
        past_session=past_session,
        token=calendar_feed_of(person_of(actors["speaker"])).token,
    )


STAFF = only("secretariat")
INSIDERS = only("speaker", "organiser", "secretariat", refused=404, anonymous=404)


def m(scene: Scene) -> str:
    return f"/programme/meetings/{scene.meeting.slug}"
