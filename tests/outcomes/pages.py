"""The outcomes' pages, for the checks on every page (weight, languages, escaping, axe)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

from igf.outcomes.models import SessionCue, SessionReport, SessionTranscript
from igf.people.models import User
from igf.programme.models import AnnualMeeting
from tests.pages import Page
from tests.schedule.factories import schedule_meeting
from tests.schedule.pages import first_session, scheduled


def _past(user: User) -> AnnualMeeting:
    """A meeting that ended, its first session with a report and a transcript."""
    meeting = schedule_meeting(sessions=4, starts=timezone.localdate() - dt.timedelta(days=3))
    first = first_session(meeting)
    SessionReport.objects.create(
        session=first,
        key_takeaways="- Spectrum matters.",
        calls_to_action="- Regulators act.",
        short_submitted=timezone.now(),
        summary="A lively debate.",
        onsite_participants=40,
        online_participants=80,
        links="https://example.org/report",
        full_submitted=timezone.now(),
    )
    transcript = SessionTranscript.objects.create(
        session=first, language="en", source_format="text"
    )
    SessionCue.objects.create(transcript=transcript, position=0, speaker="Ana", text="Hello.")
    return meeting


def _session_page(path: str = "", past: bool = False) -> Callable[[User], str]:
    return lambda u: (
        f"/programme/sessions/{first_session((_past if past else scheduled)(u)).pk}/{path}"
    )


def _transcript(user: User) -> str:
    transcript = first_session(_past(user)).transcripts.get()
    return transcript.get_absolute_url()


PAGES = [
    Page("session after the meeting", _session_page(past=True)),
    Page(
        "participation statistics",
        lambda u: f"/programme/meetings/{scheduled(u).slug}/statistics/",
    ),
    Page(
        "report compliance",
        lambda u: f"/programme/meetings/{_past(u).slug}/reports/",
        signed_in=True,
    ),
    Page("session report", _session_page("report/", past=True), signed_in=True),
    Page("manage a session", _session_page("manage/"), signed_in=True),
    Page("transcript", _transcript),
]
PAGES += [
    Page("transcript search", lambda u: f"/programme/transcripts/?q=hello&m={_past(u).pk}"),
    Page("archive", lambda u: f"/programme/archive/?m={_past(u).pk}"),
    Page("archive of a year", lambda u: f"/programme/archive/{_past(u).year}/"),
]
