"""Vocabularies of the schedule."""

from django.db import models
from django.utils.translation import pgettext_lazy


class SolverStatus(models.TextChoices):
    """Where a run of the schedule solver stands."""

    QUEUED = "queued", pgettext_lazy("solver run", "Queued")
    RUNNING = "running", pgettext_lazy("solver run", "Running")
    DONE = "done", pgettext_lazy("solver run", "Done")
    FAILED = "failed", pgettext_lazy("solver run", "Failed")
