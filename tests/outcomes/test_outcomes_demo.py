"""The demo annual meetings, seeded by the programme, the schedule and the outcomes in turn:
every session type, every state, reviews, two releases, reports; a second run changes nothing."""

from __future__ import annotations

from collections import Counter

import pytest
from django.utils import timezone

from igf.core.demo import DemoContext
from igf.outcomes import demo as outcomes_demo
from igf.outcomes.models import SessionReport
from igf.people import demo as people_demo
from igf.programme import demo
from igf.programme.enums import CallPhase, SessionKind
from igf.programme.models import AnnualMeeting, Call, Proposal, Review
from igf.programme.queries import criteria_report
from igf.schedule import demo as schedule_demo
from igf.schedule.constraints import hard_violations
from igf.schedule.models import Slot
from igf.schedule.queries import problem_for, working_placements


@pytest.mark.slow
def test_demo_seeds_a_believable_annual_meeting_once(db: None) -> None:
    context = DemoContext()
    people_demo.seed(context)
    # Without the bodies demo: no MAG, reviewers drawn from participants.
    for app_demo in (demo, schedule_demo, outcomes_demo):
        app_demo.seed(context)
    last_year, this_year = demo.demo_years()
    meeting = AnnualMeeting.objects.get(slug=f"igf-{this_year}")
    # Named after the year it takes place in, after the year of last year's meeting.
    assert meeting.starts.year == meeting.ends.year == this_year
    assert AnnualMeeting.objects.get(year=last_year).ends < timezone.localdate()
    assert set(meeting.session_types.values_list("kind", flat=True)) == set(SessionKind.values) - {
        SessionKind.OTHER
    }
    assert all(theme.questions.count() == 3 for theme in meeting.themes.all())
    phases = {call.phase() for call in Call.objects.filter(meeting=meeting)}
    assert phases == {CallPhase.OPEN, CallPhase.REVIEW, CallPhase.RESULTS}
    statuses = Counter(Proposal.objects.values_list("status", flat=True))
    assert set(statuses) == {
        "draft", "submitted", "withdrawn", "accepted", "accepted_with_changes", "rejected"
    }  # fmt: skip
    # A closed call of about 400 proposals, reviewed.
    assert 420 <= sum(statuses.values()) <= 480
    assert Review.objects.count() > 1000
    assert Proposal.objects.exclude(decision="").filter(status="submitted").exists()
    # The full schedule is published, in two releases, and every session is placed.
    release = meeting.releases.order_by("-version").first()
    assert release is not None
    assert release.version == 2
    assert len(release.entries) == meeting.sessions.count() >= 60
    assert release.changes["moved"]
    problem = problem_for(meeting)
    assert hard_violations(problem, working_placements(meeting)) == []
    assert meeting.registrations.count() > 100
    # Last year's meeting: published, its reports partly in, one organiser flagged now.
    last = AnnualMeeting.objects.get(slug=f"igf-{last_year}")
    assert last.releases.count() == 1
    assert SessionReport.objects.filter(
        session__meeting=last, full_submitted__isnull=False
    ).exists()
    day_zero = Call.objects.get(meeting=meeting, title__startswith="Call for Day 0")
    flagged = [
        p.number
        for p in day_zero.proposals.all()
        for check in criteria_report(p).failures
        if check.code == "previous_report"
    ]
    assert flagged == [2]
    counts = (
        Proposal.objects.count(),
        Review.objects.count(),
        Slot.objects.count(),
        SessionReport.objects.count(),
    )
    for app_demo in (demo, schedule_demo, outcomes_demo):
        app_demo.seed(context)
    assert (
        Proposal.objects.count(),
        Review.objects.count(),
        Slot.objects.count(),
        SessionReport.objects.count(),
    ) == counts
