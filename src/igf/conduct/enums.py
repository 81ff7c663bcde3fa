"""Vocabularies of the code of conduct."""

from django.db import models
from django.utils.translation import pgettext_lazy


class ReportKind(models.TextChoices):
    """What a report is about: a piece of content (or a profile), or conduct in a meeting."""

    CONTENT = "content", pgettext_lazy("conduct report", "Content")
    MEETING = "meeting", pgettext_lazy("conduct report", "Conduct in a meeting")


class ReportStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("conduct report", "Open")
    HANDLED = "handled", pgettext_lazy("conduct report", "Handled")


class Outcome(models.TextChoices):
    """What a conduct officer did about a report."""

    NO_ACTION = "no_action", pgettext_lazy("conduct outcome", "No action")
    WARNING = "warning", pgettext_lazy("conduct outcome", "A warning")
    HIDDEN = "hidden", pgettext_lazy("conduct outcome", "Content hidden")
    SUSPENDED = "suspended", pgettext_lazy("conduct outcome", "Participation suspended")
