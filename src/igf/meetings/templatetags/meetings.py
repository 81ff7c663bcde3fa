"""Template filters of the meetings app."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.translation import get_language_info

register = template.Library()


@register.filter
def language_names(codes: list[str]) -> str:
    """Language codes as their own names ("Français, العربية"), unknown codes left out."""
    known = {code for code, _name in settings.LANGUAGES}
    return ", ".join(get_language_info(c)["name_local"] for c in codes if c in known)
