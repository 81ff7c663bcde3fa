"""No dead ends on a meeting's page: offer only what the person may do, and say why not."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from igf.bodies.enums import Role
from igf.bodies.models import Membership
from igf.meetings import services
from igf.meetings.enums import AttendanceStatus, ConsensusLevel
from igf.meetings.models import Attendance
from tests.factories import UserFactory
from tests.meetings.conftest import World
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, in_hours, member


def html(response) -> str:  # type: ignore[no-untyped-def]
    return str(response.content.decode())


def test_a_member_whose_term_ends_before_the_meeting_is_told_why_not_offered_apologies(
    world: World, login
) -> None:  # type: ignore[no-untyped-def]
    leaving = member(world.body, Role.MEMBER, UserFactory.create(), end=date(2026, 12, 31))
    january = MeetingFactory.create(body=world.body, start=datetime(2027, 1, 12, 13, tzinfo=UTC))
    page = html(login(leaving).get(january.get_absolute_url()))
    assert "Send my apologies" not in page
    assert (
        "Your term ends on Dec. 31, 2026, before this meeting, so you are not expected at it."
        in page
    )
    assert login(leaving).post(f"/meetings/{january.pk}/apologies/", {}).status_code == 403
    with pytest.raises(services.MeetingError) as caught:
        services.send_apologies(by=leaving, meeting=january)
    assert "Your term ends on Dec. 31, 2026" in str(caught.value.message)
    # A member expected at the meeting is still offered it.
    assert "Send my apologies" in html(login(world.member).get(january.get_absolute_url()))


def test_a_former_member_is_told_their_term_ended(world: World, login) -> None:  # type: ignore[no-untyped-def]
    former = member(world.body, Role.MEMBER, UserFactory.create(), end=date(2026, 11, 30))
    page = html(login(former).get(world.meeting.get_absolute_url()))
    assert "Send my apologies" not in page
    assert "Your term ended on Nov. 30, 2026, so you are not expected at this meeting." in page


def test_attendance_is_refused_before_the_meeting_starts(world: World, login) -> None:  # type: ignore[no-untyped-def]
    client = login(world.rapporteur)
    assert "Record attendance</a>" not in html(client.get(world.meeting.get_absolute_url()))
    page = html(client.get(f"/meetings/{world.meeting.pk}/attendance/"))
    assert "Attendance is recorded once the meeting has started" in page
    assert "Save attendance" not in page
    response = client.post(
        f"/meetings/{world.meeting.pk}/attendance/",
        {f"person_{world.member.person.pk}": AttendanceStatus.ABSENT},
        follow=True,
    )
    assert "Attendance is recorded once the meeting has started" in html(response)
    assert not Attendance.objects.filter(meeting=world.meeting).exists()
    world.meeting.start = in_hours(-1)
    world.meeting.save(update_fields=["start"])
    assert "Record attendance</a>" in html(client.get(world.meeting.get_absolute_url()))


def test_a_decision_before_the_meeting_needs_correspondence_and_its_date(
    world: World, login
) -> None:  # type: ignore[no-untyped-def]
    client = login(world.chair)
    url = f"/meetings/{world.meeting.pk}/decisions/new/"
    data = {"text": "Adopt the work plan.", "consensus": ConsensusLevel.CONSENSUS}
    page = html(client.post(url, data))
    assert "This meeting has not taken place yet" in page
    assert not world.meeting.decisions.exists()
    page = html(client.post(url, {**data, "by_correspondence": "on"}))
    assert "Give the day the decision was reached by correspondence." in page
    tomorrow = timezone.localdate() + timedelta(days=1)
    page = html(client.post(url, {**data, "by_correspondence": "on", "decided_on": tomorrow}))
    assert "cannot be dated in the future" in page
    client.post(url, {**data, "by_correspondence": "on", "decided_on": "2026-12-01"})
    decision = world.meeting.decisions.get()
    assert (decision.by_correspondence, decision.decided_on) == (True, date(2026, 12, 1))
    assert "Decided by correspondence on Dec. 1, 2026" in html(
        Client().get(world.meeting.get_absolute_url())
    )


def test_consensus_choices_name_the_recorder_once_and_empty_choices_say_what_they_mean(
    world: World, login
) -> None:  # type: ignore[no-untyped-def]
    AgendaItemFactory.create(meeting=world.meeting, title="Work plan")
    page = html(login(world.chair).get(f"/meetings/{world.meeting.pk}/decisions/new/"))
    assert "---------" not in page
    assert "Not tied to an agenda item" in page
    assert page.count("Chidi Chair") == 1
    assert "Me (Chidi Chair)" in page
    # The rapporteur does not determine consensus: the chair is named, not "Me".
    page = html(login(world.rapporteur).get(f"/meetings/{world.meeting.pk}/decisions/new/"))
    assert "Me (" not in page
    assert '<option value="' + str(world.chair.person.pk) + '" selected>Chidi Chair' in page
    action_page = html(login(world.chair).get(f"/meetings/{world.meeting.pk}/actions/new/"))
    assert "---------" not in action_page
    assert "Nobody yet" in action_page


def test_the_meeting_page_names_each_decision_by_its_first_line(world: World) -> None:
    Membership.objects.filter(person=world.chair.person).update(role=Role.CHAIR)
    services.record_decision(
        by=world.chair, meeting=world.meeting, consensus=ConsensusLevel.CONSENSUS,
        text="## **Adopt** the work plan for 2027.\n\nIt covers four strands.",
        by_correspondence=True, decided_on=timezone.localdate(),
    )  # fmt: skip
    page = html(Client().get(world.meeting.get_absolute_url()))
    assert "Decision 1" not in page
    assert "Adopt the work plan for 2027.</a>" in page
