"""Language versions of a version, aligned paragraph by paragraph with the original."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from igf.consultations import blocks as blockmod
from igf.consultations.enums import TranslationStatus
from igf.consultations.models import Paragraph, TranslatedParagraph, Translation, Version
from igf.consultations.queries import previous_published
from igf.consultations.services.common import ConsultationError, VersionConflictError, check_text
from igf.core.activity import record_activity
from igf.people.models import User


@transaction.atomic
def create_translation(
    *, by: User, version: Version, language: str, status: str, text: str = ""
) -> Translation:
    """Add a language version aligned paragraph by paragraph with the original.

    With `text`, its blocks are aligned in order and must be as many as the original's.
    Without, paragraphs unchanged since the previous version keep their earlier translation.
    Side effects: one activity entry (public if the version is).
    """
    if language == version.document.language:
        raise ConsultationError(_("This is the language of the original."), field="language")
    if status not in TranslationStatus.values or status == TranslationStatus.ORIGINAL:
        raise ConsultationError(_("Choose the status of the translation."), field="status")
    if version.translations.filter(language=language).exists():
        raise ConsultationError(_("This language already has a translation."), field="language")
    paragraphs = list(version.paragraphs.order_by("position"))
    texts: list[str]
    if text.strip():
        translated = blockmod.split_blocks(check_text(text))
        if len(translated) != len(paragraphs):
            raise ConsultationError(
                _(
                    "The translation has %(found)s paragraphs and the original %(expected)s. "
                    "Separate paragraphs with a blank line, exactly as in the original."
                )
                % {"found": len(translated), "expected": len(paragraphs)},
                field="text",
            )
        texts = [block.text for block in translated]
    else:
        texts = _carried_over(version, language, paragraphs)
    translation_row = Translation.objects.create(
        version=version, language=language, status=status, updated_by=by
    )
    TranslatedParagraph.objects.bulk_create(
        TranslatedParagraph(translation=translation_row, paragraph=p, text=t)
        for p, t in zip(paragraphs, texts, strict=True)
    )
    record_activity(
        by=by,
        verb="consultations.translation_added",
        target=version,
        public=version.is_published,
        data={"language": language},
    )
    return translation_row


def _carried_over(version: Version, language: str, paragraphs: Sequence[Paragraph]) -> list[str]:
    previous = previous_published(version)
    if previous is None:
        return [""] * len(paragraphs)
    earlier = {
        tp.paragraph.key: (tp.paragraph.text, tp.text)
        for tp in TranslatedParagraph.objects.filter(
            translation__version=previous, translation__language=language
        ).select_related("paragraph")
    }
    result = []
    for paragraph in paragraphs:
        original, translated = earlier.get(paragraph.key, ("", ""))
        result.append(translated if original == paragraph.text else "")
    return result


@transaction.atomic
def save_translation(
    *,
    by: User,
    translation_row: Translation,
    texts: Mapping[int, str],
    status: str,
    expected_revision: int,
) -> Translation:
    """Save the translated paragraphs (by original paragraph id) and the status.

    Side effects: revision grows (concurrent edits are refused); one activity entry.
    """
    locked = Translation.objects.select_for_update().get(pk=translation_row.pk)
    if locked.revision != expected_revision:
        raise VersionConflictError(locked)
    if status not in TranslationStatus.values or status == TranslationStatus.ORIGINAL:
        raise ConsultationError(_("Choose the status of the translation."), field="status")
    rows = list(locked.paragraphs.all())
    for row in rows:
        if row.paragraph_id in texts:
            row.text = blockmod.clean_text(texts[row.paragraph_id]).strip()
    TranslatedParagraph.objects.bulk_update(rows, ["text"])
    locked.status = status
    locked.revision += 1
    locked.updated = timezone.now()
    locked.updated_by = by
    locked.save(update_fields=["status", "revision", "updated", "updated_by"])
    record_activity(
        by=by,
        verb="consultations.translation_saved",
        target=locked.version,
        data={"language": locked.language},
    )
    return locked
