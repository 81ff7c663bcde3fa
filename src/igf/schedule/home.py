"""The schedule's sections of other pages: the home page (the coming meeting's schedule), an
annual meeting's page (its schedule's links)."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef
from django.http import HttpRequest
from django.utils import timezone

from igf.core.rules import is_secretariat
from igf.programme import hooks
from igf.programme.models import AnnualMeeting
from igf.schedule.models import ScheduleRelease
from igf.schedule.queries import latest_release, release_placements
from igf.schedule.services import publication_warning


def schedule_section(request: HttpRequest) -> dict[str, Any] | None:
    """The coming annual meeting's schedule, and for the secretariat the warning when it is
    not published one month before the meeting."""
    meeting = (
        AnnualMeeting.objects.filter(published=True, ends__gte=timezone.localdate())
        .annotate(released=Exists(ScheduleRelease.objects.filter(meeting=OuterRef("pk"))))
        .order_by("starts")
        .first()
    )
    if meeting is None:
        return None
    warning = publication_warning(meeting) if is_secretariat(request.user) else None
    if not meeting.released and warning is None:  # type: ignore[attr-defined]
        return None
    return {"meeting": meeting, "released": meeting.released, "warning": warning}  # type: ignore[attr-defined]


def meeting_section(request: HttpRequest, meeting: AnnualMeeting) -> dict[str, Any] | None:
    """Once the schedule is published: links to it, the changes, the agenda and registration,
    and what apps above add (`hooks.MEETING_SCHEDULE_LINKS`)."""
    release = latest_release(meeting)
    if release is None:
        return None
    days = sorted(
        {p.start.astimezone(meeting.zone).date() for p in release_placements(release).values()}
    )
    return {
        "meeting": meeting,
        "days": days,
        "links": hooks.sections_for(hooks.MEETING_SCHEDULE_LINKS, request, meeting),
    }
