"""Keep the cached public schedule fresh: any change to what it shows (a session, its people,
links, a room, a theme, the meeting, a release), through the services or the administration,
forgets the meeting's cached pages and exports. Apps above (the outcomes: reports and
transcripts on the session pages) add their models with `watch()`.

On erasure, the person's agenda and registrations go, and the pages and static copies of the
meetings where they took part in a session are renewed."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from igf.people.models import Person
from igf.people.signals import person_erased
from igf.programme.models import (
    AnnualMeeting,
    Session,
    SessionLink,
    SessionPerson,
    SessionType,
    Theme,
    Track,
)
from igf.schedule.models import (
    Registration,
    RemoteHub,
    Room,
    ScheduleRelease,
    SessionAccess,
    Star,
)
from igf.schedule.queries import bump_generation
from igf.schedule.snapshot import write_snapshot


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
    AnnualMeeting, Room, ScheduleRelease, Session, SessionLink, SessionPerson, SessionType,
    Theme, Track, SessionAccess, RemoteHub,
)  # fmt: skip


def watch(*models: type[Model]) -> None:
    """Forget a meeting's cached schedule whenever one of these models is saved or deleted
    (the row must have a `meeting_id` or a `session_id`)."""
    for model in models:
        uid = f"programme_schedule_cache_{model.__name__}"
        post_save.connect(forget_cached_schedule, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(forget_cached_schedule, sender=model, dispatch_uid=f"{uid}_delete")


def scrub_erased_person(*, person: Person, **kwargs: Any) -> None:
    """On erasure: their agenda (stars) and registrations are deleted; the cached pages of the
    meetings where they are named in a session are forgotten and the static copies rewritten
    (the programme's scrub of those rows is a bulk update, which sends no signal)."""
    meetings = list(AnnualMeeting.objects.filter(sessions__people__person=person).distinct())
    Star.objects.filter(person=person).delete()
    Registration.objects.filter(person=person).delete()
    for meeting in meetings:
        bump_generation(meeting.slug)
        transaction.on_commit(lambda meeting=meeting: write_snapshot(meeting))  # type: ignore[misc]


def connect() -> None:
    watch(*WATCHED)
    person_erased.connect(scrub_erased_person, dispatch_uid="schedule_scrub")
