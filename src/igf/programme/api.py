"""The programme app's open data: annual meetings, their themes, tracks and session types,
and calls with their public figures (the sessions are the schedule's: /api/v1/schedule/).

Mounted by igf.api at /api/v1/programme/. No proposal, review or score: blind review data
never leaves the review; calls publish only how many proposals are in each status.
"""

from datetime import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema

from igf.programme import queries
from igf.programme.models import AnnualMeeting, Call

PREFIX = "programme"
router = Router(tags=["programme"])
ANONYMOUS = AnonymousUser()

SUMMARIES: dict[tuple[str, str], Promise] = {
    ("GET", "/api/v1/programme"): _("The annual meetings, newest first."),
    ("GET", "/api/v1/programme/{slug}"): _(
        "One annual meeting: its themes, tracks, session types and calls with their figures."
    ),
}


class AnnualMeetingOut(Schema):
    slug: str
    name: str
    year: int
    host_city: str
    host_country: str | None
    timezone: str
    url: str


class NamedOut(Schema):
    id: int
    name: str
    description: str


class CallOut(Schema):
    id: int
    title: str
    opens: datetime
    closes: datetime
    results_published: datetime | None
    proposals_by_status: dict[str, int]
    url: str


class AnnualMeetingDetailOut(AnnualMeetingOut):
    themes: list[NamedOut]
    tracks: list[NamedOut]
    session_types: list[dict[str, Any]]
    calls: list[CallOut]


class ErrorOut(Schema):
    detail: str


def _meeting_out(meeting: AnnualMeeting) -> dict[str, Any]:
    return {
        "slug": meeting.slug,
        "name": meeting.name,
        "year": meeting.year,
        "host_city": meeting.host_city,
        "host_country": meeting.host_country_id,
        "timezone": meeting.timezone,
        "url": meeting.get_absolute_url(),
    }


def _call_out(call: Call) -> dict[str, Any]:
    return {
        "id": call.pk,
        "title": call.title,
        "opens": call.opens,
        "closes": call.closes,
        "results_published": call.results_published,
        "proposals_by_status": dict(queries.proposal_status_counts(call)),
        "url": call.get_absolute_url(),
    }


@router.get("", response=list[AnnualMeetingOut], summary="Annual meetings")
def list_meetings(request: HttpRequest) -> list[dict[str, Any]]:
    return [_meeting_out(m) for m in queries.meetings_visible_to(ANONYMOUS).order_by("-year")]


@router.get(
    "/{slug}",
    response={200: AnnualMeetingDetailOut, 404: ErrorOut},
    summary="One annual meeting",
)
def get_meeting(request: HttpRequest, slug: str) -> dict[str, Any]:
    meeting = queries.get_meeting(slug, ANONYMOUS)
    calls = queries.calls_visible_to(ANONYMOUS).filter(meeting=meeting).order_by("opens", "pk")
    return {
        **_meeting_out(meeting),
        "themes": [
            {"id": t.pk, "name": t.name, "description": t.description}
            for t in meeting.themes.order_by("order", "pk")
        ],
        "tracks": [
            {"id": t.pk, "name": t.name, "description": t.description}
            for t in meeting.tracks.order_by("order", "pk")
        ],
        "session_types": [
            {"id": t.pk, "name": str(t.name), "kind": t.kind}
            for t in queries.meeting_session_types(meeting)
        ],
        "calls": [_call_out(c) for c in calls],
    }
