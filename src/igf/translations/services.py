"""Writing translations of the forum's texts, and assigning translators."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from igf.core.activity import record_activity
from igf.core.enums import TranslationStatus
from igf.core.errors import Invalid
from igf.translations.models import ContentTranslation, Translator
from igf.translations.registry import (
    column,
    digest,
    get_translatable,
    original_language,
    translation_languages,
)
from igf.translations.rules import TRANSLATORS_GROUP

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser


class TranslationError(Invalid):
    """A translation or a translator the desk cannot take."""


@dataclass(frozen=True)
class TextChange:
    """What a translator sent for one text: the translation, its status, and whether they
    checked that an unchanged translation still says what a changed original says."""

    field: str
    text: str
    status: str
    confirmed: bool = False


def _check_language(language: str) -> None:
    if language not in dict(translation_languages()):
        raise TranslationError(
            _("Texts are translated into the forum's other languages, not the original's."),
            field="language",
        )


@transaction.atomic
def save_translation(
    *, by: AbstractUser | None, obj: models.Model, language: str, changes: Sequence[TextChange]
) -> list[str]:
    """Save translations of some of an object's texts into one language, each with its status,
    and return the fields that changed.

    An empty text removes the translation (readers then see the original). A text, status or
    confirmation records the digest of the original it now matches. Side effects: the object
    is saved (its post_save signal lets cached pages be forgotten); one activity entry when
    anything changed.
    """
    _check_language(language)
    translatable = get_translatable(obj._meta.label_lower)
    allowed = {value for value, _label in TranslationStatus.of_translations()}
    content_type = ContentType.objects.get_for_model(obj)
    records = {
        record.field: record
        for record in ContentTranslation.objects.select_for_update().filter(
            content_type=content_type, object_id=str(obj.pk), language=language
        )
    }
    columns: list[str] = []
    changed: list[str] = []
    for change in changes:
        if change.field not in translatable.fields:
            raise TranslationError(_("This text is not translated."), field=change.field)
        if change.status not in allowed:
            raise TranslationError(_("Choose the status of the translation."), field=change.field)
        name = column(change.field, language)
        text = change.text.strip()
        current = getattr(obj, name) or ""
        record = records.get(change.field)
        if not text:
            if current:
                setattr(obj, name, None)
                columns.append(name)
                changed.append(change.field)
            if record is not None:
                record.delete()
            continue
        source = digest(getattr(obj, column(change.field, original_language())) or "")
        if text != current:
            setattr(obj, name, text)
            columns.append(name)
        else:
            up_to_date = record is not None and record.source_digest == source
            if up_to_date and record is not None and record.status == change.status:
                continue
            if not up_to_date and not change.confirmed:
                # Unchanged, and nobody said it still fits the changed original.
                continue
        ContentTranslation.objects.update_or_create(
            content_type=content_type,
            object_id=str(obj.pk),
            field=change.field,
            language=language,
            defaults={
                "status": change.status,
                "source_digest": source,
                "translated_by": by,
                "updated": timezone.now(),
            },
        )
        changed.append(change.field)
    if columns:
        obj.save(update_fields=columns)
    if changed:
        record_activity(
            by=by,
            verb="translation.saved",
            target=obj,
            data={"language": language, "fields": changed},
        )
    return changed


@transaction.atomic
def assign_translator(*, by: AbstractUser, user: AbstractUser, language: str) -> Translator:
    """Let a person translate into one language. Side effects: the person joins the
    translators' group; one activity entry."""
    _check_language(language)
    # The account model lives in people, above this app: typed here as Django's user.
    account, assigner = cast(Any, user), cast(Any, by)
    if Translator.objects.filter(user=account, language=language).exists():
        raise TranslationError(
            _("This person already translates into this language."), field="email"
        )
    translator = Translator.objects.create(user=account, language=language, assigned_by=assigner)
    user.groups.add(Group.objects.get_or_create(name=TRANSLATORS_GROUP)[0])
    record_activity(
        by=by,
        verb="translation.translator_assigned",
        target=translator,
        data={"language": language},
    )
    return translator


@transaction.atomic
def remove_translator(*, by: AbstractUser, translator: Translator) -> None:
    """End a person's role as translator into one language. Side effects: one activity entry;
    the person leaves the translators' group with their last role."""
    record_activity(
        by=by,
        verb="translation.translator_removed",
        target=translator,
        data={"language": translator.language},
    )
    translator.delete()
    if not Translator.objects.filter(user_id=translator.user_id).exists():
        group = Group.objects.filter(name=TRANSLATORS_GROUP).first()
        if group is not None:
            translator.user.groups.remove(group)
