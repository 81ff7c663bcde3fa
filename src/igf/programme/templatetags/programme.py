"""Template filters of the programme: explanations, goals, durations, scores."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language_info

from igf.core import formats
from igf.programme import phrases
from igf.programme.criteria import CriteriaRules

register = template.Library()


@register.filter
def explanation(data: dict[str, Any]) -> str:
    return phrases.explanation_sentence(data or {})


@register.filter
def sdg(number: int) -> str:
    return phrases.sdg_label(int(number))


@register.filter
def minutes(value: int | None) -> str:
    return phrases.minutes_label(int(value)) if value else ""


@register.filter
def signed(value: float | None) -> str:
    """A normalised score with its sign (a true minus sign for negative scores)."""
    if not isinstance(value, int | float):
        return ""
    text = formats.number(abs(value), 2)
    return f"+{text}" if value >= 0 else f"\u2212{text}"


@register.filter
def one_decimal(value: float | None) -> str:
    if not isinstance(value, int | float):
        return ""
    return formats.number(value, 1)


@register.filter
def rule_rows(rules: CriteriaRules) -> list[tuple[str, str]]:
    return phrases.rule_rows(rules)


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key) if mapping else None


@register.filter
def language_names(codes: list[str] | None) -> str:
    """Language codes as their names in the viewer's language, joined."""
    names = []
    for code in codes or []:
        try:
            names.append(str(get_language_info(code)["name_translated"]))
        except KeyError:
            names.append(str(code))
    return ", ".join(names)
