"""Every role against every page and action of the outcomes (the scene and roles are the
schedule's, `tests/schedule/scene.py`).

302 to sign-in means "sign in first"; 403 and 404 mean refused.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from igf.outcomes.models import SessionTranscript
from tests.matrix import Row, check
from tests.schedule.scene import (
    INSIDERS,
    ROLES,
    STAFF,
    Scene,
    everyone,
    m,
    only,
)


def _draft_transcript(scene: Scene) -> str:
    transcript = SessionTranscript.objects.create(
        session=scene.draft_session, language="en", source_format="text"
    )
    return transcript.get_absolute_url()


ROWS: list[Row[Scene]] = [
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
    Row("transcript of an unpublished session", _draft_transcript, INSIDERS),
    Row("transcript search", lambda s: "/programme/transcripts/?q=welcome", everyone(200)),
    Row("archive", lambda s: "/programme/archive/", everyone(200)),
    Row("archive of a year", lambda s: f"/programme/archive/{s.past_meeting.year}/", everyone(200)),
    Row("archive of a year without a meeting", lambda s: "/programme/archive/1999/", everyone(404)),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
@pytest.mark.parametrize("role", ROLES)
def test_outcomes_permission_matrix(
    actors: dict[str, Any], scene: Scene, login, row: Row[Any], role: str
) -> None:  # type: ignore[no-untyped-def]
    client: Client = login(actors[role])
    response = getattr(client, row.method)(row.url(scene), row.data or {})
    check(response, row.expected[role], row.name, role)
