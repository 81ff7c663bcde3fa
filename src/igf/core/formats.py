"""Dates, times, numbers and percentages in the reader's own form: the one way the site writes them.

Every page, e-mail and export formats through these functions, in the language of the current
request (``get_language()``) and the time zone the viewer chose (``TimezoneMiddleware``, or a
``{% timezone %}`` block). The patterns are the CLDR's, through Babel, so each locale gets its own
order, hour cycle, separators and percent sign: Arabic day-month-year, 24-hour clocks in French,
Russian, Spanish and Chinese, "29 %" in French. There is one style per kind of place:

* **cell** (tables, lists of facts): ``date_cell``, ``datetime_cell``, ``day_cell`` (weekday, day
  and month, for a meeting's days), ``day_time_cell``, ``time_of_day``;
* **sentence** (inside running text): ``date_sentence``, ``datetime_sentence``, ``day_sentence``;
  a sentence always names the year;
* **machine**: ``iso`` (the ``datetime`` attribute of ``<time>``).

The template side is ``{% load forum_format %}`` (``igf.core.templatetags.forum_format``).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time, get_datetime_format
from babel.numbers import NumberPattern, parse_pattern
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from igf.core.countries import normalize_language

__all__ = [
    "STYLES",
    "Style",
    "date_cell",
    "date_sentence",
    "datetime_cell",
    "datetime_sentence",
    "datetime_with_zone",
    "day_cell",
    "day_sentence",
    "day_time_cell",
    "format_moment",
    "iso",
    "number",
    "percent",
    "time_of_day",
]

Style = Literal[
    "date_cell",
    "datetime_cell",
    "day_cell",
    "day_time_cell",
    "time_of_day",
    "date_sentence",
    "datetime_sentence",
    "day_sentence",
]

Moment = dt.datetime | dt.date


# English as the United Nations writes it (UN Editorial Manual): day before month, 24-hour clock.
_BABEL_LOCALE = {"en": "en_GB"}


@functools.cache
def _babel_locale(language: str) -> Locale:
    code = normalize_language(language)
    return Locale.parse(_BABEL_LOCALE.get(code, code))


def _locale() -> Locale:
    return _babel_locale(get_language() or settings.LANGUAGE_CODE)


def _local(value: Moment) -> Moment:
    """An aware datetime in the current time zone; dates and naive datetimes as they are."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _as_date(value: Moment) -> dt.date:
    local = _local(value)
    return local.date() if isinstance(local, dt.datetime) else local


def _as_datetime(value: Moment) -> dt.datetime:
    local = _local(value)
    if isinstance(local, dt.datetime):
        return local
    return dt.datetime.combine(local, dt.time())


def _time(value: dt.datetime, locale: Locale) -> str:
    # tzinfo=None keeps Babel from converting again: the value is already in the viewer's zone.
    return format_time(value.replace(tzinfo=None), "short", locale=locale)


def _combine(
    date_text: str, time_text: str, width: Literal["medium", "long"], locale: Locale
) -> str:
    # The CLDR's own glue between a date and a time ("{1} 'at' {0}", "{1} {0}", "{1}، {0}").
    pattern = str(get_datetime_format(width, locale=locale)).replace("'", "")
    return pattern.replace("{1}", date_text).replace("{0}", time_text)


def date_cell(value: Moment | None) -> str:
    """A date in a table cell or a list of facts: "Jan 1, 2027", "01/01/2027" (Arabic)."""
    if value is None:
        return ""
    return format_date(_as_date(value), "medium", locale=_locale())


def date_sentence(value: Moment | None) -> str:
    """A date inside a sentence, always with its year: "1 يناير 2027", "1 janvier 2027"."""
    if value is None:
        return ""
    return format_date(_as_date(value), "long", locale=_locale())


def day_sentence(value: Moment | None) -> str:
    """A day named in full, with weekday and year (a day's heading, a session's date)."""
    if value is None:
        return ""
    return format_date(_as_date(value), "full", locale=_locale())


def day_cell(value: Moment | None) -> str:
    """Weekday, day and month, for the days of one meeting (navigation, editors): "ven. 1 janv."."""
    if value is None:
        return ""
    return format_skeleton("MMMEd", _as_date(value), locale=_locale())


