"""The rules of meetings: scheduling, agendas, attendance, minutes, decisions, action items.

Every function that changes a meeting's record takes the acting user as `by`, runs in one
transaction and writes one activity entry; a change the rules refuse raises `MeetingError`
(an `igf.core.errors.Refused`). E-mail goes through `igf.core.notify.notify`, after commit.
One module per topic; `from igf.meetings import services; services.<name>` reaches them all.
"""

from __future__ import annotations

from igf.meetings.services.agenda import (
    add_agenda_item,
    approve_agenda,
    circulate_agenda,
    move_agenda_item,
    remove_agenda_item,
    update_agenda_item,
)
from igf.meetings.services.attendance import (
    record_attendance,
    register_observer,
    send_apologies,
    unregister_observer,
    withdraw_apologies,
)
from igf.meetings.services.calendars import calendar_feed_of, reset_calendar_feed
from igf.meetings.services.common import MeetingError
from igf.meetings.services.inputs import hide_written_input, submit_written_input
from igf.meetings.services.notices import (
    OVERDUE_REMINDER_EVERY,
    REMINDER_WINDOW,
    notify_about,
    send_due_reminders,
    send_overdue_notices,
)
from igf.meetings.services.record import (
    add_action_item,
    approve_minutes,
    attach_transcript,
    minutes_of,
    object_to_decision,
    record_decision,
    save_minutes,
    update_action_item,
)
from igf.meetings.services.scheduling import (
    CALENDAR_FIELDS,
    MEETING_FIELDS,
    cancel_meeting,
    schedule_meeting,
    update_meeting,
)

__all__ = [
    "CALENDAR_FIELDS",
    "MEETING_FIELDS",
    "OVERDUE_REMINDER_EVERY",
    "REMINDER_WINDOW",
    "MeetingError",
    "add_action_item",
    "add_agenda_item",
    "approve_agenda",
    "approve_minutes",
    "attach_transcript",
    "calendar_feed_of",
    "cancel_meeting",
    "circulate_agenda",
    "hide_written_input",
    "minutes_of",
    "move_agenda_item",
    "notify_about",
    "object_to_decision",
    "record_attendance",
    "record_decision",
    "register_observer",
    "remove_agenda_item",
    "reset_calendar_feed",
    "save_minutes",
    "schedule_meeting",
    "send_apologies",
    "send_due_reminders",
    "send_overdue_notices",
    "submit_written_input",
    "unregister_observer",
    "update_action_item",
    "update_agenda_item",
    "update_meeting",
    "withdraw_apologies",
]
