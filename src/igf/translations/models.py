"""Where each translation of the forum's texts stands, and who may translate."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from igf.core.enums import TranslationStatus


class ContentTranslation(models.Model):
    """The status of one text (a field of an object) in one language.

    The text itself is in the object's own column for that language (django-modeltranslation);
    this row says how far it can be trusted, who wrote it and when, and a digest of the
    original it was translated from, so a changed original shows the translation as out of
    date. Written by `translations.services.save_translation` only.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    field = models.CharField(_("field"), max_length=60)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status of the translation"),
        max_length=12,
        choices=TranslationStatus.choices,
        default=TranslationStatus.DRAFT,
    )
    source_digest = models.CharField(_("digest of the original"), max_length=64)
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated = models.DateTimeField(_("last saved"), default=timezone.now)

    objects: ClassVar[models.Manager[ContentTranslation]] = models.Manager()
    content_type_id: int

    class Meta:
        verbose_name = _("content translation")
        verbose_name_plural = _("content translations")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="translations_one_status_per_text",
            )
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["language"])]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}.{self.field} ({self.language})"


class Translator(models.Model):
    """A person who translates the forum's texts into one language, assigned by the secretariat.

    The role lets them use the translation desk for that language and nothing else.
    Changed through `translations.services.assign_translator` / `remove_translator`.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="translator_roles"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    assigned = models.DateTimeField(_("assigned"), default=timezone.now)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects: ClassVar[models.Manager[Translator]] = models.Manager()
    user_id: int

    class Meta:
        verbose_name = _("translator")
        verbose_name_plural = _("translators")
        ordering: ClassVar[list[str]] = ["language", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["user", "language"], name="translators_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.language})"
