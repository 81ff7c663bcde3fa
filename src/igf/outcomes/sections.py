"""What the outcomes add to pages of the apps below (through `igf.programme.hooks`): the
report and transcripts on a session's page, its buttons to write the report and manage the
session, and the link to the participation statistics on a meeting's page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from igf.programme.models import AnnualMeeting, Session


def session_actions(request: HttpRequest, session: Session) -> dict[str, Any] | None:
    user = request.user
    can_write_report = user.has_perm("outcomes.write_report", session)
    can_manage = user.has_perm("schedule.manage_schedule")
    if not (can_write_report or can_manage):
        return None
    return {"session": session, "can_write_report": can_write_report, "can_manage": can_manage}


def session_sections(request: HttpRequest, session: Session) -> dict[str, Any] | None:
    return {
        "report": getattr(session, "report", None),
        "transcripts": list(session.transcripts.all()),
    }


def statistics_link(request: HttpRequest, meeting: AnnualMeeting) -> dict[str, Any] | None:
    return {"meeting": meeting}
