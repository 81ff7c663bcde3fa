"""Template filters and tags of the platform: Markdown, balance charts, labels."""

from __future__ import annotations

from typing import Any

from django import template
from django.forms import BaseForm, BaseFormSet
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from igf.core import charts, formats, phrases
from igf.core.balance import DimensionBalance, ShareTarget
from igf.core.forms import error_fields
from igf.core.markdown import render_markdown
from igf.core.models import ActivityEntry

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    return render_markdown(text)


@register.filter
def activity_sentence(entry: ActivityEntry) -> str:
    actor = str(entry.actor) if entry.actor_id else None
    return phrases.activity_sentence(entry.verb, actor, entry.target_label)


@register.filter
def dimension_label(dimension: str) -> str:
    return phrases.dimension_label(dimension)


@register.filter
def category_label(category: str, dimension: str) -> str:
    return phrases.category_label(category, dimension)


@register.filter
def percent(share: float) -> str:
    return formats.percent(share)


@register.filter
def has_targets(dimension: DimensionBalance) -> bool:
    return any(row.target is not None for row in dimension.categories)


@register.filter
def target_label(target: ShareTarget | None) -> str:
    if target is None:
        return ""
    if target.minimum is not None and target.maximum is not None:
        return _("between %(minimum)s and %(maximum)s") % {
            "minimum": percent(target.minimum),
            "maximum": percent(target.maximum),
        }
    if target.minimum is not None:
        return _("at least %(share)s") % {"share": percent(target.minimum)}
    if target.maximum is not None:
        return _("at most %(share)s") % {"share": percent(target.maximum)}
    return ""


@register.simple_tag
def balance_bar(dimension: DimensionBalance) -> SafeString:
    return charts.balance_bar(dimension)


@register.inclusion_tag("core/includes/error_summary.html")
def error_summary(
    *forms_: BaseForm | BaseFormSet[Any] | list[BaseForm | BaseFormSet[Any]],
    unsaved: bool = True,
) -> dict[str, object]:
    """The GOV.UK error summary of the forms and formsets given (or lists of them): nothing
    when they have no error, else a heading ("nothing was saved" for a form that saves, with
    `unsaved`) and a list of links to each field in error."""
    flat: list[BaseForm | BaseFormSet[Any]] = []
    for item in forms_:
        flat.extend(item if isinstance(item, list) else [item])
    return {"errors": error_fields(*flat), "unsaved": unsaved}
