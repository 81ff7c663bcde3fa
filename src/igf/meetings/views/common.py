"""What the meetings app's views share: how they find their object, and calendar responses."""

from __future__ import annotations

from typing import cast

from django.http import HttpRequest, HttpResponse

from igf.core.permissions import Load
from igf.meetings import queries
from igf.people.models import User

PAGE_SIZE = 30
ICS = "text/calendar; charset=utf-8"

# How most views find their object: loaded once, by the permission decorator, from the address.
MEETING = Load(queries.get_meeting)
BODY = Load(queries.get_body, "slug")


def user_of(request: HttpRequest) -> User:
    """The signed-in user of a view that only signed-in people reach (the decorator says so)."""
    return cast(User, request.user)


def ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=ICS)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
