"""Template helpers of the consultations app: marked passages, word differences, countdowns."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from igf.consultations.wordiff import DELETE, INSERT, Segment

register = template.Library()
# A changed run of words, announced to screen readers before and after.
_MARKED = (
    '<{}><span class="visually-hidden">{}</span>{}<span class="visually-hidden">{}</span></{}>'
)


@register.filter
def word_changes(segments: list[Segment]) -> SafeString:
    """Inserted and deleted words as <ins> and <del>, each announced in words, so the change
    is never shown by colour alone."""
    parts = []
    for segment in segments:
        if segment.op == INSERT:
            parts.append(format_html(_MARKED, "ins", _("[inserted:"), segment.text, "]", "ins"))
        elif segment.op == DELETE:
            parts.append(format_html(_MARKED, "del", _("[deleted:"), segment.text, "]", "del"))
        else:
            parts.append(escape(segment.text))
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308 - every part escaped above


@register.simple_tag
def time_left(moment: datetime) -> str:
    """ "3 days and 4 hours left", counted on the server at the time the page is made."""
    seconds = int((moment - timezone.now()).total_seconds())
    if seconds <= 0:
        return ""
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        day_text = ngettext("%(n)s day", "%(n)s days", days) % {"n": days}
        hour_text = ngettext("%(n)s hour", "%(n)s hours", hours) % {"n": hours}
        return _("%(days)s and %(hours)s left") % {"days": day_text, "hours": hour_text}
    if hours:
        hour_text = ngettext("%(n)s hour", "%(n)s hours", hours) % {"n": hours}
        minute_text = ngettext("%(n)s minute", "%(n)s minutes", minutes) % {"n": minutes}
        return _("%(hours)s and %(minutes)s left") % {"hours": hour_text, "minutes": minute_text}
    return ngettext("%(n)s minute left", "%(n)s minutes left", max(minutes, 1)) % {
        "n": max(minutes, 1)
    }


@register.simple_tag
def marked_passage(text: str, passage: str) -> SafeString:
    """A paragraph's plain text with the quoted passage marked (<mark>)."""
    if not passage:
        return format_html("{}", text)
    index = text.casefold().find(passage.casefold())
    if index < 0:
        return format_html("{}", text)
    end = index + len(passage)
    return format_html("{}<mark>{}</mark>{}", text[:index], text[index:end], text[end:])


@register.filter
def plain(markdown: str) -> str:
    from igf.consultations.blocks import plain_text  # noqa: PLC0415

    return plain_text(markdown)


@register.filter
def details(items: list[str]) -> SafeString:
    return format_html_join(", ", "{}", ((item,) for item in items))
