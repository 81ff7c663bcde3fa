"""During and after the meeting: session reports with their deadlines and reminders, the
compliance page, last year's missing report flagged in the next call, transcripts and
participation statistics."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from igf.core.errors import Refused
from igf.outcomes import services
from igf.outcomes.deadlines import (
    DUE,
    LATE,
    MISSING,
    NOT_DUE,
    ON_TIME,
    full_deadline,
    short_deadline,
)
from igf.outcomes.models import SessionReport, SessionTranscript
from igf.programme import queries as programme_queries
from igf.programme.enums import ParticipantRole, ProposalStatus
from igf.schedule.models import Registration
from tests.conftest import client_for
from tests.factories import UserFactory, person_of
from tests.programme.factories import (
    MeetingFactory,
    SessionPersonFactory,
    complete_proposal,
    open_call,
)
from tests.schedule.factories import release_of, schedule_meeting

pytestmark = pytest.mark.django_db
END = dt.datetime(2026, 6, 23, 12, tzinfo=dt.UTC)


def test_deadlines_of_both_reports() -> None:
    assert short_deadline(END, None, END - dt.timedelta(hours=1)).state == NOT_DUE
    assert short_deadline(END, None, END + dt.timedelta(hours=23)).state == DUE
    assert short_deadline(END, None, END + dt.timedelta(hours=25)).state == MISSING
    assert short_deadline(END, END + dt.timedelta(hours=2), END).state == ON_TIME
    assert short_deadline(END, END + dt.timedelta(hours=30), END).state == LATE
    full = full_deadline(END, None, END + dt.timedelta(days=13))
    assert (full.state, full.due) == (DUE, END + dt.timedelta(days=14))


def past_meeting(sessions: int = 2):  # type: ignore[no-untyped-def]
    """A meeting whose published sessions took place two days ago."""
    return schedule_meeting(sessions=sessions, starts=timezone.localdate() - dt.timedelta(days=2))


def organiser_of(session) -> object:  # type: ignore[no-untyped-def]
    user = UserFactory.create(display_name="Olu Organiser")
    SessionPersonFactory.create(
        session=session, role=ParticipantRole.ORGANISER, person=person_of(user)
    )
    return user


def test_organiser_submits_the_short_report_and_it_appears_on_the_session_page() -> None:
    meeting = past_meeting(1)
    session = meeting.sessions.get()
    user = organiser_of(session)
    client = client_for(user)  # type: ignore[arg-type]
    url = f"/programme/sessions/{session.pk}/report/"
    refused = client.post(url, {"part": "short", "submit": "1", "key_takeaways": "Only this"})
    assert (
        "Give the key takeaways and the calls to action to submit the short report."
        in refused.content.decode()
    )
    response = client.post(
        url,
        {
            "part": "short",
            "submit": "1",
            "key_takeaways": "Spectrum matters.",
            "calls_to_action": "Regulators, listen.",
        },
    )
    assert response.status_code == 302
    report = SessionReport.objects.get(session=session)
    assert report.short_submitted is not None
    html = Client().get(session.get_absolute_url()).content.decode()
    assert "Spectrum matters." in html
    assert "Regulators, listen." in html


def test_full_report_counts_participation_and_refuses_bad_links() -> None:
    meeting = past_meeting(1)
    session = meeting.sessions.get()
    client = client_for(organiser_of(session))  # type: ignore[arg-type]
    url = f"/programme/sessions/{session.pk}/report/"
    data = {
        "part": "full",
        "submit": "1",
        "summary": "A lively debate.",
        "onsite_participants": "45",
        "online_participants": "120",
        "onsite_gender_woman": "20",
        "onsite_gender_man": "25",
        "online_group_civil_society": "70",
        "links": "https://example.org/slides\njavascript:alert(1)",
    }
    bad = client.post(url, data)
    assert "“javascript:alert(1)” is not a web address." in bad.content.decode()
    assert client.post(url, {**data, "links": "https://example.org/slides"}).status_code == 302
    report = SessionReport.objects.get(session=session)
    assert (report.onsite_participants, report.online_participants) == (45, 120)
    assert report.participation["onsite"]["gender"] == {"woman": 20, "man": 25}
    assert report.participation["online"]["stakeholder_group"] == {"civil_society": 70}
    assert report.full_submitted is not None


def test_report_services_refuse_negative_counts() -> None:
    meeting = past_meeting(1)
    with pytest.raises(Refused, match="cannot be negative"):
        services.save_full_report(
            by=UserFactory.create(),
            session=meeting.sessions.get(),
            summary="x",
            onsite_participants=-1,
            online_participants=0,
            participation={},
            links="",
            submit=True,
        )


def test_reminders_go_once_to_organisers_before_each_deadline(
    django_capture_on_commit_callbacks: Any,
) -> None:
    meeting = past_meeting(1)
    session = meeting.sessions.get()
    user = organiser_of(session)
    end = dt.datetime.fromisoformat(release_of(meeting).entries[str(session.pk)]["end"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_report_reminders(now=end + dt.timedelta(hours=19)) == 0
        assert services.send_report_reminders(now=end + dt.timedelta(hours=21)) == 1
        assert services.send_report_reminders(now=end + dt.timedelta(hours=22)) == 0
    assert mail.outbox[0].to == [user.email]  # type: ignore[attr-defined]
    assert "Short report due" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_report_reminders(now=end + dt.timedelta(days=12)) == 1
    assert "Full report due" in mail.outbox[1].subject


def test_nobody_is_reminded_of_a_report_long_overdue(
    django_capture_on_commit_callbacks: Any,
) -> None:
    meeting = past_meeting(1)
    session = meeting.sessions.get()
    organiser_of(session)
    end = dt.datetime.fromisoformat(release_of(meeting).entries[str(session.pk)]["end"])
    mail.outbox.clear()
    # The reminders run for the first time a year after the session: the compliance page
    # lists the missing reports; nobody receives mail about them.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_report_reminders(now=end + dt.timedelta(days=365)) == 0
    assert mail.outbox == []


def test_compliance_page_lists_late_and_missing_reports(secretariat) -> None:  # type: ignore[no-untyped-def]
    meeting = past_meeting(2)
    first, _second = meeting.sessions.order_by("pk")
    end = dt.datetime.fromisoformat(release_of(meeting).entries[str(first.pk)]["end"])
    SessionReport.objects.create(
        session=first,
        key_takeaways="x",
        calls_to_action="y",
        short_submitted=end + dt.timedelta(hours=30),
    )
    html = (
        client_for(secretariat).get(f"/programme/meetings/{meeting.slug}/reports/").content.decode()
    )
    assert "Late or missing (2)" in html
    assert "Submitted late" in html
    assert "Missing" in html


def test_last_years_organiser_without_a_report_is_flagged_in_the_next_call() -> None:
    last_year = past_meeting(1)
    call = open_call(meeting=MeetingFactory.create(year=last_year.year + 1))
    session = last_year.sessions.get()
    organiser = UserFactory.create()
    SessionPersonFactory.create(
        session=session, role=ParticipantRole.ORGANISER, person=person_of(organiser)
    )
    proposal = complete_proposal(call, person_of(organiser), status=ProposalStatus.DRAFT)
    report = programme_queries.criteria_report(proposal)
    assert not report.passed
    assert report["previous_report"].reason.startswith("An organiser's session at last year's")
    SessionReport.objects.create(session=session, summary="Done.", full_submitted=timezone.now())
    assert programme_queries.criteria_report(proposal).passed


def test_transcript_upload_reads_webvtt_and_refuses_garbage(secretariat) -> None:  # type: ignore[no-untyped-def]
    meeting = past_meeting(1)
    session = meeting.sessions.get()
    client = client_for(secretariat)
    url = f"/programme/sessions/{session.pk}/manage/"
    bad = client.post(
        url,
        {
            "action": "transcript",
            "language": "en",
            "source_format": "webvtt",
            "text": "00:99 nonsense",
        },
    )
    assert bad.status_code == 200
    assert not SessionTranscript.objects.exists()
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana>Hello everyone.\n"
    good = client.post(
        url, {"action": "transcript", "language": "en", "source_format": "webvtt", "text": text}
    )
    assert good.status_code == 302
    transcript = SessionTranscript.objects.get()
    html = Client().get(transcript.get_absolute_url()).content.decode()
    stamp = '<span class="stamp">00:01</span>'
    assert f'{stamp}<span class="speaker">Ana:</span> Hello everyone.' in html


def test_manage_session_saves_logistics_and_links(secretariat) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    client = client_for(secretariat)
    url = f"/programme/sessions/{session.pk}/manage/"
    response = client.post(
        url,
        {
            "action": "session",
            "expected_attendance": "70",
            "hybrid": "on",
            "languages": ["en", "fr"],
            "interpretation": ["fr"],
            "join_url": "https://meet.example.org/new",
            "recording_url": "",
        },
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.expected_attendance, session.interpretation) == (70, ["fr"])
    assert (
        "https://meet.example.org/new" in Client().get(session.get_absolute_url()).content.decode()
    )
    client.post(
        url,
        {"action": "link", "kind": "slides", "title": "Slides", "url": "https://example.org/s.pdf"},
    )
    link = session.links.get()
    client.post(url, {"action": "remove_link", "link": link.pk})
    assert not session.links.exists()
    assert client.post(url, {"action": "remove_link", "link": "999999"}).status_code == 302


def test_statistics_suppress_small_categories() -> None:
    meeting = schedule_meeting(sessions=0, publish=False)
    for index in range(7):
        user = UserFactory.create()
        person = person_of(user)
        person.stakeholder_group = "civil_society" if index < 6 else "government"
        person.save()
        Registration.objects.create(meeting=meeting, person=person, attendance="onsite")
    html = Client().get(f"/programme/meetings/{meeting.slug}/statistics/").content.decode()
    assert "Onsite: 7 registered participants" in html
    assert "fewer than 5" in html
    assert "Online: 0 registered participants" in html
