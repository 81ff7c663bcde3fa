"""The meetings app's part of the home page: the next meetings open to observers."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from igf.bodies.models import Body
from igf.meetings.queries import (
    attendance_by_group,
    body_actions,
    meeting_list,
    upcoming_public,
)


def upcoming_meetings(request: HttpRequest) -> dict[str, Any] | None:
    meetings = upcoming_public()
    return {"meetings": meetings} if meetings else None


def body_section(request: HttpRequest, body: Body) -> dict[str, Any] | None:
    """The meetings part of a body's page (bodies.sections): next meeting, overdue actions,
    attendance by stakeholder group; more on /meetings/bodies/<slug>/."""
    upcoming = meeting_list(body=body).first()
    overdue = list(body_actions(body, status="overdue")[:10])
    by_group = attendance_by_group(body)
    if upcoming is None and not overdue and not by_group:
        return None
    return {"body": body, "next": upcoming, "overdue": overdue, "by_group": by_group}
