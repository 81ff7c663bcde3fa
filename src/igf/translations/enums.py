"""Vocabularies of content translation: how much a text matters, where a translation stands."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Importance(models.IntegerChoices):
    """Which texts a translator does first: what most readers see comes first."""

    MAIN_PUBLIC = 1, _("Main public pages")
    PUBLIC = 2, _("Other public pages")
    WORKING = 3, _("Working texts")


class State(models.TextChoices):
    """Where the translation of one text stands against its original."""

    MISSING = "missing", pgettext_lazy("translation state", "Missing")
    OUT_OF_DATE = "out_of_date", pgettext_lazy("translation state", "Out of date")
    CURRENT = "current", pgettext_lazy("translation state", "Up to date")
