"""The meetings app's open data: meetings, approved agendas and minutes, decisions with their
consensus level and objections, and action items.

Mounted by igf.api at /api/v1/meetings/. The same rules as a visitor's meeting page: the record
of a meeting closed to observers stays hidden, draft agendas and minutes are absent, and an
objection carries its author's name only where the objector chose so.
"""

from datetime import date, datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from igf.meetings import queries
from igf.meetings.models import Meeting

PREFIX = "meetings"
router = Router(tags=["meetings"])
ANONYMOUS = AnonymousUser()

SUMMARIES: dict[tuple[str, str], Promise] = {
    ("GET", "/api/v1/meetings"): _(
        "Meetings of every body, upcoming first (or past ones, newest first), 50 per page; "
        "filter by body."
    ),
    ("GET", "/api/v1/meetings/{meeting_id}"): _(
        "One meeting: its approved agenda, approved minutes, decisions with their consensus "
        "level and objections, and action items."
    ),
}


class MeetingOut(Schema):
    id: int
    title: str
    body: str | None
    start: datetime
    end: datetime
    timezone: str
    status: str
    open_to_observers: bool
    url: str


class AgendaItemOut(Schema):
    order: int
    title: str
    presenter: str
    minutes_allotted: int | None


class ObjectionOut(Schema):
    text: str
    name: str | None


class DecisionOut(Schema):
    id: int
    text: str
    consensus: str
    range_of_views: str
    agenda_item: str | None
    objections: list[ObjectionOut]
    url: str


class ActionOut(Schema):
    title: str
    owner: str | None
    due: date | None
    status: str


class MeetingDetailOut(MeetingOut):
    agenda: list[AgendaItemOut]
    minutes: str | None
    decisions: list[DecisionOut]
    actions: list[ActionOut]


class MeetingFilter(Schema):
    body: str = ""
    past: bool = False


class ErrorOut(Schema):
    detail: str


def _meeting_out(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.pk,
        "title": meeting.title,
        "body": meeting.body.slug if meeting.body is not None else None,
        "start": meeting.start,
        "end": meeting.end,
        "timezone": meeting.timezone,
        "status": meeting.status,
        "open_to_observers": meeting.open_to_observers,
        "url": meeting.get_absolute_url(),
    }


@router.get("", response=list[MeetingOut], summary="Meetings")
@paginate(PageNumberPagination, page_size=50)
def list_meetings(request: HttpRequest, filters: Query[MeetingFilter]) -> list[dict[str, Any]]:
    found = queries.meeting_list(past=filters.past)
    if filters.body:
        found = found.filter(body__slug=filters.body)
    return [_meeting_out(m) for m in found]


@router.get(
    "/{meeting_id}",
    response={200: MeetingDetailOut, 404: ErrorOut},
    summary="One meeting",
)
def get_meeting(request: HttpRequest, meeting_id: int) -> dict[str, Any]:
    meeting = queries.get_meeting(meeting_id)
    record = bool(ANONYMOUS.has_perm("meetings.view_record", meeting))
    minutes = getattr(meeting, "minutes", None) if record else None
    agenda = queries.agenda(meeting) if meeting.is_agenda_approved else []
    return {
        **_meeting_out(meeting),
        "agenda": [
            {
                "order": item.order,
                "title": item.title,
                "presenter": item.presenter,
                "minutes_allotted": item.minutes_allotted,
            }
            for item in agenda
        ],
        "minutes": minutes.summary if minutes is not None and minutes.is_approved else None,
        "decisions": [
            {
                "id": decision.pk,
                "text": decision.text,
                "consensus": decision.consensus,
                "range_of_views": decision.range_of_views,
                "agenda_item": decision.agenda_item.title if decision.agenda_item else None,
                "objections": [
                    {
                        "text": objection.text,
                        "name": objection.person.public_name if objection.named else None,
                    }
                    for objection in decision.objections.all()
                ],
                "url": decision.get_absolute_url(),
            }
            for decision in (queries.decisions_of(meeting) if record else [])
        ],
        "actions": [
            {
                "title": action.title,
                "owner": action.owner.public_name if action.owner is not None else None,
                "due": action.due,
                "status": action.status,
            }
            for action in (queries.actions_of(meeting) if record else [])
        ],
    }
