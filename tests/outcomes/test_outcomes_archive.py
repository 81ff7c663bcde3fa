"""Session transcripts searchable like the bodies' meetings' (timestamps, links into the
recording, one search over both), and the cross-year archive of sessions with their
recordings, transcripts and reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.utils import timezone

from igf.meetings.models import Cue, Transcript
from igf.outcomes import archive
from igf.outcomes.models import SessionCue, SessionReport, SessionTranscript
from igf.people.models import User
from igf.programme.models import AnnualMeeting, Session
from tests.meetings.factories import MeetingFactory as BodyMeetingFactory
from tests.schedule.factories import schedule_meeting
from tests.schedule.pages import first_session


def _session_transcript(session: Session, *cues: tuple[int | None, str, str]) -> SessionTranscript:
    transcript = SessionTranscript.objects.create(
        session=session, language="en", source_format="vtt"
    )
    for position, (start, speaker, text) in enumerate(cues):
        SessionCue.objects.create(
            transcript=transcript, position=position, start_ms=start, speaker=speaker, text=text
        )
    return transcript


def _meeting_transcript(text: str) -> Transcript:
    meeting = BodyMeetingFactory.create(
        body=None,
        title="Open consultation on the programme",
        recording_url="https://video.example.org/consultation",
        start=timezone.now() - dt.timedelta(days=400),
        end=timezone.now() - dt.timedelta(days=400) + dt.timedelta(hours=2),
    )
    transcript = Transcript.objects.create(meeting=meeting, language="en", source_format="vtt")
    Cue.objects.create(
        transcript=transcript, position=0, start_ms=65_000, speaker="Chair", text=text
    )
    return transcript


def _past_year(year: int, sessions: int = 3) -> AnnualMeeting:
    starts = dt.date(year, 12, 1)
    return schedule_meeting(sessions=sessions, starts=starts, year=year, name=f"IGF {year}")


@pytest.mark.django_db
def test_a_session_transcript_shows_timestamps_that_play_the_recording(client: Client) -> None:
    meeting = _past_year(2024)
    session = first_session(meeting)
    Session.objects.filter(pk=session.pk).update(recording_url="https://video.example.org/ws1")
    transcript = _session_transcript(
        session, (3_723_000, "Moderator", "Welcome to the workshop."), (None, "", "Applause.")
    )
    page = client.get(transcript.get_absolute_url()).content.decode()
    assert '<a class="stamp" href="https://video.example.org/ws1#t=3723"' in page
    assert "1:02:03</a>" in page
    assert '<span class="speaker">Moderator:</span> Welcome to the workshop.' in page


@pytest.mark.django_db
def test_one_search_finds_passages_in_sessions_and_in_meetings(client: Client) -> None:
    meeting = _past_year(2024)
    session = first_session(meeting)
    Session.objects.filter(pk=session.pk).update(recording_url="https://video.example.org/ws1")
    _session_transcript(session, (90_500, "Speaker", "Community networks need spectrum."))
    _meeting_transcript("Spectrum for community networks was raised again.")
    page = client.get("/programme/transcripts/", {"q": "community networks"}).content.decode()
    assert "2 passages found" in page
    assert "Workshop 1</a>" in page
    assert 'href="https://video.example.org/ws1#t=90.5"' in page
    assert "Open consultation on the programme</a>" in page
    assert 'href="https://video.example.org/consultation#t=65"' in page
    sessions_only = client.get(
        "/programme/transcripts/", {"q": "community networks", "source": "sessions"}
    ).content.decode()
    assert "1 passage found" in sessions_only
    assert "Open consultation on the programme" not in sessions_only


@pytest.mark.django_db
def test_the_search_finds_the_same_meeting_passages_as_the_meetings_own_search(
    client: Client,
) -> None:
    _meeting_transcript("Interpretation into six languages.")
    ours = archive.search_transcripts(AnonymousUser(), "interpretation", source="meetings")
    theirs = client.get("/meetings/transcripts/", {"q": "interpretation"}).content.decode()
    assert [hit.text for hit in ours] == ["Interpretation into six languages."]
    assert "Interpretation into six languages." in theirs


@pytest.mark.django_db
def test_unpublished_sessions_are_not_searched_by_visitors(
    client: Client, secretariat: User, login: Any
) -> None:
    meeting = schedule_meeting(sessions=2, publish=False, year=2025)
    _session_transcript(first_session(meeting), (0, "", "A draft session about encryption."))
    assert (
        "0 passages found"
        in client.get("/programme/transcripts/", {"q": "encryption"}).content.decode()
    )
    staff = login(secretariat).get("/programme/transcripts/", {"q": "encryption"}).content.decode()
    assert "1 passage found" in staff


@pytest.mark.django_db
def test_the_archive_lists_every_year_with_its_recordings_transcripts_and_reports(
    client: Client,
) -> None:
    old = _past_year(2023, sessions=2)
    recent = _past_year(2024, sessions=3)
    first = first_session(recent)
    Session.objects.filter(pk=first.pk).update(recording_url="https://video.example.org/ws1")
    _session_transcript(first, (0, "", "Hello."))
    SessionReport.objects.create(
        session=first, short_submitted=timezone.now(), full_submitted=timezone.now()
    )
    page = client.get("/programme/archive/").content.decode()
    assert page.index("IGF 2024") < page.index("IGF 2023")
    assert '<a href="/programme/archive/2024/">IGF 2024</a>' in page
    assert "<td>3</td><td>1</td><td>1</td><td>1</td>" in page
    assert "<td>2</td><td>0</td><td>0</td><td>0</td>" in page
    year = client.get("/programme/archive/2024/").content.decode()
    assert "3 sessions" in year
    assert 'href="https://video.example.org/ws1" rel="noopener">Watch</a>' in year
    assert (
        f'href="/programme/transcripts/{first.transcripts.get().pk}/" lang="en">English</a>' in year
    )
    assert "Full report</a>" in year
    assert year.index("Workshop 1") < year.index("Workshop 2") < year.index("Workshop 3")
    assert client.get(f"/programme/archive/{old.year}/").status_code == 200
    assert client.get("/programme/archive/1999/").status_code == 404


@pytest.mark.django_db
def test_a_draft_year_is_not_in_the_visitors_archive(client: Client) -> None:
    draft = _past_year(2027)
    AnnualMeeting.objects.filter(pk=draft.pk).update(published=False)
    assert "IGF 2027" not in client.get("/programme/archive/").content.decode()
    assert client.get("/programme/archive/2027/").status_code == 404


@pytest.mark.django_db
def test_the_archive_takes_the_same_queries_for_one_and_three_years(
    client: Client, django_assert_max_num_queries: Any
) -> None:
    _past_year(2021)
    client.get("/programme/archive/")
    with django_assert_max_num_queries(40) as one:
        client.get("/programme/archive/")
    _past_year(2022)
    _past_year(2023)
    with django_assert_max_num_queries(40) as three:
        client.get("/programme/archive/")
    assert len(three.captured_queries) == len(one.captured_queries)


@pytest.mark.django_db
def test_a_years_archive_takes_the_same_queries_for_one_and_three_sessions(
    client: Client, django_assert_max_num_queries: Any
) -> None:
    small, large = _past_year(2021, sessions=1), _past_year(2022, sessions=3)
    for meeting in (small, large):
        for session in meeting.sessions.all():
            _session_transcript(session, (0, "", "Hello."))
    client.get(f"/programme/archive/{small.year}/")
    with django_assert_max_num_queries(40) as one:
        client.get(f"/programme/archive/{small.year}/")
    with django_assert_max_num_queries(40) as three:
        client.get(f"/programme/archive/{large.year}/")
    assert len(three.captured_queries) == len(one.captured_queries)


@pytest.mark.django_db
def test_the_search_takes_the_same_queries_for_one_and_three_passages(
    client: Client, django_assert_max_num_queries: Any
) -> None:
    meeting = _past_year(2024, sessions=3)
    sessions = list(meeting.sessions.order_by("pk"))
    _session_transcript(sessions[0], (0, "", "Alpha spectrum."))
    _meeting_transcript("Alpha meeting.")
    client.get("/programme/transcripts/", {"q": "alpha"})
    with django_assert_max_num_queries(40) as one:
        client.get("/programme/transcripts/", {"q": "alpha"})
    for session in sessions[1:]:
        _session_transcript(session, (0, "", "Alpha again."))
    _meeting_transcript("Alpha meeting again.")
    _meeting_transcript("Alpha meeting, third.")
    with django_assert_max_num_queries(40) as three:
        client.get("/programme/transcripts/", {"q": "alpha"})
    assert len(three.captured_queries) == len(one.captured_queries)
