"""Hostile input to every form of the meetings app: refused with a message, never a 500."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.meetings.conftest import World

hostile_text = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["\x00", "\u202e\u202d", "你好" * 100, "' OR 1=1 --", "25:61", "-1", "9" * 30]),
)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
FORMS = {
    "edit/": ("title", "day", "start_time", "end_time", "timezone", "online_url", "dial_in",
              "venue", "description", "interpretation_languages", "recording_url"),
    "agenda/": ("title", "presenter", "minutes_allotted", "documents"),
    "decisions/new/": ("agenda_item", "text", "consensus", "range_of_views", "determined_by"),
    "actions/new/": ("title", "owner", "due", "decision"),
    "minutes/": ("summary",),
    "transcripts/new/": ("language", "source_format", "text"),
    "apologies/": ("note",),
}  # fmt: skip


@pytest.mark.slow
@FUZZ
@given(data=st.data())
def test_meetings_forms_never_fail_on_hostile_input(world: World, login, data) -> None:  # type: ignore[no-untyped-def]
    chair, rapporteur = login(world.chair), login(world.rapporteur)
    for path, fields in FORMS.items():
        values = data.draw(st.dictionaries(st.sampled_from(fields), hostile_text, max_size=6))
        client = chair if path in ("edit/", "apologies/") else rapporteur
        response = client.post(f"/meetings/{world.meeting.pk}/{path}", values)
        assert response.status_code in (200, 302), (path, values, response.status_code)
