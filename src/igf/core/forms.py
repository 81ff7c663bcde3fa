"""Form fields every app shares."""

from __future__ import annotations

from typing import Any

from django import forms

from igf.core.errors import Refused

# The largest key a database column holds on every backend we run (a signed 32-bit
# integer on PostgreSQL); larger numbers in a form overflowed SQLite into a 500.
ROW_ID_MAX = 2_147_483_647


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
