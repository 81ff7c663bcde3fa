"""Reference data and the activity log, shared by every app of the forum."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from igf.core.countries import country_name
from igf.core.enums import CountryStatus, RegionGroup


class Country(models.Model):
    """A UN member or observer state, or a territory, with the classifications the UN uses.

    Rows come from `core/data/countries.csv` and are synchronised after every migration
    (`igf.core.services.sync_countries`); nobody edits them by hand.
    """

    iso2 = models.CharField(_("ISO 3166 code"), max_length=2, primary_key=True)
    iso3 = models.CharField(_("ISO 3166 alpha-3 code"), max_length=3, unique=True)
    # Empty where M49 has no separate code (Taiwan is counted within China; Kosovo is not listed).
    m49 = models.CharField(_("UN M49 code"), max_length=3, blank=True)
    name_en = models.CharField(_("name in English"), max_length=100)
    status = models.CharField(_("status"), max_length=10, choices=CountryStatus.choices)
    region_group = models.CharField(
        _("UN regional group"), max_length=30, choices=RegionGroup.choices, blank=True
    )
    # The group whose statistics count a territory (Hong Kong under China's); balance uses it.
    statistical_region = models.CharField(
        _("regional group for statistics"), max_length=30, choices=RegionGroup.choices, blank=True
    )
    ldc = models.BooleanField(_("least developed country"), default=False)
    lldc = models.BooleanField(_("landlocked developing country"), default=False)
    sids = models.BooleanField(_("small island developing state"), default=False)
    eit = models.BooleanField(_("economy in transition"), default=False)
    developing = models.BooleanField(_("developing economy"), default=False)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering: ClassVar[list[str]] = ["name_en"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The country's name in the language of the current request (CLDR)."""
        return country_name(self.iso2, get_language() or settings.LANGUAGE_CODE)


class ActivityEntry(models.Model):
    """One line of the forum's activity log: who did what, to which object, and when.

    Written only by services through `igf.core.activity.record_activity`, never edited.
    Public entries appear on public pages; the rest only to the secretariat.
    """

    when = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verb = models.CharField(_("action"), max_length=60)
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    # A snapshot of the target's name, so the log reads well after the target is gone.
    target_label = models.CharField(_("object"), max_length=300, blank=True)
    public = models.BooleanField(_("public"), default=False)
    data: models.JSONField[Any, Any] = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("activity entry")
        verbose_name_plural = _("activity log")
        ordering: ClassVar[list[str]] = ["-when", "-pk"]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["target_type", "target_id"]),
            models.Index(fields=["public", "-when"]),
        ]

    def __str__(self) -> str:
        return f"{self.when:%Y-%m-%d %H:%M} {self.verb} {self.target_label}"


class Forum(models.Model):
    """The forum this installation serves (one row): its name and what it is, per language.

    The secretariat edits it in the admin; the home page shows it.
    """

    default_language = models.CharField(
        _("default language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forum")

    def __str__(self) -> str:
        return self.text().name

    def text(self, language: str | None = None) -> ForumText:
        """The texts in `language`, falling back to the forum's default language."""
        language = language or get_language() or self.default_language
        texts = {t.language: t for t in self.texts.all()}
        return (
            texts.get(language)
            or texts.get(self.default_language)
            or next(iter(texts.values()), None)
            or ForumText(language=language, name=settings.IGF_SITE_NAME)
        )


class ForumText(models.Model):
    """The forum's name and description in one language."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    name = models.CharField(_("name"), max_length=200)
    tagline = models.CharField(_("tagline"), max_length=300, blank=True)
    description = models.TextField(_("description (Markdown)"), blank=True)

    class Meta:
        verbose_name = _("forum text")
        verbose_name_plural = _("forum texts")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["forum", "language"], name="forum_text_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"
