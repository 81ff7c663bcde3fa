"""Pages of the meetings app: meetings, agendas, attendance, minutes, decisions, actions,
consultations, transcripts and calendars. Thin: permission, form, one service, render.

One module per part of the work; `urls.py` reaches every view as `views.<name>`.
"""

from __future__ import annotations

from igf.meetings.views.agendas import (
    agenda,
    agenda_item,
    agenda_item_delete,
    agenda_item_move,
    approve_agenda,
    circulate_agenda,
)
from igf.meetings.views.calendars import (
    my_meetings,
    personal_calendar,
    reset_calendar,
)
from igf.meetings.views.lists import (
    attendance_rates,
    body_actions,
    body_calendar,
    body_meetings,
    consultations,
    decision_register,
    meeting_list,
)
from igf.meetings.views.meeting import (
    apologies,
    cancel_meeting,
    edit_meeting,
    meeting_calendar,
    meeting_detail,
    meeting_history,
    register,
    schedule_consultation,
    schedule_meeting,
    unregister,
)
from igf.meetings.views.record import (
    add_action,
    approve_minutes,
    decision_detail,
    edit_minutes,
    moderate_input,
    record_attendance,
    record_decision,
    search_transcripts,
    submit_input,
    transcript_detail,
    update_action,
    upload_transcript,
)

__all__ = [
    "add_action",
    "agenda",
    "agenda_item",
    "agenda_item_delete",
    "agenda_item_move",
    "apologies",
    "approve_agenda",
    "approve_minutes",
    "attendance_rates",
    "body_actions",
    "body_calendar",
    "body_meetings",
    "cancel_meeting",
    "circulate_agenda",
    "consultations",
    "decision_detail",
    "decision_register",
    "edit_meeting",
    "edit_minutes",
    "meeting_calendar",
    "meeting_detail",
    "meeting_history",
    "meeting_list",
    "moderate_input",
    "my_meetings",
    "personal_calendar",
    "record_attendance",
    "record_decision",
    "register",
    "reset_calendar",
    "schedule_consultation",
    "schedule_meeting",
    "search_transcripts",
    "submit_input",
    "transcript_detail",
    "unregister",
    "update_action",
    "upload_transcript",
]
