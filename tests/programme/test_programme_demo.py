"""The demo programme: every session type, every state, reviews; a second run changes nothing."""

from __future__ import annotations

from collections import Counter

import pytest

from igf.core.demo import DemoContext
from igf.people import demo as people_demo
from igf.programme import demo
from igf.programme.enums import CallPhase, SessionKind
from igf.programme.models import AnnualMeeting, Call, Proposal, Review


@pytest.mark.slow
def test_demo_seeds_a_believable_programme_once(db: None) -> None:
    context = DemoContext()
    people_demo.seed(context)
    demo.seed(context)  # without the bodies demo: no MAG, reviewers drawn from participants
    meeting = AnnualMeeting.objects.get(slug="igf-2026")
    assert set(meeting.session_types.values_list("kind", flat=True)) == set(SessionKind.values) - {
        SessionKind.OTHER
    }
    assert all(theme.questions.count() == 3 for theme in meeting.themes.all())
    phases = {call.phase() for call in Call.objects.filter(meeting=meeting)}
    assert phases == {CallPhase.OPEN, CallPhase.REVIEW}
    statuses = Counter(Proposal.objects.values_list("status", flat=True))
    assert set(statuses) == {"draft", "submitted", "withdrawn", "accepted", "rejected"}
    assert 55 <= sum(statuses.values()) <= 80
    assert Review.objects.count() > 100
    assert Proposal.objects.exclude(decision="").filter(status="submitted").exists()
    counts = (Proposal.objects.count(), Review.objects.count())
    demo.seed(context)
    assert (Proposal.objects.count(), Review.objects.count()) == counts
