"""Factories of the schedule's rooms and a whole scheduled meeting."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone

from igf.programme.enums import ParticipantRole
from igf.programme.models import AnnualMeeting, SessionType
from igf.schedule import services as schedule_services
from igf.schedule.models import Room, ScheduleRelease, Slot, SlotGrid
from tests.factories import UserFactory
from tests.programme.factories import (
    MeetingFactory,
    SessionFactory,
    SessionPersonFactory,
    SessionTypeFactory,
    ThemeFactory,
)


class RoomFactory(factory.django.DjangoModelFactory[Room]):
    class Meta:
        model = Room

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Room {n}")
    capacity = 100
    hybrid = True
    interpretation_booths = 0
    captioning = True


VENUE = "Europe/Zurich"


def venue_time(meeting: AnnualMeeting, day: int, hhmm: str) -> dt.datetime:
    """A moment on a day of the meeting (0 = its first day), in the venue's time."""
    hours, minutes = (int(x) for x in hhmm.split(":"))
    local = dt.datetime.combine(
        meeting.starts + dt.timedelta(days=day), dt.time(hours, minutes), tzinfo=meeting.zone
    )
    return local.astimezone(dt.UTC)


def grid(
    meeting: AnnualMeeting,
    session_type: SessionType,
    starts: tuple[str, ...] = ("09:00", "10:15", "11:30", "14:00"),
    days: tuple[int, ...] = (0, 1),
    duration: int = 60,
) -> SlotGrid:
    return schedule_services.add_grid(
        by=UserFactory.create(),
        meeting=meeting,
        name=f"{duration} minutes",
        duration=duration,
        session_types=[session_type],
        days=[meeting.starts + dt.timedelta(days=d) for d in days],
        starts=[dt.time(int(s[:2]), int(s[3:5])) for s in starts],
    )


def schedule_meeting(
    *,
    sessions: int = 3,
    publish: bool = True,
    starts: dt.date | None = None,
    **kwargs: Any,
) -> AnnualMeeting:
    """A meeting at the venue in Zurich with two rooms, a 60-minute grid on two days, a theme
    and `sessions` workshops, each with an organiser and two speakers, placed one after the
    other in the first room; published as version 1 unless `publish` is False."""
    first_day = starts or (timezone.localdate() + dt.timedelta(days=90))
    meeting = MeetingFactory.create(
        timezone=VENUE, starts=first_day, ends=first_day + dt.timedelta(days=3), **kwargs
    )
    workshop = SessionTypeFactory.create(meeting=meeting, durations=[60])
    theme = ThemeFactory.create(meeting=meeting, name="Digital trust")
    main_room = RoomFactory.create(
        meeting=meeting, name="Plenary", capacity=300, interpretation_booths=2, order=0
    )
    RoomFactory.create(meeting=meeting, name="Room B", capacity=50, order=1)
    grid(meeting, workshop)
    times = ("09:00", "10:15", "11:30", "14:00")
    for index in range(sessions):
        session = SessionFactory.create(
            meeting=meeting, session_type=workshop, theme=theme, title=f"Workshop {index + 1}"
        )
        SessionPersonFactory.create(session=session, role=ParticipantRole.ORGANISER)
        SessionPersonFactory.create(session=session)
        SessionPersonFactory.create(session=session, gender="man", stakeholder_group="government")
        start = venue_time(meeting, index // len(times), times[index % len(times)])
        Slot.objects.create(
            session=session, room=main_room, start=start, end=start + dt.timedelta(minutes=60)
        )
    if publish:
        schedule_services.publish_schedule(by=None, meeting=meeting)
    return meeting


def release_of(meeting: AnnualMeeting) -> ScheduleRelease:
    release = meeting.releases.order_by("-version").first()
    assert release is not None
    return release
