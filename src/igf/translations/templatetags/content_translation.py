"""Showing readers which text they read: `{% translation_note session "title" %}`."""

from __future__ import annotations

from typing import Any

from django import template
from django.db import models
from django.http import QueryDict
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_info

from igf.core.enums import TranslationStatus
from igf.translations import queries
from igf.translations.reading import is_reading_original
from igf.translations.registry import column, original_language

register = template.Library()


@register.filter
def verbose_name_of(model: type[models.Model]) -> str:
    return str(model._meta.verbose_name)


@register.filter
def translation_status_label(status: str) -> str:
    """The label of a status ("Draft translation"); a translation without one is a draft."""
    if status in TranslationStatus.values:
        return str(TranslationStatus(status).label)
    return str(TranslationStatus.DRAFT.label)


def _with_query(request: Any, **changes: str | None) -> str:
    query: QueryDict = request.GET.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query[name] = value
    encoded = query.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path


@register.inclusion_tag("translations/includes/note.html", takes_context=True)
def translation_note(context: template.Context, obj: models.Model, field: str) -> dict[str, Any]:
    """Which text of `obj.field` the reader sees (a translation and its status, or the
    original on request) with a link to the other; nothing in the original's language or
    when there is no translation. One query."""
    request = context.get("request")
    language = get_language() or original_language()
    if request is None or obj is None or language == original_language():
        return {"reading": None}
    if is_reading_original():
        reading = queries.reading_of(obj, field, language)
        return {
            "reading": reading,
            "reading_original": True,
            "back_url": _with_query(request, original=None),
        }
    reading = queries.reading_of(obj, field, language)
    if reading is None:
        return {"reading": None}
    return {
        "reading": {
            "label": translation_status_label(reading.status),
            "out_of_date": reading.out_of_date,
        },
        "reading_original": False,
        "original_url": _with_query(request, original="1"),
    }


@register.simple_tag
def lang_of(obj: models.Model | None, field: str) -> SafeString:
    """` lang="en" dir="ltr"` on the element of a text shown in its original because the page's
    language has no translation of it (or the reader asked for the original), so screen
    readers switch voice; nothing when the text is in the page's language."""
    language = get_language() or original_language()
    original = original_language()
    if obj is None or language == original or not getattr(obj, column(field, original), None):
        return SafeString("")
    if not is_reading_original() and getattr(obj, column(field, language), None):
        return SafeString("")
    direction = "rtl" if get_language_info(original)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', original, direction)
