"""The programme's pages, for the checks on every page (weight, languages, escaping, axe)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

from igf.people.models import User
from igf.programme import services
from igf.programme.models import (
    AnnualMeeting,
    Assignment,
    Call,
    Session,
    SessionCue,
    SessionReport,
    SessionTranscript,
    Star,
)
from tests.factories import person_of
from tests.pages import Page
from tests.programme.factories import (
    AssignmentFactory,
    ReviewerFactory,
    ReviewFactory,
    closed,
    complete_proposal,
    open_call,
    schedule_meeting,
    score,
)


def _call(user: User) -> Call:
    call = open_call()
    for _ in range(3):
        complete_proposal(call)
    return call


def _closed_call(user: User) -> Call:
    call = _call(user)
    closed(call)
    for proposal in call.proposals.all():
        for _ in range(2):
            review = ReviewFactory.create(
                assignment=AssignmentFactory.create(
                    proposal=proposal, reviewer=ReviewerFactory.create(call=call)
                )
            )
            score(review, 4)
    return call


def _own_proposal(user: User) -> str:
    call = _call(user)
    return complete_proposal(call, person_of(user)).get_absolute_url()


def _edit(user: User) -> str:
    call = _call(user)
    return f"{complete_proposal(call, person_of(user)).get_absolute_url()}edit/"


def _withdraw(user: User) -> str:
    call = _call(user)
    return f"{complete_proposal(call, person_of(user)).get_absolute_url()}withdraw/"


def _confirm(user: User) -> str:
    proposal = complete_proposal(_call(user))
    row = proposal.people.filter(role="speaker").first()
    assert row is not None
    return f"/programme/confirm/{services.invitation_token(row)}/"


def _assignment(user: User) -> Assignment:
    call = _closed_call(user)
    reviewer = ReviewerFactory.create(call=call, person=person_of(user))
    return AssignmentFactory.create(proposal=call.proposals.first(), reviewer=reviewer)


def _review(user: User) -> str:
    return f"/programme/reviews/{_assignment(user).pk}/"


def _conflict(user: User) -> str:
    return f"/programme/reviews/{_assignment(user).pk}/conflict/"


def _reviews(user: User) -> str:
    _assignment(user)
    return "/programme/reviews/"


def _decide(user: User) -> str:
    proposal = _closed_call(user).proposals.first()
    assert proposal is not None
    return f"/programme/proposals/{proposal.pk}/decision/"


def _staff(page: str) -> Callable[[User], str]:
    return lambda u: f"/programme/calls/{_closed_call(u).pk}/{page}/"


def _index(user: User) -> str:
    _call(user)
    return "/programme/"


def _mine(user: User) -> str:
    _own_proposal(user)
    return "/programme/proposals/mine/"


def _choose(user: User) -> str:
    return f"/programme/calls/{_call(user).pk}/propose/"


def _new(user: User) -> str:
    call = _call(user)
    return f"/programme/calls/{call.pk}/propose/?type={call.templates.get().session_type_id}"


# --- The schedule and the meeting's aftermath -----------------------------------------------------


def _scheduled(user: User) -> AnnualMeeting:
    """A published schedule of six sessions, one of them starred by the viewer, with a
    registration; its sessions have people, links and (the first) a report and transcript."""
    meeting = schedule_meeting(sessions=6)
    first = meeting.sessions.order_by("pk").first()
    assert first is not None
    Star.objects.get_or_create(person=person_of(user), session=first)
    return meeting


def _past(user: User) -> AnnualMeeting:
    meeting = schedule_meeting(sessions=4, starts=timezone.localdate() - dt.timedelta(days=3))
    first = meeting.sessions.order_by("pk").first()
    assert first is not None
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


def _first_session(meeting: AnnualMeeting) -> Session:
    session = meeting.sessions.order_by("pk").first()
    assert session is not None
    return session


def _schedule_page(path: str, past: bool = False) -> Callable[[User], str]:
    return lambda u: f"/programme/meetings/{(_past if past else _scheduled)(u).slug}/{path}"


def _session_page(path: str = "", past: bool = False) -> Callable[[User], str]:
    return lambda u: (
        f"/programme/sessions/{_first_session((_past if past else _scheduled)(u)).pk}/{path}"
    )


def _edit_session(user: User) -> str:
    meeting = _scheduled(user)
    return (
        f"/programme/meetings/{meeting.slug}/schedule/edit/sessions/{_first_session(meeting).pk}/"
    )


def _transcript(user: User) -> str:
    transcript = _first_session(_past(user)).transcripts.get()
    return transcript.get_absolute_url()


PAGES = [
    Page("programme", _index),
    Page("annual meeting", lambda u: _call(u).meeting.get_absolute_url()),
    Page("call for proposals", lambda u: _call(u).get_absolute_url()),
    Page("call statistics", _staff("statistics")),
    Page("proposal", _own_proposal, signed_in=True),
    Page("my proposals", _mine, signed_in=True),
    Page("choose session type", _choose, signed_in=True),
    Page("new proposal", _new, signed_in=True),
    Page("edit proposal", _edit, signed_in=True),
    Page("withdraw proposal", _withdraw, signed_in=True),
    Page("confirm participation", _confirm),
    Page("my reviews", _reviews, signed_in=True),
    Page("review", _review, signed_in=True),
    Page("conflict of interest", _conflict, signed_in=True),
    Page("manage call", _staff("manage"), signed_in=True),
    Page("assignments", _staff("assignments"), signed_in=True),
    Page("ranking", _staff("ranking"), signed_in=True),
    Page("decision", _decide, signed_in=True),
    Page("publish results", _staff("publish"), signed_in=True),
    Page("schedule", _schedule_page("schedule/")),
    Page("schedule, every day", _schedule_page("schedule/?day=all")),
    Page("schedule changes", _schedule_page("schedule/changes/")),
    Page("session", _session_page()),
    Page("session after the meeting", _session_page(past=True)),
    Page("my agenda", _schedule_page("agenda/"), signed_in=True),
    Page("schedule editor", _schedule_page("schedule/edit/"), signed_in=True),
    Page("place a session", _edit_session, signed_in=True),
    Page("solver runs", _schedule_page("schedule/solve/"), signed_in=True),
    Page("slot grids", _schedule_page("schedule/grids/"), signed_in=True),
    Page("publish the schedule", _schedule_page("schedule/publish/"), signed_in=True),
    Page("register for the meeting", _schedule_page("register/"), signed_in=True),
    Page("participation statistics", _schedule_page("statistics/")),
    Page("report compliance", _schedule_page("reports/", past=True), signed_in=True),
    Page("session report", _session_page("report/", past=True), signed_in=True),
    Page("manage a session", _session_page("manage/"), signed_in=True),
    Page("transcript", _transcript),
]
