"""Pages of the schedule: the public schedule and its exports, session pages, the personal
agenda, registration, and the secretariat's grid editor, solver, slot grids and releases.

Thin: permission (the object loaded once through `queries`), form, one service, render.
One module per part; `urls.py` reaches every view as `views.<name>`.
"""

from __future__ import annotations

from igf.schedule.views.availability import unavailability
from igf.schedule.views.editor import edit_session, editor, grids, publish, solve
from igf.schedule.views.exports import agenda_feed, room_calendar, schedule_export, theme_calendar
from igf.schedule.views.hubs import hubs, register_hub
from igf.schedule.views.pages import (
    agenda,
    now_and_next,
    schedule,
    schedule_changes,
    session_detail,
    star,
    timetable,
)
from igf.schedule.views.registration import register

__all__ = [
    "agenda",
    "agenda_feed",
    "edit_session",
    "editor",
    "grids",
    "hubs",
    "now_and_next",
    "publish",
    "register",
    "register_hub",
    "room_calendar",
    "schedule",
    "schedule_changes",
    "schedule_export",
    "session_detail",
    "solve",
    "star",
    "theme_calendar",
    "timetable",
    "unavailability",
]
