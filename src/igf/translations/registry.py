"""Which texts are translated: read from each app's `translation.py` (django-modeltranslation).

An app's `TranslationOptions` may say how much its texts matter (`desk_importance`, an
`Importance`) and which rows translators are offered (`desk_filter`, keyword arguments of
`filter()`: e.g. only the statements a moderator seeded). Defaults: working texts, every row.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models
from django.http import Http404
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from igf.translations.enums import Importance


@dataclass(frozen=True)
class Translatable:
    """One model whose texts are translated."""

    model: type[models.Model]
    fields: tuple[str, ...]
    importance: Importance
    offered: dict[str, Any]

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def app_label(self) -> str:
        return self.model._meta.app_label

    @property
    def verbose_name_plural(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    def is_long(self, field: str) -> bool:
        return isinstance(self.model._meta.get_field(field), models.TextField)

    def verbose_name_of(self, field: str) -> str:
        return str(getattr(self.model._meta.get_field(field), "verbose_name", field))


def original_language() -> str:
    """The language originals are written in (their column is the fallback of every other)."""
    return str(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


def translation_languages() -> list[tuple[str, Any]]:
    """The languages texts are translated into: every language of the forum but the original's."""
    return [(code, name) for code, name in settings.LANGUAGES if code != original_language()]


def column(field: str, language: str) -> str:
    """The name of a field's column for one language (`title_zh_hans`)."""
    return build_localized_fieldname(field, language)


def digest(text: str) -> str:
    """A fingerprint of an original, kept with its translation to notice later changes."""
    return hashlib.sha256(text.strip().encode()).hexdigest()


def translatables() -> list[Translatable]:
    """Every translated model, most important first, then by app and name."""
    found = []
    for model in translator.get_registered_models(abstract=False):
        options = translator.get_options_for_model(model)
        found.append(
            Translatable(
                model=model,
                # In the order of the model's fields, so the editor follows the page.
                fields=tuple(f.name for f in model._meta.fields if f.name in options.all_fields),
                importance=Importance(getattr(options, "desk_importance", Importance.WORKING)),
                offered=dict(getattr(options, "desk_filter", {})),
            )
        )
    return sorted(found, key=lambda t: (t.importance, t.app_label, t.model._meta.model_name or ""))


def get_translatable(label: str) -> Translatable:
    """The translated model of `app_label.model_name`, or 404."""
    for translatable in translatables():
        if translatable.label == label:
            return translatable
    raise Http404(label)
