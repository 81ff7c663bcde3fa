"""The annual meeting's outcomes: the report of each session and the transcripts of its
recording."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from igf.meetings.models import CueFields, TranscriptFields
from igf.programme.models import Session


class SessionReport(models.Model):
    """The report of a session, on the meeting's template: the short report (key takeaways,
    calls to action) is due within 24 hours, the full report (summary, participation, links)
    within two weeks. Written by the organisers and rapporteurs through
    `outcomes.services`; public once submitted."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="report")
    key_takeaways = models.TextField(_("key takeaways (Markdown)"), blank=True)
    calls_to_action = models.TextField(_("calls to action (Markdown)"), blank=True)
    short_submitted = models.DateTimeField(_("short report submitted"), null=True, blank=True)
    summary = models.TextField(_("summary of the discussion (Markdown)"), blank=True)
    onsite_participants = models.PositiveIntegerField(_("participants onsite"), default=0)
    online_participants = models.PositiveIntegerField(_("participants online"), default=0)
    # Counts per mode (onsite, online), then per dimension (gender, stakeholder group).
    participation: models.JSONField[dict[str, Any], dict[str, Any]] = models.JSONField(
        default=dict, blank=True
    )
    links = models.TextField(_("links (one address per line)"), blank=True)
    full_submitted = models.DateTimeField(_("full report submitted"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated"])

    class Meta:
        verbose_name = _("session report")
        verbose_name_plural = _("session reports")

    def __str__(self) -> str:
        return str(self.session)

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class SessionTranscript(TranscriptFields):
    """The transcript of a session's recording in one language, as timed cues."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="transcripts")

    class Meta:
        verbose_name = _("session transcript")
        verbose_name_plural = _("session transcripts")
        ordering: ClassVar[list[str]] = ["session", "language"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["session", "language"], name="one_session_transcript_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session} ({self.language})"

    def get_absolute_url(self) -> str:
        return reverse("outcomes:transcript", kwargs={"pk": self.pk})


class SessionCue(CueFields):
    """One timed piece of a session transcript."""

    transcript = models.ForeignKey(SessionTranscript, on_delete=models.CASCADE, related_name="cues")

    class Meta(CueFields.Meta):
        pass
