"""The forum's code of conduct, who accepted which version, reports of concerns and what the
conduct officers did about them."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from igf.conduct.enums import Outcome, ReportKind, ReportStatus
from igf.people.models import Person


class Code(models.Model):
    """One version of the code of conduct, published by the secretariat through
    `services.publish_code`. The newest published version is the one people must accept."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    published = models.DateTimeField(_("published"))
    changes = models.TextField(_("what changed"), blank=True)

    class Meta:
        verbose_name = _("code of conduct")
        verbose_name_plural = _("codes of conduct")
        ordering: ClassVar[list[str]] = ["-version"]

    def __str__(self) -> str:
        return str(_("Code of conduct, version %(version)s") % {"version": self.version})

    def get_absolute_url(self) -> str:
        return reverse("conduct:version", kwargs={"version": self.version})


class CodeText(models.Model):
    """The text of one version of the code in one of the forum's languages (Markdown)."""

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"))

    class Meta:
        verbose_name = _("text of the code")
        verbose_name_plural = _("texts of the code")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["code", "language"], name="one_code_text_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.language})"


class Acceptance(models.Model):
    """A person accepted a version of the code (at sign-up, or before contributing after it
    changed), through `services.accept_code`."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    code = models.ForeignKey(Code, on_delete=models.PROTECT, related_name="acceptances")
    accepted = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("acceptance of the code")
        verbose_name_plural = _("acceptances of the code")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["person", "code"], name="one_acceptance_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.code}"


class Report(models.Model):
    """A concern a participant reported, confidential to the conduct officers: about a piece
    of content or a profile (`subject`), or about conduct in a meeting. Made through
    `services.report_concern`, handled through `services.handle_report`."""

    kind = models.CharField(max_length=10, choices=ReportKind.choices)
    reporter = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    # What the subject was when reported (a hidden or deleted comment still reads the same).
    subject_label = models.CharField(_("about"), max_length=300, blank=True)
    reported_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    meeting = models.CharField(_("which meeting"), max_length=300, blank=True)
    occurred = models.DateTimeField(_("when it happened"), null=True, blank=True)
    description = models.TextField(_("what happened"))
    created = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )

    class Meta:
        verbose_name = _("report of a concern")
        verbose_name_plural = _("reports of concerns")
        ordering: ClassVar[list[str]] = ["-created"]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["subject_type", "subject_id"], name="conduct_report_subject")
        ]

    def __str__(self) -> str:
        return str(_("Report %(number)s") % {"number": self.pk})

    def get_absolute_url(self) -> str:
        return reverse("conduct:report", kwargs={"pk": self.pk})


class Action(models.Model):
    """What a conduct officer did about a report, with the reasons: no action, a warning, the
    content hidden, or the reported person's participation suspended until a date. Recorded
    through `services.handle_report`; hiding and suspending take effect at once."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="actions")
    outcome = models.CharField(_("what was done"), max_length=12, choices=Outcome.choices)
    reasons = models.TextField(_("reasons"))
    suspended_until = models.DateField(_("suspended until"), null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("action on a report")
        verbose_name_plural = _("actions on reports")
        ordering: ClassVar[list[str]] = ["created"]

    def __str__(self) -> str:
        return f"{self.report_id} {self.outcome}"
