"""Vocabularies of the meetings app: statuses, attendance, consensus levels, action items."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", pgettext_lazy("meeting status", "Scheduled")
    CANCELLED = "cancelled", pgettext_lazy("meeting status", "Cancelled")


class AgendaStatus(models.TextChoices):
    """A draft agenda is circulated to members, then approved by the chair before the meeting."""

    DRAFT = "draft", pgettext_lazy("agenda status", "Draft")
    CIRCULATED = "circulated", pgettext_lazy("agenda status", "Circulated to members")
    APPROVED = "approved", pgettext_lazy("agenda status", "Approved")


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("minutes status", "Draft")
    APPROVED = "approved", pgettext_lazy("minutes status", "Approved")


class AttendanceStatus(models.TextChoices):
    PRESENT_ONSITE = "present_onsite", _("Present on site")
    PRESENT_ONLINE = "present_online", _("Present online")
    APOLOGIES = "apologies", _("Apologies")
    ABSENT = "absent", pgettext_lazy("attendance", "Absent")


PRESENT = frozenset({AttendanceStatus.PRESENT_ONSITE, AttendanceStatus.PRESENT_ONLINE})


class ConsensusLevel(models.TextChoices):
    """How far a body agreed, as the IETF (RFC 7282) and the IGF's MAG record it."""

    CONSENSUS = "consensus", _("Consensus")
    ROUGH_CONSENSUS = "rough_consensus", _("Rough consensus")
    NO_CONSENSUS = "no_consensus", _("No consensus")
    DEFERRED = "deferred", pgettext_lazy("decision", "Deferred")


class ActionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("action item status", "Open")
    IN_PROGRESS = "in_progress", pgettext_lazy("action item status", "In progress")
    DONE = "done", pgettext_lazy("action item status", "Done")
    DROPPED = "dropped", pgettext_lazy("action item status", "Dropped")


# Action items still to be done: they come back on every agenda until they leave this set.
OPEN_ACTION_STATUSES = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS})


class TranscriptFormat(models.TextChoices):
    WEBVTT = "webvtt", "WebVTT"
    SRT = "srt", "SubRip (SRT)"
    TEXT = "text", _("Plain text")
