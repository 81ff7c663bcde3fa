"""What apps higher up (the schedule, the outcomes) add to the programme's pages and facts.

The programme cannot import them; each registers here in its AppConfig.ready():

- page sections: a template and a function returning its context for a viewer and an
  object (or None to show nothing), in one of the places below;
- `register_reported_sessions`: which sessions have their full report in, for the
  "report on last year's session" criterion.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

# The places of a page that other apps fill, and the object each is given.
MEETING_PAGE = "meeting"  # sections of an annual meeting's page (AnnualMeeting)
SESSION_PAGE = "session"  # sections of a session's page, after its people (Session)
SESSION_ACTIONS = "session_actions"  # buttons on a session's page (Session)
MEETING_SCHEDULE_LINKS = "meeting_schedule_links"  # items of the schedule's list (AnnualMeeting)


@dataclass(frozen=True)
class PageSection:
    name: str
    template: str
    context: Callable[[HttpRequest, Any], dict[str, Any] | None]
    order: int = 100


SECTIONS: dict[str, dict[str, PageSection]] = {}


def register_section(place: str, section: PageSection) -> None:
    SECTIONS.setdefault(place, {})[section.name] = section


def sections_for(place: str, request: HttpRequest, obj: Any) -> list[tuple[str, dict[str, Any]]]:
    """The (template, context) pairs to include in `place` for this viewer, in order."""
    shown = []
    for section in sorted(SECTIONS.get(place, {}).values(), key=lambda s: (s.order, s.name)):
        context = section.context(request, obj)
        if context is not None:
            shown.append((section.template, context))
    return shown


_REPORTED: list[Callable[[], QuerySet[Any]]] = []


def register_reported_sessions(provider: Callable[[], QuerySet[Any]]) -> None:
    """`provider` returns the ids (`values("session_id")`) of sessions whose full report is in."""
    _REPORTED.clear()
    _REPORTED.append(provider)


def reported_sessions() -> QuerySet[Any] | list[int]:
    """The ids of sessions whose full report is in (none when no app keeps reports)."""
    return _REPORTED[0]() if _REPORTED else []
