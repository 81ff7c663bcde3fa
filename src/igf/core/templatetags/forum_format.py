"""``{% load forum_format %}``: the site's one way to show dates, times, numbers and percentages.

Filters per kind of place (see ``igf.core.formats``): ``date_cell``, ``datetime_cell``,
``day_cell``, ``day_time_cell``, ``time_of_day`` in tables and lists; ``date_sentence``,
``datetime_sentence``, ``day_sentence``, ``datetime_with_zone`` inside sentences; ``number`` and
``percent``; and ``{% time_tag value "style" %}`` for a machine-readable ``<time>`` element.
"""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from igf.core import formats
from igf.core.written import bcp47

register = template.Library()

for _name in (
    "date_cell",
    "datetime_cell",
    "day_cell",
    "day_time_cell",
    "time_of_day",
    "date_sentence",
    "datetime_sentence",
    "day_sentence",
    "datetime_with_zone",
    "iso",
):
    register.filter(_name, getattr(formats, _name))


@register.filter
def number(value: float | Decimal | None, places: int = 0) -> str:
    return formats.number(value, int(places))


@register.filter
def percent(share: float | Decimal | None, places: int = 0) -> str:
    return formats.percent(share, int(places))


@register.simple_tag
def time_tag(value: formats.Moment | None, style: str = "datetime_sentence") -> SafeString:
    """``<time datetime="2027-01-01T09:47:00+01:00">1 janvier 2027 à 09:47</time>``."""
    if value is None:
        return SafeString("")
    return format_html(
        '<time datetime="{}">{}</time>', formats.iso(value), formats.format_moment(value, style)
    )


@register.filter
def bdi(value: object) -> SafeString:
    """A participant's text or a title isolated for direction inside a translated sentence."""
    if value is None or value == "":
        return SafeString("")
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def written_in(item: object) -> SafeString:
    """``lang="…" dir="auto"`` for the element holding what a participant wrote."""
    code = getattr(item, "language", "") or ""
    if not code:
        return SafeString('dir="auto"')
    return format_html('lang="{}" dir="auto"', bcp47(str(code)))
