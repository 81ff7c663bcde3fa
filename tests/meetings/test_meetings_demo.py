"""The demo: a year of monthly meetings for the MAG and the BPFs, stable on a second run."""

from __future__ import annotations

from django.utils import timezone

from igf.bodies.enums import Role
from igf.core.demo import DemoContext
from igf.meetings import demo
from igf.meetings.enums import ActionStatus, ConsensusLevel
from igf.meetings.models import ActionItem, Attendance, Decision, Meeting
from tests.meetings.factories import BodyFactory, body_type, member


def counts() -> tuple[int, int, int, int]:
    return (
        Meeting.objects.count(),
        Decision.objects.count(),
        ActionItem.objects.count(),
        Attendance.objects.count(),
    )


def test_demo_does_nothing_without_the_mag(db: None) -> None:
    assert demo.seed(DemoContext()) == []
    assert Meeting.objects.count() == 0


def test_demo_builds_a_year_of_meetings_and_is_idempotent(db: None) -> None:
    mag = BodyFactory.create(type=body_type("mag"), name="MAG", slug="mag")
    bpf = BodyFactory.create(name="BPF Cybersecurity", slug="bpf-cybersecurity")
    for body in (mag, bpf):
        member(body, Role.CHAIR)
        member(body, Role.RAPPORTEUR)
        for _ in range(4):
            member(body)
    demo.seed(DemoContext())
    first = counts()
    demo.seed(DemoContext())
    assert counts() == first
    assert Meeting.objects.filter(body=mag).count() == 13
    assert Meeting.objects.filter(body=bpf).count() == 13
    assert Meeting.objects.filter(body__isnull=True, online_url__gt="").exists()
    assert set(Decision.objects.values_list("consensus", flat=True)) == set(ConsensusLevel.values)
    assert set(ActionItem.objects.values_list("status", flat=True)) == set(ActionStatus.values)
    assert ActionItem.objects.overdue(timezone.localdate()).exists()
    assert Attendance.objects.filter(meeting__body=mag).count() >= 9 * 5
    assert mag.meetings.filter(transcripts__isnull=False).exists()
