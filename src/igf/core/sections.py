"""Sections that one app adds to another's page when neither may import the other (the
consultations and opinions apps sit side by side): the page names its place, the other app
registers a section for that place in its AppConfig.ready(). A section is a template and a
function returning its context for a viewer and the page's object, or None to show nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

# The places that exist, and the object each is given.
DOCUMENT_PAGE = "consultations.document"  # a document's page (consultations.Document)


@dataclass(frozen=True)
class PageSection:
    name: str
    template: str
    context: Callable[[HttpRequest, Any], dict[str, Any] | None]
    order: int = 100


SECTIONS: dict[str, dict[str, PageSection]] = {}


def register_page_section(place: str, section: PageSection) -> None:
    SECTIONS.setdefault(place, {})[section.name] = section


def sections_for(place: str, request: HttpRequest, obj: Any) -> list[tuple[str, dict[str, Any]]]:
    """The (template, context) pairs to include in `place` for this viewer, in order."""
    shown = []
    for section in sorted(SECTIONS.get(place, {}).values(), key=lambda s: (s.order, s.name)):
        context = section.context(request, obj)
        if context is not None:
            shown.append((section.template, context))
    return shown
