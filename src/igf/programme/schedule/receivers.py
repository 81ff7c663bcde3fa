"""Keep the cached public schedule fresh: any change to what it shows (a session, its people,
links, report or transcript, a room, a theme, the meeting, a release), through the services
or the administration, forgets the meeting's cached pages and exports."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from igf.programme.models import (
    AnnualMeeting,
    Room,
    ScheduleRelease,
    Session,
    SessionLink,
    SessionPerson,
    SessionReport,
    SessionTranscript,
    SessionType,
    Theme,
    Track,
)
from igf.programme.schedule.queries import bump_generation


def _slug_of(instance: Model) -> str | None:
    if isinstance(instance, AnnualMeeting):
        return instance.slug
    meeting_id: int | None = getattr(instance, "meeting_id", None)
    session_id: int | None = getattr(instance, "session_id", None)
    if meeting_id is None and session_id is not None:
        meeting_id = (
            Session.objects.filter(pk=session_id).values_list("meeting_id", flat=True).first()
        )
    if meeting_id is None:
        return None
    return AnnualMeeting.objects.filter(pk=meeting_id).values_list("slug", flat=True).first()


def forget_cached_schedule(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    slug = _slug_of(instance)
    if slug:
        bump_generation(slug)


WATCHED = (
    AnnualMeeting, Room, ScheduleRelease, Session, SessionLink, SessionPerson, SessionReport,
    SessionTranscript, SessionType, Theme, Track,
)  # fmt: skip


def connect() -> None:
    for model in WATCHED:
        uid = f"programme_schedule_cache_{model.__name__}"
        post_save.connect(forget_cached_schedule, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(forget_cached_schedule, sender=model, dispatch_uid=f"{uid}_delete")