def time_of_day(value: dt.datetime | dt.time | None) -> str:
    """A time in the locale's hour cycle: "9:47 AM", "09:47", "9:47 ص"."""
    if value is None:
        return ""
    if isinstance(value, dt.time):
        return format_time(value.replace(tzinfo=None), "short", locale=_locale())
    return _time(_as_datetime(value), _locale())


def datetime_cell(value: Moment | None) -> str:
    """Date and time in a table cell: "Jan 1, 2027, 9:47 AM"."""
    if value is None:
        return ""
    locale = _locale()
    moment = _as_datetime(value)
    date_text = format_date(moment.date(), "medium", locale=locale)
    return _combine(date_text, _time(moment, locale), "medium", locale)


def day_time_cell(value: Moment | None) -> str:
    """Weekday, day, month and time, for places within one meeting: "Fri, Jan 1, 9:47 AM"."""
    if value is None:
        return ""
    locale = _locale()
    moment = _as_datetime(value)
    date_text = format_skeleton("MMMEd", moment.date(), locale=locale)
    return _combine(date_text, _time(moment, locale), "medium", locale)


def datetime_sentence(value: Moment | None) -> str:
    """Date and time inside a sentence, with the year: "January 1, 2027 at 9:47 AM"."""
    if value is None:
        return ""
    locale = _locale()
    moment = _as_datetime(value)
    date_text = format_date(moment.date(), "long", locale=locale)
    return _combine(date_text, _time(moment, locale), "long", locale)


def datetime_with_zone(value: Moment | None) -> str:
    """``datetime_sentence`` followed by the zone's name, for e-mails read anywhere."""
    if value is None:
        return ""
    zone = timezone.get_current_timezone_name()
    return f"{datetime_sentence(value)} ({zone})"


_STYLES = {
    "date_cell": date_cell,
    "datetime_cell": datetime_cell,
    "day_cell": day_cell,
    "day_time_cell": day_time_cell,
    "time_of_day": time_of_day,
    "date_sentence": date_sentence,
    "datetime_sentence": datetime_sentence,
    "day_sentence": day_sentence,
}
STYLES: frozenset[str] = frozenset(_STYLES)


def format_moment(value: Moment | None, style: str) -> str:
    """Format in one of the named STYLES (the ``{% time_tag %}`` tag's second argument)."""
    try:
        formatter = _STYLES[style]
    except KeyError:
        raise ValueError(f"unknown date style {style!r}; one of {sorted(STYLES)}") from None
    return formatter(value)  # type: ignore[operator, arg-type]


def iso(value: Moment | None) -> str:
    """The machine-readable form for ``<time datetime>``: ISO 8601, with the offset."""
    if value is None:
        return ""
    local = _local(value)
    if isinstance(local, dt.datetime):
        return local.isoformat(timespec="seconds")
    return local.isoformat()


def _rounded(value: float | Decimal, places: int) -> Decimal:
    # Half away from zero, as people round by hand: 2 of 7 is 28.57 %, shown as 29 %.
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@functools.cache
def _number_pattern(
    locale: Locale, places: int, kind: Literal["decimal", "percent"]
) -> NumberPattern:
    # Parsed once per locale and precision; Babel would parse the pattern on every call.
    if kind == "decimal":
        text = "#,##0" + ("." + "0" * places if places else "")
    else:
        text = str(locale.percent_formats[None].pattern)
        # The locale's own pattern (sign place, spacing), with the decimals asked for.
        text = text.replace("0", "0." + "0" * places, 1) if places else text
    return parse_pattern(text)


def number(value: float | Decimal | None, places: int = 0) -> str:
    """A number with the locale's separators, rounded to ``places`` decimals: "12 345,5"."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    locale = _locale()
    return str(_number_pattern(locale, places, "decimal").apply(_rounded(value, places), locale))


def percent(share: float | Decimal | None, places: int = 0) -> str:
    """A share (0 to 1) as a percentage, rounded, in the locale's form: "29%", "29 %" (French)."""
    if share is None or (isinstance(share, float) and not math.isfinite(share)):
        return ""
    rounded = _rounded(Decimal(str(share)) * 100, places) / 100
    locale = _locale()
    return str(_number_pattern(locale, places, "percent").apply(rounded, locale))
