"""Meetings of the forum's bodies and its open consultations: agendas, attendance, minutes,
decisions with their consensus level, action items, written inputs, transcripts."""

from __future__ import annotations

import secrets
import uuid
from datetime import date, datetime
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from igf.bodies.models import Body
from igf.meetings.enums import (
    OPEN_ACTION_STATUSES,
    ActionStatus,
    AgendaStatus,
    AttendanceStatus,
    ConsensusLevel,
    MeetingStatus,
    MinutesStatus,
    TranscriptFormat,
)
from igf.people.models import Person


class Meeting(models.Model):
    """A meeting of a body, or an open consultation of the whole forum (no body).

    Mostly online. Changed through `meetings.services` (schedule_meeting, update_meeting,
    cancel_meeting); moving it raises `sequence`, so calendar apps update their copy.
    """

    body = models.ForeignKey(
        Body,
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description (Markdown)"), blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    timezone = models.CharField(_("organiser's time zone"), max_length=64, default="UTC")
    online_url = models.URLField(_("online meeting link"), max_length=500, blank=True)
    dial_in = models.TextField(_("dial-in numbers and codes"), blank=True)
    venue = models.CharField(_("venue (if meeting in person)"), max_length=300, blank=True)
    interpretation_languages: models.JSONField[list[str], list[str]] = models.JSONField(
        _("interpretation into"), default=list, blank=True
    )
    captioning_languages: models.JSONField[list[str], list[str]] = models.JSONField(
        _("live captions in"), default=list, blank=True
    )
    open_to_observers = models.BooleanField(_("open to observers"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    # iCalendar: the UID never changes; SEQUENCE rises each time the event moves or is cancelled.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    agenda_status = models.CharField(
        _("agenda"), max_length=12, choices=AgendaStatus.choices, default=AgendaStatus.DRAFT
    )
    agenda_circulated_at = models.DateTimeField(_("agenda circulated"), null=True, blank=True)
    agenda_approved_at = models.DateTimeField(_("agenda approved"), null=True, blank=True)
    agenda_approved_by = models.ForeignKey(
        Person,
        verbose_name=_("agenda approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recording_url = models.URLField(_("recording"), max_length=500, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["created", "updated", "reminder_sent_at"])

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering: ClassVar[list[str]] = ["start", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="meeting_ends_after_it_starts"
            )
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["body", "start"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting", kwargs={"pk": self.pk})

    @property
    def is_consultation(self) -> bool:
        """An open consultation of the whole forum: anyone may register."""
        return self.body_id is None

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def is_agenda_approved(self) -> bool:
        return self.agenda_status == AgendaStatus.APPROVED

    def has_started(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.start

    def has_ended(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.end

    @property
    def duration_minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


class AgendaItem(models.Model):
    """One item of a meeting's agenda, in order; the rapporteur's minutes of it sit beside it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    presenter = models.CharField(_("presenter"), max_length=150, blank=True)
    minutes_allotted = models.PositiveSmallIntegerField(
        _("time allotted (minutes)"), null=True, blank=True
    )
    documents = models.TextField(
        _("linked documents (Markdown)"),
        blank=True,
        help_text=_("One link per line, e.g. [Draft output](https://example.org/draft)."),
    )
    minutes = models.TextField(_("minutes of this item (Markdown)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering: ClassVar[list[str]] = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class Minutes(models.Model):
    """The record of a meeting: drafted by the rapporteur, approved by the chair or a meeting.

    Changed through `meetings.services` (save_minutes, approve_minutes); history is kept.
    """

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    summary = models.TextField(_("summary (Markdown)"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    drafted_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        Person,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at_meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("approved at the meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated"])

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return str(self.meeting)

    @property
    def is_approved(self) -> bool:
        return self.status == MinutesStatus.APPROVED


class Attendance(models.Model):
    """Whether one person attended one meeting; apologies may be sent in advance."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(_("attendance"), max_length=20, choices=AttendanceStatus.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["recorded_at"])

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering: ClassVar[list[str]] = ["meeting", "person__display_name", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_status_display()}"


class ObserverRegistration(models.Model):
    """A person registered to follow a meeting (an observer, or anyone at a consultation)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    listed = models.BooleanField(_("show my name on the public list of observers"), default=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("observer registration")
        verbose_name_plural = _("observer registrations")
        ordering: ClassVar[list[str]] = ["meeting", "created", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="one_registration_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.meeting}"


class Decision(models.Model):
    """What a meeting decided on an agenda item, and how far it agreed.

    Recorded through `meetings.services.record_decision`; history is kept.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
    )
    text = models.TextField(_("decision (Markdown)"))
    consensus = models.CharField(
        _("consensus level"), max_length=20, choices=ConsensusLevel.choices
    )
    range_of_views = models.TextField(
        _("range of views (Markdown)"),
        blank=True,
        help_text=_("Required when there is no consensus: the positions that were held."),
    )
    by_correspondence = models.BooleanField(
        _("decided by correspondence"),
        default=False,
        help_text=_("Decided by e-mail or in writing between meetings, not in the meeting."),
    )
    decided_on = models.DateField(
        _("decided on"),
        null=True,
        blank=True,
        help_text=_("The day a decision by correspondence was reached."),
    )
    determined_by = models.ForeignKey(
        Person,
        verbose_name=_("consensus determined by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["recorded_at"])

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering: ClassVar[list[str]] = ["-meeting__start", "pk"]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse("meetings:decision", kwargs={"pk": self.pk})

    @property
    def headline(self) -> str:
        """The decision's first line as plain words (Markdown marks dropped), for headings."""
        for line in self.text.strip().splitlines():
            words = line.strip().lstrip("#>*-+ ").replace("**", "").replace("__", "").strip()
            if words:
                return words if len(words) <= 120 else words[:119].rstrip() + "…"
        return ""


class Objection(models.Model):
    """An objection or minority view on a decision; named only if the objector chooses."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="objections")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("objection or minority view"))
    named = models.BooleanField(_("show my name with this objection"), default=False)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created"])

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering: ClassVar[list[str]] = ["decision", "created", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class ActionItemQuerySet(models.QuerySet["ActionItem"]):
    def still_open(self) -> ActionItemQuerySet:
        return self.filter(status__in=OPEN_ACTION_STATUSES)

    def overdue(self, today: date | None = None) -> ActionItemQuerySet:
        return self.still_open().filter(due__lt=today or timezone.localdate())


class ActionItem(models.Model):
    """Something a person undertook to do at a meeting; it returns on every agenda until done.

    Changed through `meetings.services` (add_action_item, update_action_item).
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="action_items")
    # Denormalised from the meeting: a body's open actions are read on every agenda.
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.PROTECT, related_name="action_items"
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
    )
    title = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        Person,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
    )
    due = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    note = models.TextField(_("progress note"), blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created", "reminded_on"])

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering: ClassVar[list[str]] = ["due", "pk"]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["body", "status", "due"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ACTION_STATUSES

    def is_overdue(self, today: date | None = None) -> bool:
        return self.is_open and self.due is not None and self.due < (today or timezone.localdate())


class WrittenInput(models.Model):
    """A written contribution to an open consultation, sent before it and published with it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="inputs")
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    on_behalf_of = models.CharField(_("on behalf of (optional)"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text (Markdown)"))
    hidden = models.BooleanField(_("hidden by the secretariat"), default=False)
    submitted = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["submitted"])

    class Meta:
        verbose_name = _("written input")
        verbose_name_plural = _("written inputs")
        ordering: ClassVar[list[str]] = ["meeting", "submitted", "pk"]

    def __str__(self) -> str:
        return self.title


class TranscriptFields(models.Model):
    """What every transcript keeps (a meeting's here, a session's in the programme)."""

    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    source_format = models.CharField(_("format"), max_length=10)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class CueFields(models.Model):
    """One timed piece of a transcript (a WebVTT or SRT cue, or a pasted paragraph)."""

    position = models.PositiveIntegerField()
    start_ms = models.PositiveIntegerField(null=True, blank=True)
    end_ms = models.PositiveIntegerField(null=True, blank=True)
    speaker = models.CharField(max_length=150, blank=True)
    text = models.TextField()

    class Meta:
        abstract = True
        verbose_name = _("transcript cue")
        verbose_name_plural = _("transcript cues")
        ordering: ClassVar[list[str]] = ["transcript", "position"]

    def __str__(self) -> str:
        return self.text[:80]


class Transcript(TranscriptFields):
    """The transcript of a meeting's recording, kept as timestamped cues."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="transcripts")
    source_format = models.CharField(_("format"), max_length=10, choices=TranscriptFormat.choices)

    class Meta:
        verbose_name = _("transcript")
        verbose_name_plural = _("transcripts")
        ordering: ClassVar[list[str]] = ["meeting", "language"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["meeting", "language"], name="one_transcript_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting} ({self.language})"

    def get_absolute_url(self) -> str:
        return reverse("meetings:transcript", kwargs={"pk": self.pk})


class Cue(CueFields):
    """One timed piece of a meeting's transcript."""

    transcript = models.ForeignKey(Transcript, on_delete=models.CASCADE, related_name="cues")

    class Meta(CueFields.Meta):
        pass


def _token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A person's secret calendar address; resetting it makes the old address stop working."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=_token)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("personal calendar feed")
        verbose_name_plural = _("personal calendar feeds")

    def __str__(self) -> str:
        return str(self.person)
