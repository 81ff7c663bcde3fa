"""The history of a translated model (django-simple-history) keeps its translations too.

simple-history builds a model's history table when the model is defined, before
django-modeltranslation adds a column per language; it then copies every field of the model
into the history on each save. `add_translation_columns()` (from AppConfig.ready, so
migrations see the columns) gives each history table the same language columns.
"""

from __future__ import annotations

from django.db import models
from modeltranslation.translator import translator


def add_translation_columns() -> None:
    for model in translator.get_registered_models(abstract=False):
        attribute = getattr(model._meta, "simple_history_manager_attribute", None)
        if attribute is None:
            continue
        historical: type[models.Model] = getattr(model, attribute).model
        existing = {field.name for field in historical._meta.get_fields()}
        for fields in translator.get_options_for_model(model).local_fields.values():
            for field in fields:
                if field.name in existing:
                    continue
                original = field.translated_field
                _name, _path, args, kwargs = original.deconstruct()
                kwargs.update(null=True, blank=True)
                kwargs.pop("unique", None)
                historical.add_to_class(field.name, type(original)(*args, **kwargs))
