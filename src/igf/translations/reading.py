"""Reading the original: `?original=1` shows the forum's texts as written, in any language.

django-modeltranslation reads a field in the active language, falling back to the original.
`install()` gives every translated field a descriptor that reads the original while
`reading_original()` is on (the middleware turns it on for one request); the interface stays in
the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.utils import translation
from modeltranslation.fields import TranslationFieldDescriptor
from modeltranslation.translator import translator

from igf.translations.registry import original_language

_original: ContextVar[bool] = ContextVar("igf_reading_original", default=False)


def is_reading_original() -> bool:
    return _original.get()


@contextmanager
def reading_original(on: bool = True) -> Iterator[None]:
    """Read every translated field as its original while inside the block."""
    token = _original.set(on)
    try:
        yield
    finally:
        _original.reset(token)


class OriginalAwareDescriptor(TranslationFieldDescriptor):
    """modeltranslation's descriptor, reading the original while `reading_original()` is on."""

    def __get__(self, instance: Any, owner: Any) -> Any:
        if instance is not None and _original.get():
            with translation.override(original_language()):
                return super().__get__(instance, owner)  # type: ignore[no-untyped-call]
        return super().__get__(instance, owner)  # type: ignore[no-untyped-call]


def install() -> None:
    """Give every translated field the descriptor above (from AppConfig.ready)."""
    for model in translator.get_registered_models(abstract=False):
        for field in translator.get_options_for_model(model).local_fields:
            descriptor = model.__dict__.get(field)
            if type(descriptor) is TranslationFieldDescriptor:
                descriptor.__class__ = OriginalAwareDescriptor
