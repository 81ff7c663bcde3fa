"""Template tags other apps' templates may load without importing the schedule:
which meetings have a published schedule (one query for a whole list)."""

from __future__ import annotations

from django import template

from igf.schedule.models import ScheduleRelease

register = template.Library()


@register.simple_tag
def scheduled_meeting_ids() -> set[int]:
    """The ids of the annual meetings whose schedule is published."""
    return set(ScheduleRelease.objects.values_list("meeting_id", flat=True).distinct())
