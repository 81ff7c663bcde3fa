"""Reading where translations stand: the desk's lists, one object's texts, a reader's label."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404

from igf.core.accounts import Account
from igf.core.rules import is_secretariat
from igf.translations.enums import State
from igf.translations.models import ContentTranslation, Translator
from igf.translations.registry import (
    Translatable,
    column,
    digest,
    get_translatable,
    original_language,
    translatables,
    translation_languages,
)

# Items listed per kind of text on the desk; the counts are always complete.
LISTED = 60


def get_language(language: str) -> str:
    """A language texts are translated into, or 404."""
    if language not in dict(translation_languages()):
        raise Http404(language)
    return language


def get_translator(pk: int) -> Translator:
    translator: Translator = get_object_or_404(Translator.objects.select_related("user"), pk=pk)
    return translator


def languages_for(user: Account) -> list[tuple[str, str]]:
    """The languages a person may translate into (every one for the secretariat)."""
    if is_secretariat(user):
        return translation_languages()
    mine = set(
        Translator.objects.filter(user_id=int(getattr(user, "pk", 0) or 0)).values_list(
            "language", flat=True
        )
    )
    return [(code, name) for code, name in translation_languages() if code in mine]


def translators() -> list[Translator]:
    return list(Translator.objects.select_related("user").order_by("language", "user__email"))


def state_of(original: str, translation: str, record: ContentTranslation | None) -> State:
    if not translation:
        return State.MISSING
    if record is None or record.source_digest != digest(original):
        return State.OUT_OF_DATE
    return State.CURRENT


@dataclass(frozen=True)
class Item:
    """One object with texts to translate or to check."""

    pk: Any
    label: str
    missing: int
    out_of_date: int


@dataclass(frozen=True)
class Group:
    """One kind of text (a model) on the desk, for one language."""

    translatable: Translatable
    total: int
    missing: int
    out_of_date: int
    items: tuple[Item, ...]
    pending: int

    @property
    def more(self) -> int:
        """Objects with work left that the list leaves out."""
        return self.pending - len(self.items)


def _records(language: str) -> dict[tuple[int, str, str], ContentTranslation]:
    return {
        (record.content_type_id, record.object_id, record.field): record
        for record in ContentTranslation.objects.filter(language=language)
    }


def desk(language: str) -> list[Group]:
    """Every kind of translated text with what is missing or out of date in `language`, most
    important first. Two queries per kind of text, plus one for the statuses."""
    records = _records(language)
    groups = []
    for translatable in translatables():
        content_type = ContentType.objects.get_for_model(translatable.model)
        columns = [column(f, original_language()) for f in translatable.fields]
        columns += [column(f, language) for f in translatable.fields]
        rows = translatable.model._default_manager.filter(**translatable.offered).order_by("pk")
        total = missing = out_of_date = pending = 0
        items: list[Item] = []
        for row in rows.values("pk", *columns):
            row_missing = row_out = 0
            label = ""
            for field in translatable.fields:
                original = row[column(field, original_language())] or ""
                if not original.strip():
                    continue
                label = label or original
                total += 1
                record = records.get((content_type.pk, str(row["pk"]), field))
                state = state_of(original, row[column(field, language)] or "", record)
                row_missing += state == State.MISSING
                row_out += state == State.OUT_OF_DATE
            missing += row_missing
            out_of_date += row_out
            if row_missing or row_out:
                pending += 1
                if len(items) < LISTED:
                    items.append(Item(row["pk"], _shorten(label), row_missing, row_out))
        groups.append(Group(translatable, total, missing, out_of_date, tuple(items), pending))
    return groups


def _shorten(text: str, length: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


@dataclass(frozen=True)
class Text:
    """One text of an object, side by side with its translation."""

    field: str
    label: str
    long: bool
    original: str
    translation: str
    state: State
    status: str
    updated: datetime | None


def get_object(label: str, pk: str) -> tuple[Translatable, models.Model]:
    """A translated object by its model's label and its key, or 404."""
    translatable = get_translatable(label)
    try:
        obj = translatable.model._default_manager.filter(**translatable.offered).get(pk=pk)
    except (ObjectDoesNotExist, ValueError) as missing:
        raise Http404(label) from missing
    return translatable, obj


def texts_of(translatable: Translatable, obj: models.Model, language: str) -> list[Text]:
    """The object's texts in the original and in `language`, with where each stands."""
    records = {
        record.field: record
        for record in ContentTranslation.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            language=language,
        )
    }
    texts = []
    for field in translatable.fields:
        original = getattr(obj, column(field, original_language())) or ""
        translation = getattr(obj, column(field, language)) or ""
        record = records.get(field)
        texts.append(
            Text(
                field=field,
                label=translatable.verbose_name_of(field),
                long=translatable.is_long(field),
                original=original,
                translation=translation,
                state=state_of(original, translation, record),
                status=record.status if record else "",
                updated=record.updated if record else None,
            )
        )
    return texts


@dataclass(frozen=True)
class Reading:
    """What a reader is shown about one translated text."""

    status: str
    out_of_date: bool


def reading_of(obj: models.Model, field: str, language: str) -> Reading | None:
    """The status of the text a reader sees in `language`; None when they see the original."""
    if language == original_language():
        return None
    translation = getattr(obj, column(field, language), None) or ""
    if not translation:
        return None
    record = ContentTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        field=field,
        language=language,
    ).first()
    original = getattr(obj, column(field, original_language())) or ""
    return Reading(
        status=record.status if record else "",
        out_of_date=state_of(original, translation, record) == State.OUT_OF_DATE,
    )
