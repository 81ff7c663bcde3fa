"""The programme's section of the home page: calls for session proposals open now."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from igf.programme import queries


def open_calls(request: HttpRequest) -> dict[str, Any] | None:
    calls = list(queries.open_calls()[:3])
    if not calls:
        return None
    return {"calls": calls}


def schedule_section(request: HttpRequest) -> dict[str, Any] | None:
    """The coming annual meeting's schedule, and for the secretariat the warning when it is
    not published one month before the meeting."""
    from django.db.models import Exists, OuterRef  # noqa: PLC0415
    from django.utils import timezone  # noqa: PLC0415

    from igf.core.rules import is_secretariat  # noqa: PLC0415
    from igf.programme.models import AnnualMeeting, ScheduleRelease  # noqa: PLC0415
    from igf.programme.schedule.services import publication_warning  # noqa: PLC0415

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
