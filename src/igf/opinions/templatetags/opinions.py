"""Template filters of the opinions app."""

from __future__ import annotations

from typing import Any

from django import template

from igf.core.enums import StakeholderGroup
from igf.opinions import phrases
from igf.opinions.enums import VoteValue

register = template.Library()


@register.filter
def group_label(group: int) -> str:
    return phrases.group_label(int(group))


@register.filter
def group_letter(group: int) -> str:
    return phrases.group_letter(int(group))


@register.filter
def vote_label(value: int) -> str:
    return str(VoteValue(int(value)).label)


@register.filter
def stakeholder_groups(shares: dict[str, Any]) -> list[tuple[str, Any]]:
    """(label, share) for each stakeholder group, in the vocabulary's order."""
    return [(str(label), shares.get(value)) for value, label in StakeholderGroup.choices]


@register.filter
def item(mapping: Any, key: Any) -> Any:
    """mapping[key] in a template (for lists by position and dicts by key)."""
    try:
        return mapping[key]
    except (KeyError, IndexError, TypeError):
        return None
