"""Translated sentences of the meetings app: its activity-log entries."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Registered into igf.core.phrases.ACTIVITY by MeetingsConfig.ready().
ACTIVITY: dict[str, tuple[Promise, Promise]] = {
    "meeting.scheduled": (
        _("%(actor)s scheduled the meeting %(object)s."),
        _("The meeting %(object)s was scheduled."),
    ),
    "meeting.updated": (
        _("%(actor)s updated the meeting %(object)s."),
        _("The meeting %(object)s was updated."),
    ),
    "meeting.moved": (
        _("%(actor)s moved the meeting %(object)s to a new time."),
        _("The meeting %(object)s moved to a new time."),
    ),
    "meeting.cancelled": (
        _("%(actor)s cancelled the meeting %(object)s."),
        _("The meeting %(object)s was cancelled."),
    ),
    "meeting.registered": (
        _("%(actor)s registered for %(object)s."),
        _("A participant registered for %(object)s."),
    ),
    "meeting.unregistered": (
        _("%(actor)s withdrew their registration for %(object)s."),
        _("A participant withdrew a registration for %(object)s."),
    ),
    "meeting.apologies": (
        _("%(actor)s sent apologies for %(object)s."),
        _("A member sent apologies for %(object)s."),
    ),
    "meeting.apologies_withdrawn": (
        _("%(actor)s withdrew their apologies for %(object)s."),
        _("A member withdrew apologies for %(object)s."),
    ),
    "meeting.attendance_recorded": (
        _("%(actor)s recorded attendance at %(object)s."),
        _("Attendance at %(object)s was recorded."),
    ),
    "agenda.changed": (
        _("%(actor)s changed the agenda of %(object)s."),
        _("The agenda of %(object)s was changed."),
    ),
    "agenda.circulated": (
        _("%(actor)s circulated the agenda of %(object)s."),
        _("The agenda of %(object)s was circulated."),
    ),
    "agenda.approved": (
        _("%(actor)s approved the agenda of %(object)s."),
        _("The agenda of %(object)s was approved."),
    ),
    "minutes.saved": (
        _("%(actor)s saved the draft minutes of %(object)s."),
        _("The draft minutes of %(object)s were saved."),
    ),
    "minutes.approved": (
        _("%(actor)s approved the minutes of %(object)s."),
        _("The minutes of %(object)s were approved."),
    ),
    "decision.recorded": (
        _("%(actor)s recorded a decision: %(object)s"),
        _("A decision was recorded: %(object)s"),
    ),
    "decision.objection": (
        _("%(actor)s noted an objection to a decision."),
        _("An objection to a decision was noted."),
    ),
    "action.added": (
        _("%(actor)s added the action item %(object)s."),
        _("The action item %(object)s was added."),
    ),
    "action.updated": (
        _("%(actor)s updated the action item %(object)s."),
        _("The action item %(object)s was updated."),
    ),
    "input.submitted": (
        _("%(actor)s sent a written input to %(object)s."),
        _("A written input was sent to %(object)s."),
    ),
    "input.moderated": (
        _("%(actor)s moderated a written input to %(object)s."),
        _("A written input to %(object)s was moderated."),
    ),
    "transcript.attached": (
        _("%(actor)s published a transcript of %(object)s."),
        _("A transcript of %(object)s was published."),
    ),
    "calendar.reset": (
        _("%(actor)s made a new personal calendar address."),
        _("A personal calendar address was renewed."),
    ),
}
