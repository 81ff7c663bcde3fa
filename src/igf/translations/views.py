"""The translation desk: per language what is missing or out of date, and a side-by-side editor."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.models import AbstractUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required
from igf.translations import queries, services
from igf.translations.enums import Importance
from igf.translations.forms import TranslationForm, TranslatorForm
from igf.translations.models import Translator
from igf.translations.registry import original_language
from igf.translations.services import TranslationError


def _user(request: HttpRequest) -> AbstractUser:
    return cast(AbstractUser, request.user)


@permission_required("translations.view_desk")
def desk(request: HttpRequest) -> HttpResponse:
    languages = [
        (code, name, queries.desk(code)) for code, name in queries.languages_for(request.user)
    ]
    summary = [
        (
            code,
            name,
            sum(g.missing for g in groups),
            sum(g.out_of_date for g in groups),
            sum(g.total for g in groups),
        )
        for code, name, groups in languages
    ]
    return render(request, "translations/desk.html", {"summary": summary})


@permission_required("translations.translate", Load(queries.get_language, "language"))
def desk_language(request: HttpRequest, language: str) -> HttpResponse:
    groups = queries.desk(language)
    sections = [
        (importance, [g for g in groups if g.translatable.importance == importance])
        for importance in Importance
    ]
    return render(
        request,
        "translations/language.html",
        {
            "language": language,
            "original_language": original_language(),
            "sections": [(i, g) for i, g in sections if g],
        },
    )


@permission_required("translations.translate", Load(queries.get_language, "language"))
def edit(request: HttpRequest, language: str, label: str, pk: str) -> HttpResponse:
    translatable, obj = queries.get_object(label, pk)
    texts = queries.texts_of(translatable, obj, language)
    form = TranslationForm(request.POST or None, texts=texts, language=language)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.save_translation(
                by=_user(request), obj=obj, language=language, changes=form.changes()
            )
        except TranslationError as error:
            add_refusal(form, error)
        else:
            if changed:
                messages.success(request, _("The translation is saved."))
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect("translations:language", language=language)
    return render(
        request,
        "translations/edit.html",
        {
            "language": language,
            "original_language": original_language(),
            "translatable": translatable,
            "object": obj,
            "form": form,
        },
    )


@permission_required("translations.assign_translators", second_factor=True)
def translators(request: HttpRequest) -> HttpResponse:
    form = TranslatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.assign_translator(
                by=_user(request),
                user=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
            )
        except TranslationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The translator is assigned."))
            return redirect("translations:translators")
    return render(
        request,
        "translations/translators.html",
        {"form": form, "translators": queries.translators()},
    )


@require_POST
@permission_required(
    "translations.assign_translators", Load(queries.get_translator, "pk"), second_factor=True
)
def remove_translator(request: HttpRequest, translator: Translator) -> HttpResponse:
    services.remove_translator(by=_user(request), translator=translator)
    messages.success(request, _("The translator's role is ended."))
    return redirect("translations:translators")
