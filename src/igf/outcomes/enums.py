"""Vocabularies of the meeting's outcomes."""

from django.db import models
from django.utils.translation import pgettext_lazy


class ReportState(models.TextChoices):
    """Whether a session report part came in on time, late, or not yet."""

    NOT_DUE = "not_due", pgettext_lazy("report", "Not due yet")
    DUE = "due", pgettext_lazy("report", "Due")
    ON_TIME = "on_time", pgettext_lazy("report", "On time")
    LATE = "late", pgettext_lazy("report", "Submitted late")
    MISSING = "missing", pgettext_lazy("report", "Missing")
