"""Template filters of the outcomes."""

from __future__ import annotations

from django import template

from igf.outcomes.enums import ReportState

register = template.Library()


@register.filter
def report_state(state: str) -> str:
    return str(ReportState(state).label) if state in ReportState.values else state
