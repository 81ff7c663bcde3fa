"""A body's meeting from scheduling to minutes: what members, chair, rapporteur and public see."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from igf.bodies.enums import Role
from igf.core.errors import Refused
from igf.meetings import services
from igf.meetings.enums import ActionStatus, AgendaStatus, AttendanceStatus, ConsensusLevel
from igf.meetings.models import ActionItem, Attendance, Meeting
from igf.people.models import Person
from tests.factories import UserFactory
from tests.meetings.conftest import World
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    MeetingFactory,
    in_hours,
    member,
    past_day,
)


def html(response) -> str:  # type: ignore[no-untyped-def]
    return str(response.content.decode())


# --- Scheduling and time ----------------------------------------------------------------------


def test_chair_schedules_on_the_organisers_clock_across_a_dst_switch(world: World, login) -> None:  # type: ignore[no-untyped-def]
    response = login(world.chair).post(
        "/meetings/bodies/bpf-cyber/new/",
        {
            "title": "Spring call",
            "day": "2027-03-29",
            "start_time": "14:00",
            "end_time": "15:30",
            "timezone": "Europe/London",
            "online_url": "https://jitsi.example.org/bpf",
            "interpretation_languages": ["fr", "es"],
            "open_to_observers": "on",
        },
    )
    meeting = Meeting.objects.get(title="Spring call")
    assert response.status_code == 302
    assert meeting.start == datetime(2027, 3, 29, 13, 0, tzinfo=UTC)  # BST
    assert meeting.end == datetime(2027, 3, 29, 14, 30, tzinfo=UTC)
    assert meeting.interpretation_languages == ["fr", "es"]
    assert meeting.open_to_observers


def test_scheduling_refuses_a_time_the_clocks_skip_and_keeps_the_input(world: World, login) -> None:  # type: ignore[no-untyped-def]
    response = login(world.chair).post(
        "/meetings/bodies/bpf-cyber/new/",
        {
            "title": "Impossible call",
            "day": "2027-03-28",
            "start_time": "01:30",
            "end_time": "01:00",
            "timezone": "Europe/London",
            "online_url": "javascript:alert(1)",
        },
    )
    page = html(response)
    assert response.status_code == 200
    assert "The clocks change at this time in this zone" in page
    assert "Enter a valid URL." in page
    assert 'value="Impossible call"' in page
    assert not Meeting.objects.filter(title="Impossible call").exists()


def test_meeting_closed_by_default_for_types_that_say_so(world: World) -> None:
    world.body.type.meetings_open_by_default = False
    world.body.type.save()
    meeting = services.schedule_meeting(
        by=world.chair, body=world.body, title="Closed", start=in_hours(5), end=in_hours(6)
    )
    assert meeting.open_to_observers is False


def test_meeting_page_shows_viewer_organiser_and_world_times(world: World, login) -> None:  # type: ignore[no-untyped-def]
    Person.objects.filter(user=world.member).update(timezone="Asia/Kathmandu")
    meeting = world.meeting
    meeting.start = datetime(2027, 1, 12, 13, 0, tzinfo=UTC)
    meeting.end = datetime(2027, 1, 12, 14, 0, tzinfo=UTC)
    meeting.save()
    page = html(login(world.member).get(meeting.get_absolute_url()))
    assert "18:45" in page  # Kathmandu, the viewer
    assert "Asia/Kathmandu" in page
    assert "14:00" in page  # Geneva, the organiser (Europe/Zurich)
    assert "São Paulo" in page
    assert "Apia" in page
    assert '<li class="night"><strong>Apia</strong>' in page  # 02:00 next day


def test_night_warning_counts_members_by_their_zones(world: World, client: Client) -> None:
    for user, zone_name in (
        (world.chair, "Pacific/Auckland"),
        (world.member, "Pacific/Apia"),
        (member(world.body), "Europe/London"),
    ):
        Person.objects.filter(user=user).update(timezone=zone_name)
    meeting = world.meeting
    meeting.start = in_hours(24 * 30).replace(hour=13, minute=0)
    meeting.end = meeting.start + timedelta(hours=1)
    meeting.save()
    page = html(client.get(meeting.get_absolute_url()))
    assert "for 2 of the 3 members whose time zones are known" in page


# --- Agenda ---------------------------------------------------------------------------------


def test_agenda_is_drafted_circulated_and_approved_by_the_chair(  # type: ignore[no-untyped-def]
    world: World, login, django_capture_on_commit_callbacks: Any
) -> None:
    rapporteur, chair = login(world.rapporteur), login(world.chair)
    url = f"/meetings/{world.meeting.pk}/agenda/"
    rapporteur.post(url, {"title": "Adoption of the agenda", "minutes_allotted": "5"})
    rapporteur.post(url, {"title": "Draft output", "presenter": "Lead drafter"})
    assert "The agenda is published once" in html(Client().get(world.meeting.get_absolute_url()))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        chair.post(f"/meetings/{world.meeting.pk}/agenda/circulate/")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        u.email for u in (world.chair, world.member, world.rapporteur)
    )
    assert "Adoption of the agenda" in mail.outbox[0].body
    chair.post(f"/meetings/{world.meeting.pk}/agenda/approve/")
    world.meeting.refresh_from_db()
    assert world.meeting.agenda_status == AgendaStatus.APPROVED
    assert world.meeting.agenda_approved_by == world.chair.person
    public = html(Client().get(world.meeting.get_absolute_url()))
    assert "Approved by <bdi>Chidi Chair</bdi>" in public
    assert public.index("Adoption of the agenda") < public.index("Draft output")
    # A change after approval needs approval again.
    rapporteur.post(url, {"title": "Any other business"})
    world.meeting.refresh_from_db()
    assert world.meeting.agenda_status == AgendaStatus.CIRCULATED


def test_agenda_items_move_and_are_removed(world: World, login) -> None:  # type: ignore[no-untyped-def]
    first = AgendaItemFactory.create(meeting=world.meeting, title="First", order=1)
    second = AgendaItemFactory.create(meeting=world.meeting, title="Second", order=2)
    client = login(world.rapporteur)
    client.post(f"/meetings/{world.meeting.pk}/agenda/{second.pk}/move/", {"direction": "up"})
    assert [i.title for i in world.meeting.agenda_items.order_by("order")] == ["Second", "First"]
    client.post(
        f"/meetings/{world.meeting.pk}/agenda/{first.pk}/",
        {"title": "First, renamed", "minutes_allotted": "10"},
    )
    client.post(f"/meetings/{world.meeting.pk}/agenda/{second.pk}/delete/")
    assert [i.title for i in world.meeting.agenda_items.all()] == ["First, renamed"]


def test_agenda_cannot_be_approved_once_the_meeting_started(world: World, login) -> None:  # type: ignore[no-untyped-def]
    AgendaItemFactory.create(meeting=world.meeting)
    with time_machine.travel(world.meeting.start + timedelta(minutes=5)):
        response = login(world.chair).post(
            f"/meetings/{world.meeting.pk}/agenda/approve/", follow=True
        )
    assert "must be approved before the meeting starts" in html(response)


def test_open_action_items_come_back_on_the_next_agenda_until_done(world: World, login) -> None:  # type: ignore[no-untyped-def]
    earlier = MeetingFactory.create(body=world.body, start=in_hours(-24 * 30))
    action = ActionItemFactory.create(
        meeting=earlier, title="Send the survey", owner=world.member.person
    )
    ActionItemFactory.create(meeting=earlier, title="Already done", status=ActionStatus.DONE)
    page = html(login(world.member).get(world.meeting.get_absolute_url()))
    assert "Review of action items" in page
    assert "Send the survey" in page
    assert "Already done" not in page
    login(world.member).post(f"/meetings/actions/{action.pk}/", {"status": "done", "note": "Sent"})
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    assert action.completed_at is not None
    assert "Send the survey" not in html(login(world.member).get(world.meeting.get_absolute_url()))


# --- Observers, apologies, attendance ---------------------------------------------------------


def test_observer_registers_with_one_click_and_gets_the_join_link(world: World, login) -> None:  # type: ignore[no-untyped-def]
    visitor = UserFactory.create(display_name="Vera Visitor")
    client = login(visitor)
    assert "https://meet.example.org/igf-call" not in html(
        client.get(world.meeting.get_absolute_url())
    )
    client.post(f"/meetings/{world.meeting.pk}/register/", {})
    page = html(client.get(world.meeting.get_absolute_url()))
    assert "https://meet.example.org/igf-call" in page
    assert "You are registered" in page
    # Unlisted by choice: not on the public list, but counted.
    public = html(Client().get(world.meeting.get_absolute_url()))
    assert "Olu Observer" in public
    assert "Vera Visitor" not in public
    assert "2 observers registered." in public


def test_members_only_meeting_refuses_observers(world: World, login) -> None:  # type: ignore[no-untyped-def]
    closed = MeetingFactory.create(body=world.body, open_to_observers=False)
    visitor = UserFactory.create()
    assert login(visitor).post(f"/meetings/{closed.pk}/register/").status_code == 403
    with pytest.raises(services.MeetingError):
        services.register_observer(by=visitor, meeting=closed)


def test_member_sends_and_withdraws_apologies(world: World, login) -> None:  # type: ignore[no-untyped-def]
    client = login(world.member)
    client.post(f"/meetings/{world.meeting.pk}/apologies/", {"note": "Travelling"})
    attendance = Attendance.objects.get(person=world.member.person)
    assert (attendance.status, attendance.note) == (AttendanceStatus.APOLOGIES, "Travelling")
    assert "You sent your apologies" in html(client.get(world.meeting.get_absolute_url()))
    client.post(f"/meetings/{world.meeting.pk}/apologies/", {"withdraw": "1"})
    assert not Attendance.objects.filter(person=world.member.person).exists()


def test_rapporteur_records_attendance_and_rates_follow(world: World, login) -> None:  # type: ignore[no-untyped-def]
    Person.objects.filter(user=world.member).update(stakeholder_group="civil_society")
    Person.objects.filter(user=world.chair).update(stakeholder_group="government")
    past = MeetingFactory.create(body=world.body, start=in_hours(-48), title="Past call")
    fields = {
        f"person_{world.chair.person.pk}": AttendanceStatus.PRESENT_ONLINE,
        f"person_{world.member.person.pk}": AttendanceStatus.ABSENT,
    }
    login(world.rapporteur).post(f"/meetings/{past.pk}/attendance/", fields)
    assert dict(past.attendance.values_list("person__display_name", "status")) == {
        "Chidi Chair": "present_online",
        "Mei Member": "absent",
    }
    rates = html(login(world.chair).get("/meetings/bodies/bpf-cyber/attendance/"))
    assert "Chidi Chair" in rates
    assert "100%" in rates
    assert "0%" in rates
    body_page = html(Client().get("/meetings/bodies/bpf-cyber/"))
    assert "Attendance by stakeholder group" in body_page
    assert "Government" in body_page
    assert "Civil society" in body_page


# --- Minutes, decisions, objections -----------------------------------------------------------


def test_minutes_are_public_only_once_approved(world: World, login) -> None:  # type: ignore[no-untyped-def]
    past = MeetingFactory.create(body=world.body, start=in_hours(-48))
    item = AgendaItemFactory.create(meeting=past, title="Work plan")
    login(world.rapporteur).post(
        f"/meetings/{past.pk}/minutes/",
        {"summary": "The BPF met **online**.", f"item_{item.pk}": "Work plan agreed."},
    )
    assert "The BPF met" not in html(Client().get(past.get_absolute_url()))
    assert "<strong>online</strong>" in html(login(world.member).get(past.get_absolute_url()))
    later = MeetingFactory.create(body=world.body, start=in_hours(-1), title="Next call")
    login(world.chair).post(f"/meetings/{past.pk}/minutes/approve/", {"at_meeting": later.pk})
    public = html(Client().get(past.get_absolute_url()))
    assert "<strong>online</strong>" in public
    assert "Work plan agreed." in public
    assert "Approved at the meeting “<bdi>Next call</bdi>”" in public
    # Approved minutes no longer change.
    response = login(world.rapporteur).get(f"/meetings/{past.pk}/minutes/", follow=True)
    assert "Approved minutes cannot be changed." in html(response)


def test_no_consensus_needs_the_range_of_views(world: World, login) -> None:  # type: ignore[no-untyped-def]
    world.meeting.start = in_hours(-2)
    world.meeting.save(update_fields=["start"])
    client = login(world.rapporteur)
    response = client.post(
        f"/meetings/{world.meeting.pk}/decisions/new/",
        {"text": "Hold a session on AI.", "consensus": ConsensusLevel.NO_CONSENSUS},
    )
    assert "record the range of views" in html(response)
    response = client.post(
        f"/meetings/{world.meeting.pk}/decisions/new/",
        {
            "text": "Hold a session on AI.",
            "consensus": ConsensusLevel.NO_CONSENSUS,
            "range_of_views": "Some preferred a workshop.",
            "determined_by": world.chair.person.pk,
        },
    )
    decision = world.meeting.decisions.get()
    assert response["Location"] == decision.get_absolute_url()
    assert decision.determined_by == world.chair.person
    page = html(Client().get(decision.get_absolute_url()))
    assert "No consensus" in page
    assert "Some preferred a workshop." in page
    assert "Chidi Chair" in page


def test_a_refused_decision_says_why_on_the_field_it_concerns(world: World) -> None:
    with pytest.raises(Refused) as caught:
        services.record_decision(
            by=world.chair, meeting=world.meeting, text="Hold a session on AI.",
            consensus=ConsensusLevel.NO_CONSENSUS, by_correspondence=True, decided_on=past_day(1),
        )  # fmt: skip
    assert isinstance(caught.value, services.MeetingError)
    assert (caught.value.status, caught.value.field) == (409, "range_of_views")
    assert str(caught.value.message) == (
        "Without consensus, record the range of views that were held."
    )
    assert not world.meeting.decisions.exists()


def test_an_empty_agenda_is_not_circulated_and_the_chair_is_told_why(world: World, login) -> None:  # type: ignore[no-untyped-def]
    client = login(world.chair)
    response = client.post(f"/meetings/{world.meeting.pk}/agenda/circulate/", follow=True)
    assert response.redirect_chain == [(f"/meetings/{world.meeting.pk}/agenda/", 302)]
    assert "Add at least one item before circulating the agenda." in html(response)


def test_objections_are_named_only_if_the_objector_chooses(world: World, login) -> None:  # type: ignore[no-untyped-def]
    decision = services.record_decision(
        by=world.chair, meeting=world.meeting, text="Adopt the report.",
        consensus=ConsensusLevel.ROUGH_CONSENSUS, by_correspondence=True, decided_on=past_day(1),
    )  # fmt: skip
    login(world.member).post(decision.get_absolute_url(), {"text": "Too vague.", "named": ""})
    login(world.chair).post(decision.get_absolute_url(), {"text": "Minor view.", "named": "on"})
    page = html(Client().get(decision.get_absolute_url()))
    assert "A member (name withheld at their request)" in page
    assert "Mei Member" not in page
    assert "Chidi Chair" in page


def test_decision_register_is_searchable_and_hides_closed_meetings(world: World, login) -> None:  # type: ignore[no-untyped-def]
    services.record_decision(
        by=world.chair, meeting=world.meeting, text="Publish the survey on **encryption**.",
        consensus=ConsensusLevel.CONSENSUS, by_correspondence=True, decided_on=past_day(1),
    )  # fmt: skip
    services.record_decision(
        by=world.chair, meeting=world.meeting, text="Defer the outreach plan.",
        consensus=ConsensusLevel.DEFERRED, by_correspondence=True, decided_on=past_day(1),
    )  # fmt: skip
    closed = MeetingFactory.create(body=world.body, open_to_observers=False, start=in_hours(-3))
    services.record_decision(
        by=world.chair, meeting=closed, text="Private matter.", consensus="consensus"
    )
    url = "/meetings/bodies/bpf-cyber/decisions/"
    page = html(Client().get(url, {"q": "encryption"}))
    assert "Publish the survey" in page
    assert "Defer the outreach" not in page
    assert "Defer the outreach" in html(Client().get(url, {"consensus": "deferred"}))
    assert "Private matter." not in html(Client().get(url))
    assert "Private matter." in html(login(world.member).get(url))


# --- Reminders and notices through the task queue ---------------------------------------------


def test_reminders_go_24_hours_before_to_all_but_those_excused(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    services.send_apologies(by=world.member, meeting=world.meeting)
    mail.outbox.clear()
    with (
        time_machine.travel(world.meeting.start - timedelta(hours=30)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send_meeting_reminders")
    assert mail.outbox == []
    with (
        time_machine.travel(world.meeting.start - timedelta(hours=20)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send_meeting_reminders")
        call_command("send_meeting_reminders")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        u.email for u in (world.chair, world.rapporteur, world.observer)
    )
    assert "Tomorrow: Cybersecurity monthly call" in mail.outbox[0].subject
    assert "https://meet.example.org/igf-call" in mail.outbox[0].body


def test_reminder_is_in_the_persons_language_and_zone(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    Person.objects.filter(user=world.observer).update(languages=["fr"], timezone="Asia/Tokyo")
    world.meeting.start = datetime(2027, 2, 1, 12, 0, tzinfo=UTC)
    world.meeting.end = datetime(2027, 2, 1, 13, 0, tzinfo=UTC)
    world.meeting.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.send_due_reminders(now=datetime(2027, 2, 1, 0, 0, tzinfo=UTC))
    [message] = [m for m in mail.outbox if m.to == [world.observer.email]]
    assert "21:00" in message.body  # noon UTC in Tokyo


def test_moving_a_meeting_emails_participants_and_rearms_the_reminder(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    services.send_due_reminders(now=world.meeting.start - timedelta(hours=1))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.update_meeting(
            by=world.chair,
            meeting=world.meeting,
            changes={
                "start": world.meeting.start + timedelta(hours=1),
                "end": world.meeting.end + timedelta(hours=1),
            },
        )
        assert mail.outbox == []  # nothing leaves before the change commits
    assert len(mail.outbox) == 4
    assert mail.outbox[0].subject == "Changed: Cybersecurity monthly call"
    world.meeting.refresh_from_db()
    assert world.meeting.reminder_sent_at is None


def test_overdue_action_owners_are_told_weekly(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    ActionItemFactory.create(
        meeting=world.meeting, owner=world.member.person, title="Draft the report",
        due=timezone.localdate() - timedelta(days=2),
    )  # fmt: skip
    ActionItemFactory.create(
        meeting=world.meeting, owner=world.member.person, title="Not yet due",
    )  # fmt: skip
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_meeting_reminders")
    [message] = mail.outbox
    assert message.to == [world.member.email]
    assert message.subject == "1 overdue action item"
    assert "Draft the report" in message.body
    assert "Not yet due" not in message.body
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_meeting_reminders")
    assert len(mail.outbox) == 1
    with (
        time_machine.travel(timezone.now() + timedelta(days=8)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.send_overdue_notices()
    assert len(mail.outbox) == 2
    assert "Overdue action items" in html(Client().get("/meetings/bodies/bpf-cyber/"))


# --- Open consultations -----------------------------------------------------------------------


def test_written_inputs_are_accepted_until_the_consultation_starts(db: None, login) -> None:  # type: ignore[no-untyped-def]
    consultation = MeetingFactory.create(body=None, title="Open consultation on the programme")
    author = UserFactory.create(display_name="Ines Input")
    client = login(author)
    response = client.post(
        f"/meetings/{consultation.pk}/inputs/new/",
        {
            "title": "Youth participation",
            "text": "Please add **youth** slots.",
            "on_behalf_of": "Youth IGF",
        },
    )
    assert response.status_code == 302
    page = html(Client().get(consultation.get_absolute_url()))
    assert "Youth participation" in page
    assert "By <bdi>Ines Input</bdi>, on behalf of Youth IGF" in page
    assert "<strong>youth</strong>" in page
    with time_machine.travel(consultation.start + timedelta(minutes=1)):
        assert client.get(f"/meetings/{consultation.pk}/inputs/new/").status_code == 403


def test_staff_are_warned_when_no_consultation_of_the_year_is_online(secretariat, login) -> None:  # type: ignore[no-untyped-def]
    year = timezone.now().year
    url = f"/meetings/consultations/?year={year}"
    assert "At least one each year must be held online" in html(login(secretariat).get(url))
    MeetingFactory.create(body=None, start=in_hours(1), online_url="https://meet.example.org/oc")
    assert "At least one each year" not in html(login(secretariat).get(url))


def test_anyone_signed_in_registers_for_a_consultation(db: None, login) -> None:  # type: ignore[no-untyped-def]
    consultation = MeetingFactory.create(body=None)
    visitor = UserFactory.create()
    login(visitor).post(f"/meetings/{consultation.pk}/register/", {"listed": "on"})
    assert consultation.registrations.filter(person__user=visitor).exists()


# --- Transcripts ------------------------------------------------------------------------------


def test_uploaded_webvtt_reads_as_text_with_links_into_the_recording(world: World, login) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: PLC0415

    world.meeting.recording_url = "https://video.example.org/call.mp4"
    world.meeting.save()
    upload = SimpleUploadedFile(
        "call.vtt",
        b"WEBVTT\n\n00:01:05.000 --> 00:01:08.000\n"
        b"<v Mei Member>We need more data on encryption.\n",
        content_type="text/vtt",
    )
    response = login(world.rapporteur).post(
        f"/meetings/{world.meeting.pk}/transcripts/new/", {"language": "en", "file": upload}
    )
    page = html(Client().get(response["Location"]))
    assert 'href="https://video.example.org/call.mp4#t=65"' in page
    assert "01:05" in page
    assert "Mei Member:" in page
    found = html(Client().get("/meetings/transcripts/", {"q": "encryption"}))
    assert "1 passage found" in found
    assert "#t=65" in found


def test_a_broken_transcript_is_refused_next_to_the_field(world: World, login) -> None:  # type: ignore[no-untyped-def]
    response = login(world.rapporteur).post(
        f"/meetings/{world.meeting.pk}/transcripts/new/",
        {"language": "en", "source_format": "srt", "text": "1\n00:00:01 -> 00:00:02\nHi"},
    )
    page = html(response)
    assert response.status_code == 200
    assert "Line 2: expected a timing" in page
    assert not world.meeting.transcripts.exists()


# --- Personal data ----------------------------------------------------------------------------


def test_export_has_attendance_and_registrations_and_erasure_scrubs_them(
    world: World, login
) -> None:  # type: ignore[no-untyped-def]
    services.send_apologies(by=world.member, meeting=world.meeting, note="Medical leave")
    services.calendar_feed_of(world.observer.person)
    data = login(world.member).get("/me/data.json").json()
    assert data["meetings"]["attendance"][0]["note"] == "Medical leave"
    observer_data = login(world.observer).get("/me/data.json").json()
    assert observer_data["meetings"]["observer_registrations"][0]["meeting"] == (
        "Cybersecurity monthly call"
    )
    from igf.people.services import erase_account  # noqa: PLC0415

    erase_account(by=world.observer, person=world.observer.person)
    erase_account(by=world.member, person=world.member.person)
    assert not world.meeting.registrations.exists()
    assert Attendance.objects.get(meeting=world.meeting).note == ""


def test_action_items_of_a_body_filter_by_state(world: World, client: Client) -> None:
    ActionItemFactory.create(meeting=world.meeting, title="Open one")
    ActionItemFactory.create(meeting=world.meeting, title="Dropped one", status="dropped")
    page = html(client.get("/meetings/bodies/bpf-cyber/actions/", {"status": "open"}))
    assert "Open one" in page
    assert "Dropped one" not in page
    assert ActionItem.objects.count() == 2


def test_member_of_another_role_is_not_a_lead(world: World) -> None:
    observer_member = member(world.body, Role.OBSERVER)
    from igf.meetings.rules import is_lead_of, is_member_of, takes_part_in  # noqa: PLC0415

    assert takes_part_in(observer_member, world.meeting)
    assert not is_member_of(observer_member, world.meeting)
    assert not is_lead_of(observer_member, world.meeting)


def test_chair_approves_draft_minutes_from_the_meeting_page(world: World, login) -> None:  # type: ignore[no-untyped-def]
    past = MeetingFactory.create(body=world.body, start=in_hours(-48))
    services.save_minutes(by=world.rapporteur, meeting=past, summary="Draft text.", items={})
    page = html(login(world.chair).get(past.get_absolute_url()))
    assert f'action="/meetings/{past.pk}/minutes/approve/"' in page
    login(world.chair).post(f"/meetings/{past.pk}/minutes/approve/", {"at_meeting": ""})
    assert "Approved by <bdi>Chidi Chair</bdi>" in html(Client().get(past.get_absolute_url()))


def test_body_section_for_the_bodies_page_has_next_meeting_and_overdue_actions(
    world: World, rf
) -> None:  # type: ignore[no-untyped-def]
    from django.template.loader import render_to_string  # noqa: PLC0415

    from igf.meetings.home import body_section  # noqa: PLC0415

    ActionItemFactory.create(
        meeting=world.meeting, title="Late", due=timezone.localdate() - timedelta(days=3)
    )
    section = body_section(rf.get("/"), world.body)
    assert section is not None
    assert section["next"] == world.meeting
    html_text = render_to_string("meetings/body_section.html", {"section": section})
    assert "Cybersecurity monthly call" in html_text
    assert "1 overdue action item" in html_text


def test_history_names_the_changed_fields_in_the_readers_language(world: World, client) -> None:  # type: ignore[no-untyped-def]
    services.update_meeting(
        by=world.chair,
        meeting=world.meeting,
        changes={"venue": "Palais des Nations", "title": "Renamed call"},
    )
    client.cookies["django_language"] = "fr"
    page = html(client.get(f"/meetings/{world.meeting.pk}/history/"))
    assert "titre" in page
    assert "lieu (si la réunion est en présentiel)" in page
    assert "Chidi Chair" in page
