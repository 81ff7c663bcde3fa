"""Sections that apps higher up add to a body's page (its meetings, its documents...).

Bodies cannot import those apps; each registers its section in AppConfig.ready(): a template
and a function returning the context for a viewer and a body, or None to show nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from igf.bodies.models import Body


@dataclass(frozen=True)
class BodySection:
    name: str
    template: str
    context: Callable[[HttpRequest, Body], dict[str, Any] | None]
    order: int = 100


BODY_SECTIONS: dict[str, BodySection] = {}


def register_body_section(section: BodySection) -> None:
    BODY_SECTIONS[section.name] = section


def sections_for(request: HttpRequest, body: Body) -> list[tuple[str, dict[str, Any]]]:
    shown = []
    for section in sorted(BODY_SECTIONS.values(), key=lambda s: (s.order, s.name)):
        context = section.context(request, body)
        if context is not None:
            shown.append((section.template, context))
    return shown
