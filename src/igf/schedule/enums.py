"""Vocabularies of the schedule."""

from django.db import models
from django.utils.translation import pgettext_lazy


class SolverStatus(models.TextChoices):
    """Where a run of the schedule solver stands."""

    QUEUED = "queued", pgettext_lazy("solver run", "Queued")
    RUNNING = "running", pgettext_lazy("solver run", "Running")
    DONE = "done", pgettext_lazy("solver run", "Done")
    FAILED = "failed", pgettext_lazy("solver run", "Failed")


class SolveMode(models.TextChoices):
    """How much a solver run may change once a release is public."""

    MINIMAL = "minimal", pgettext_lazy("solver mode", "Minimal change: keep published places")
    FULL = "full", pgettext_lazy("solver mode", "Full re-plan: any unpinned session may move")
