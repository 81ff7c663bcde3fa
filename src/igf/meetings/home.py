"""The meetings app's part of the home page: the next meetings open to observers."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from igf.meetings.queries import upcoming_public


def upcoming_meetings(request: HttpRequest) -> dict[str, Any] | None:
    meetings = upcoming_public()
    return {"meetings": meetings} if meetings else None
