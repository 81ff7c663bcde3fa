"""The desk's forms: one object's texts side by side, and assigning a translator."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from igf.core.enums import TranslationStatus
from igf.translations.enums import State
from igf.translations.queries import Text
from igf.translations.registry import translation_languages
from igf.translations.services import TextChange


class TranslationForm(forms.Form):
    """A translation field, a status and (for an out-of-date text) a confirmation per text."""

    def __init__(self, *args: Any, texts: list[Text], language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.texts = texts
        for text in texts:
            widget: forms.Widget = (
                forms.Textarea(attrs={"rows": 8, "lang": language, "dir": "auto"})
                if text.long
                else forms.TextInput(attrs={"lang": language, "dir": "auto"})
            )
            self.fields[f"text-{text.field}"] = forms.CharField(
                label=_("Translation"), required=False, widget=widget, initial=text.translation
            )
            self.fields[f"status-{text.field}"] = forms.ChoiceField(
                label=_("Status"),
                choices=TranslationStatus.of_translations(),
                initial=text.status or TranslationStatus.DRAFT,
            )
            if text.state == State.OUT_OF_DATE:
                self.fields[f"confirm-{text.field}"] = forms.BooleanField(
                    label=_("The translation still says what the original says"),
                    required=False,
                )

    def rows(self) -> list[tuple[Text, list[forms.BoundField]]]:
        """Each text with its fields, for the side-by-side table."""
        return [
            (
                text,
                [
                    self[name]
                    for name in (
                        f"text-{text.field}",
                        f"status-{text.field}",
                        f"confirm-{text.field}",
                    )
                    if name in self.fields
                ],
            )
            for text in self.texts
        ]

    def changes(self) -> list[TextChange]:
        return [
            TextChange(
                field=text.field,
                text=self.cleaned_data[f"text-{text.field}"],
                status=self.cleaned_data[f"status-{text.field}"],
                confirmed=bool(self.cleaned_data.get(f"confirm-{text.field}")),
            )
            for text in self.texts
        ]


class TranslatorForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person's account"))
    language = forms.ChoiceField(label=_("Language"), choices=[])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["language"]).choices = translation_languages()

    def clean_email(self) -> Any:
        email = self.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No account has this e-mail address."))
        return user
