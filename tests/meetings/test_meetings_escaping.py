"""Hostile text in every field of a meeting's record never reaches a page unescaped."""

from __future__ import annotations

from django.test import Client
from django.utils import timezone

from igf.meetings import services
from igf.meetings.enums import ConsensusLevel
from igf.people.models import Person
from tests.meetings.conftest import World
from tests.meetings.factories import ActionItemFactory, AgendaItemFactory, MeetingFactory, in_hours

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_meeting_content_is_escaped_everywhere(world: World, login) -> None:  # type: ignore[no-untyped-def]
    Person.objects.filter(user=world.observer).update(display_name=XSS)
    meeting = world.meeting
    meeting.title = XSS
    meeting.description = XSS
    meeting.venue = XSS
    meeting.dial_in = XSS
    meeting.recording_url = "https://v.example.org/r?<x>"
    meeting.save()
    AgendaItemFactory.create(meeting=meeting, title=XSS, presenter=XSS, documents=XSS)
    decision = services.record_decision(
        by=world.chair, meeting=meeting, text=XSS, consensus=ConsensusLevel.NO_CONSENSUS,
        range_of_views=XSS, by_correspondence=True, decided_on=timezone.localdate(),
    )  # fmt: skip
    services.object_to_decision(by=world.member, decision=decision, text=XSS, named=True)
    ActionItemFactory.create(meeting=meeting, title=XSS, owner=world.member.person)
    transcript = services.attach_transcript(
        by=world.rapporteur, meeting=meeting, language="en", source_format="text",
        text=f"[00:00:01] Chair: {XSS}",
    )  # fmt: skip
    consultation = MeetingFactory.create(body=None, title=XSS, start=in_hours(5))
    services.submit_written_input(
        by=world.member, meeting=consultation, title=XSS, text=XSS, on_behalf_of=XSS
    )
    urls = [
        meeting.get_absolute_url(), decision.get_absolute_url(), transcript.get_absolute_url(),
        consultation.get_absolute_url(), "/meetings/", "/meetings/bodies/bpf-cyber/",
        "/meetings/bodies/bpf-cyber/decisions/", "/meetings/bodies/bpf-cyber/actions/",
        f"/meetings/transcripts/?q={'alert'}", f"/meetings/{meeting.pk}/history/",
    ]  # fmt: skip
    for client in (Client(), login(world.rapporteur), login(world.chair)):
        for url in urls:
            page = client.get(url).content.decode()
            assert "<script>alert" not in page, url
            assert "<img src=x" not in page, url
    for url in (f"/meetings/{meeting.pk}/agenda/", f"/meetings/{meeting.pk}/minutes/"):
        page = login(world.rapporteur).get(url).content.decode()
        assert "<script>alert" not in page, url
