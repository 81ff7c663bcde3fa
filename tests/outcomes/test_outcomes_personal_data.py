"""What the outcomes hold about a person: in their data export."""

from __future__ import annotations

import json

from igf.outcomes.models import SessionReport, SessionTranscript
from igf.people.models import User
from tests.schedule.factories import schedule_meeting


def test_the_export_names_the_reports_and_transcripts_one_wrote(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    SessionReport.objects.create(session=session, key_takeaways="x", updated_by=participant)
    SessionTranscript.objects.create(
        session=session, language="en", source_format="vtt", uploaded_by=participant
    )
    data = json.loads(login(participant).get("/me/data.json").content)["outcomes"]
    assert [r["session"] for r in data["session_reports_last_edited"]] == ["Workshop 1"]
    assert [(t["session"], t["language"]) for t in data["transcripts_uploaded"]] == [
        ("Workshop 1", "en")
    ]
