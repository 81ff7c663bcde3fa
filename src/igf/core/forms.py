"""Form fields every app shares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from igf.core.errors import Refused

# The largest key a database column holds on every backend we run (a signed 32-bit
# integer on PostgreSQL); larger numbers in a form overflowed SQLite into a 500.
ROW_ID_MAX = 2_147_483_647

# The wording of a text's length: the live count (filled in by `igf/js/count.js`, which
# replaces {count} and {limit}) and the form's refusal.
COUNT_TEXT = _("{count} of {limit} characters")
OVER_TEXT = _("{count} of {limit} characters: {over} too many")
TOO_LONG = _(
    "This is %(show_value)s characters long and the limit is %(limit_value)s. Shorten it: "
    "nothing was cut, your text is still here."
)


class RowIdField(forms.IntegerField):
    """The number of an existing row sent back by a form (a hidden row key, a revision, a
    reply-to): positive and within what the database can look up."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", ROW_ID_MAX)
        kwargs.setdefault("widget", forms.HiddenInput)
        super().__init__(**kwargs)


class BoundedKeysMultipleChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """A choice of several rows that refuses a number no database key can be, as a choice
    that does not exist, before asking the database (which overflows on SQLite)."""

    def _check_values(self, value: Any) -> Any:
        for item in value:
            try:
                number = int(str(item))
            except ValueError:
                continue  # Django's own check says it is not a valid key.
            if not -ROW_ID_MAX <= number <= ROW_ID_MAX:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super()._check_values(value)  # type: ignore[misc]  # private in the stubs


def add_refusal(form: forms.BaseForm, error: Refused) -> None:
    """Show a refusal on the form: on its field when the form has that field, else above it."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, str(error.message))


def count_not_cut(form: forms.BaseForm) -> None:
    """Let the form refuse text that is too long instead of the browser cutting it.

    A `maxlength` attribute makes browsers silently cut pasted text at the limit; the form's
    own length check says by how much it is over and keeps what was typed. Each limited text
    field carries its limit and the count's wording for `igf/js/count.js`, which shows a live
    count where JavaScript runs.
    """
    for field in form.fields.values():
        if not isinstance(field, forms.CharField) or field.max_length is None:
            continue
        field.widget.attrs.pop("maxlength", None)
        field.widget.attrs["data-limit"] = str(field.max_length)
        field.widget.attrs["data-count"] = str(COUNT_TEXT)
        field.widget.attrs["data-over"] = str(OVER_TEXT)
        field.error_messages["max_length"] = TOO_LONG


def error_fields(*forms_: forms.BaseForm | forms.BaseFormSet[Any]) -> list[ErrorLink]:
    """Every error of the forms and formsets given, with the field it belongs to, in the
    order they appear on the page: what the error summary lists and links to."""
    links: list[ErrorLink] = []
    for item in forms_:
        if isinstance(item, forms.BaseFormSet):
            links.extend(ErrorLink("", str(e), "") for e in item.non_form_errors())
            links.extend(error_fields(*item.forms))
            continue
        if not item.is_bound:
            continue
        links.extend(ErrorLink("", str(e), "") for e in item.non_field_errors())
        for name, field in item.fields.items():
            bound = item[name]
            for error in bound.errors:
                links.append(ErrorLink(bound.auto_id or "", str(error), str(field.label or name)))
    return links


@dataclass(frozen=True)
class ErrorLink:
    """One line of an error summary: the field's id to link to ("" for the whole form), the
    message and the field's label."""

    field_id: str
    message: str
    label: str
