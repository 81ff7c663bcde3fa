"""Sections of the home page that apps higher up contribute ("what is happening now").

Core cannot import the apps above it, so each app registers its section in its
AppConfig.ready(): a template and a function that returns its context for a viewer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class HomeSection:
    name: str
    template: str
    context: Callable[[HttpRequest], dict[str, Any] | None]
    order: int = 100


HOME_SECTIONS: dict[str, HomeSection] = {}


def register_home_section(section: HomeSection) -> None:
    HOME_SECTIONS[section.name] = section


def sections_for(request: HttpRequest) -> list[tuple[str, dict[str, Any]]]:
    """(template, context) of every section that has something to show this viewer."""
    shown = []
    for section in sorted(HOME_SECTIONS.values(), key=lambda s: (s.order, s.name)):
        context = section.context(request)
        if context is not None:
            shown.append((section.template, context))
    return shown
