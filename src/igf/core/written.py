"""The language a participant writes in: the field every app's written text carries, its choices.

What participants write (comments, statements, proposals) is shown as written, never machine
translated on the page. Its container says which language it is in (``lang``, so screen readers
switch voice) and isolates its direction (``dir="auto"``); inside a translated sentence it sits
in a ``<bdi>`` (``{% load forum_format %}``: ``written_in`` and ``bdi``).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from igf.core.errors import Invalid

__all__ = [
    "LANGUAGE_MAX_LENGTH",
    "WRITTEN_IN",
    "WRITTEN_IN_HELP",
    "bcp47",
    "checked_language",
    "page_language",
    "written_language_choices",
    "written_language_form_field",
]

LANGUAGE_MAX_LENGTH = 12


def page_language() -> str:
    """The language of the page being used (one of settings.LANGUAGES): a new text's default."""
    current = (get_language() or settings.LANGUAGE_CODE).lower()
    codes = [code for code, _name in settings.LANGUAGES]
    if current in codes:
        return current
    base = current.split("-")[0]
    return next((code for code in codes if code.split("-")[0] == base), settings.LANGUAGE_CODE)


def written_language_choices() -> list[tuple[str, str]]:
    """The six languages, each named in itself (so a writer finds their own)."""
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


WRITTEN_IN = _("written in")
WRITTEN_IN_HELP = _("The language you write in, so that readers and screen readers know it.")


def bcp47(code: str) -> str:
    """A Django language code as an HTML ``lang`` value: 'zh-hans' gives 'zh-Hans'."""
    parts = code.replace("_", "-").split("-")
    tail = [p.title() if len(p) == 4 else p.upper() if len(p) == 2 else p for p in parts[1:]]
    return "-".join([parts[0].lower(), *tail])


def written_language_form_field() -> forms.ChoiceField:
    """The form field: which language the text is written in, the page's language preselected."""
    return forms.ChoiceField(
        label=_("Written in"),
        # Not required: a form sent without it (an older page, a script) takes the page's.
        required=False,
        choices=written_language_choices,
        initial=page_language,
        help_text=WRITTEN_IN_HELP,
    )


def checked_language(code: str | None) -> str:
    """A service's check of the language given: one of the six, or the page's when none is."""
    if not code:
        return page_language()
    if code not in {known for known, _name in settings.LANGUAGES}:
        raise Invalid(_("Choose one of the languages offered."), field="language")
    return code
