"""Every role against every page and action of the schedule (the scene and roles are in
`tests/schedule/scene.py`).

302 to sign-in means "sign in first"; 403 and 404 mean refused.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from igf.schedule.models import Registration
from tests.factories import person_of
from tests.matrix import Row, check
from tests.schedule.factories import schedule_meeting
from tests.schedule.scene import (
    INSIDERS,
    ROLES,
    STAFF,
    Scene,
    everyone,
    m,
    name_in_session,
    only,
    signed_in,
)

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
    Row(
        "unavailability",
        lambda s: f"/programme/sessions/{s.session.pk}/unavailable/",
        only("speaker", "organiser", "secretariat"),
    ),
    Row(
        "unavailability (post)",
        lambda s: f"/programme/sessions/{s.session.pk}/unavailable/",
        only("speaker", "organiser", "secretariat"),
        method="post",
        data={},
    ),
    Row("timetable", lambda s: f"{m(s)}/schedule/timetable/", everyone(200)),
    Row("now and next", lambda s: f"{m(s)}/schedule/now/", everyone(200)),
    Row("remote hubs", lambda s: f"{m(s)}/hubs/", everyone(200)),
    Row("register a hub", lambda s: f"{m(s)}/hubs/register/", signed_in(200)),
    Row(
        "register a hub (post)",
        lambda s: f"{m(s)}/hubs/register/",
        signed_in(200),
        method="post",
        data={},
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
    name_in_session(session, actors)
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
