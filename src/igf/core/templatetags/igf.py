"""Template filters and tags of the platform: Markdown, balance charts, labels."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from igf.core import charts, phrases
from igf.core.balance import DimensionBalance, ShareTarget
from igf.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    return render_markdown(text)


@register.filter
def verb_label(verb: str) -> str:
    return phrases.verb_label(verb)


@register.filter
def dimension_label(dimension: str) -> str:
    return phrases.dimension_label(dimension)


@register.filter
def category_label(category: str, dimension: str) -> str:
    return phrases.category_label(category, dimension)


@register.filter
def percent(share: float) -> str:
    return _("%(value)s%%") % {"value": number_format(round(share * 100, 1), decimal_pos=0)}


@register.filter
def has_targets(dimension: DimensionBalance) -> bool:
    return any(row.target is not None for row in dimension.categories)


@register.filter
def target_label(target: ShareTarget | None) -> str:
    if target is None:
        return ""
    parts = []
    if target.minimum is not None:
        parts.append(_("at least %(share)s") % {"share": percent(target.minimum)})
    if target.maximum is not None:
        parts.append(_("at most %(share)s") % {"share": percent(target.maximum)})
    return ", ".join(parts)


@register.simple_tag
def balance_bar(dimension: DimensionBalance) -> SafeString:
    return charts.balance_bar(dimension)
