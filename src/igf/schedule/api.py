"""The schedule's open data: the released sessions of an annual meeting, with their places
in the schedule and the people who take part.

Mounted by igf.api at /api/v1/schedule/. Only sessions in the latest published release (as
the public session pages), and of people only what those pages show: names, roles,
organisations and countries, never e-mail addresses or gender. The full schedule in the
conference formats (frab XML, JSON, iCalendar, CSV) stays at the schedule's export links.
"""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from igf.programme.models import Session
from igf.schedule import queries

PREFIX = "schedule"
router = Router(tags=["schedule"])
ANONYMOUS = AnonymousUser()

SUMMARIES: dict[tuple[str, str], Promise] = {
    ("GET", "/api/v1/schedule/{slug}/sessions"): _(
        "The published sessions of an annual meeting with the people who take part, 100 per "
        "page; filter by theme, track and session type."
    ),
}


class SessionPersonOut(Schema):
    name: str
    role: str
    organization: str
    country: str | None


class SessionOut(Schema):
    id: int
    code: str
    title: str
    description: str
    session_type: str
    theme: str | None
    track: str | None
    duration: int
    languages: list[str]
    people: list[SessionPersonOut]
    url: str


class SessionFilter(Schema):
    theme: int | None = None
    track: int | None = None
    session_type: int | None = None


class ErrorOut(Schema):
    detail: str


def _session_out(session: Session) -> dict[str, Any]:
    return {
        "id": session.pk,
        "code": session.code,
        "title": session.title,
        "description": session.description,
        "session_type": str(session.session_type.name),
        "theme": session.theme.name if session.theme is not None else None,
        "track": session.track.name if session.track is not None else None,
        "duration": session.duration,
        "languages": list(session.languages),
        "people": [
            {
                "name": p.person.public_name if p.person is not None else p.name,
                "role": p.role,
                "organization": p.organization_name,
                "country": p.country_id,
            }
            for p in session.people.all()
        ],
        "url": session.get_absolute_url(),
    }


@router.get(
    "/{slug}/sessions",
    response={200: list[SessionOut], 404: ErrorOut},
    summary="Sessions of an annual meeting",
)
@paginate(PageNumberPagination, page_size=100)
def list_sessions(
    request: HttpRequest, slug: str, filters: Query[SessionFilter]
) -> list[dict[str, Any]]:
    meeting = queries.get_meeting_for_schedule(slug, viewer=ANONYMOUS)
    sessions = (
        Session.objects.filter(meeting=meeting, pk__in=queries.released_session_ids(meeting))
        .select_related("session_type", "theme", "track")
        .prefetch_related("people__person")
        .order_by("code", "pk")
    )
    if filters.theme is not None:
        sessions = sessions.filter(theme_id=filters.theme)
    if filters.track is not None:
        sessions = sessions.filter(track_id=filters.track)
    if filters.session_type is not None:
        sessions = sessions.filter(session_type_id=filters.session_type)
    return [_session_out(s) for s in sessions]
