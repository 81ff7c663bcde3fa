"""Every role against every page and action of the schedule and the meeting's aftermath.

Roles: the public, a participant, a registered participant, a speaker and an organiser of a
session, the secretariat and an administrator (who, as superuser, passes every check).
302 to sign-in means "sign in first"; 403 and 404 mean refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from igf.meetings.services import calendar_feed_of
from igf.programme.enums import ParticipantRole
from igf.programme.models import AnnualMeeting, Registration, Session, SessionTranscript
from tests.factories import UserFactory, person_of
from tests.matrix import Roles, Row, check
from tests.programme.factories import SessionPersonFactory, schedule_meeting

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
    transcript: SessionTranscript
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


def _people(session: Session, actors: dict[str, Any]) -> None:
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
        _people(item, actors)
    Registration.objects.create(
        meeting=meeting, person=person_of(actors["registered"]), attendance="online"
    )
    transcript = SessionTranscript.objects.create(
        session=draft_session, language="en", source_format="text"
    )
    return Scene(
        meeting=meeting,
        session=session,
        draft_meeting=draft,
        draft_session=draft_session,
        past_meeting=past,
        past_session=past_session,
        transcript=transcript,
        token=calendar_feed_of(person_of(actors["speaker"])).token,
    )


STAFF = only("secretariat")
INSIDERS = only("speaker", "organiser", "secretariat", refused=404, anonymous=404)


def m(scene: Scene) -> str:
    return f"/programme/meetings/{scene.meeting.slug}"


ROWS: list[Row[Scene]] = [
    Row("schedule", lambda s: f"{m(s)}/schedule/", everyone(200)),
    Row(
        "unpublished schedule",
        lambda s: f"/programme/meetings/{s.draft_meeting.slug}/schedule/",
        everyone(200),
    ),
    Row("changes", lambda s: f"{m(s)}/schedule/changes/", everyone(200)),
    Row("ical", lambda s: f"{m(s)}/schedule.ics", everyone(200)),
    Row("json", lambda s: f"{m(s)}/schedule.json", everyone(200)),
    Row("xml", lambda s: f"{m(s)}/schedule.xml", everyone(200)),
    Row("csv", lambda s: f"{m(s)}/schedule.csv", everyone(200)),
    Row("unknown format", lambda s: f"{m(s)}/schedule.pdf", everyone(404)),
    Row(
        "export before publication",
        lambda s: f"/programme/meetings/{s.draft_meeting.slug}/schedule.ics",
        everyone(404),
    ),
    Row(
        "room calendar", lambda s: f"{m(s)}/rooms/{s.meeting.rooms.all()[0].pk}.ics", everyone(200)
    ),
    Row(
        "theme calendar",
        lambda s: f"{m(s)}/themes/{s.meeting.themes.all()[0].pk}.ics",
        everyone(200),
    ),
    Row("agenda", lambda s: f"{m(s)}/agenda/", signed_in(200)),
    Row("agenda (post)", lambda s: f"{m(s)}/agenda/", signed_in(302), method="post"),
    Row("agenda feed", lambda s: f"{m(s)}/agenda/{s.token}.ics", everyone(200)),
    Row("session", lambda s: s.session.get_absolute_url(), everyone(200)),
    Row("unpublished session", lambda s: s.draft_session.get_absolute_url(), INSIDERS),
    Row(
        "star (post)",
        lambda s: f"/programme/sessions/{s.session.pk}/star/",
        signed_in(302),
        method="post",
        data={"starred": "1"},
    ),
    Row(
        "star an unpublished session (post)",
        lambda s: f"/programme/sessions/{s.draft_session.pk}/star/",
        {**signed_in(403), "admin": 302},
        method="post",
        data={"starred": "1"},
    ),
    Row("editor", lambda s: f"{m(s)}/schedule/edit/", STAFF),
    Row("edit session", lambda s: f"{m(s)}/schedule/edit/sessions/{s.session.pk}/", STAFF),
    Row(
        "edit session (post)",
        lambda s: f"{m(s)}/schedule/edit/sessions/{s.session.pk}/",
        STAFF,
        method="post",
        data={"action": "nothing"},
    ),
    Row("solve", lambda s: f"{m(s)}/schedule/solve/", STAFF),
    Row("solve (post)", lambda s: f"{m(s)}/schedule/solve/", STAFF, method="post", data={}),
    Row("grids", lambda s: f"{m(s)}/schedule/grids/", STAFF),
    Row("grids (post)", lambda s: f"{m(s)}/schedule/grids/", STAFF, method="post", data={}),
    Row("publish", lambda s: f"{m(s)}/schedule/publish/", STAFF),
    Row("publish (post)", lambda s: f"{m(s)}/schedule/publish/", STAFF, method="post", data={}),
    Row("register", lambda s: f"{m(s)}/register/", signed_in(200)),
    Row(
        "register for a past meeting",
        lambda s: f"/programme/meetings/{s.past_meeting.slug}/register/",
        {**signed_in(403), "admin": 200},
    ),
    Row("statistics", lambda s: f"{m(s)}/statistics/", everyone(200)),
    Row(
        "report compliance", lambda s: f"/programme/meetings/{s.past_meeting.slug}/reports/", STAFF
    ),
    Row(
        "session report",
        lambda s: f"/programme/sessions/{s.past_session.pk}/report/",
        only("organiser", "secretariat"),
    ),
    Row(
        "session report (post)",
        lambda s: f"/programme/sessions/{s.past_session.pk}/report/",
        only("organiser", "secretariat"),
        method="post",
        data={"part": "none"},
    ),
    Row(
        "report of an unpublished session",
        lambda s: f"/programme/sessions/{s.draft_session.pk}/report/",
        only("secretariat"),
    ),
    Row("manage session", lambda s: f"/programme/sessions/{s.session.pk}/manage/", STAFF),
    Row(
        "manage session (post)",
        lambda s: f"/programme/sessions/{s.session.pk}/manage/",
        STAFF,
        method="post",
        data={"action": "none"},
    ),
    Row(
        "transcript of an unpublished session", lambda s: s.transcript.get_absolute_url(), INSIDERS
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
@pytest.mark.parametrize("role", ROLES)
def test_schedule_permission_matrix(
    actors: dict[str, Any], scene: Scene, login, row: Row[Any], role: str
) -> None:  # type: ignore[no-untyped-def]
    client: Client = login(actors[role])
    response = getattr(client, row.method)(row.url(scene), row.data or {})
    check(response, row.expected[role], row.name, role)


def test_join_link_reaches_only_those_allowed_when_links_are_private(
    actors: dict[str, Any], login
) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=1, join_links_public=False)
    session = meeting.sessions.get()
    _people(session, actors)
    Registration.objects.create(
        meeting=meeting, person=person_of(actors["registered"]), attendance="online"
    )
    sees = {
        role: session.join_url
        in login(actors[role]).get(session.get_absolute_url()).content.decode()
        for role in ROLES
    }
    assert sees == {
        "anonymous": False,
        "participant": False,
        "registered": True,
        "speaker": True,
        "organiser": True,
        "secretariat": True,
        "admin": True,
    }
