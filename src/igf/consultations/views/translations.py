"""Language versions of a version, aligned with the original paragraph by paragraph, each
clearly labelled machine, draft or official."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from igf.consultations import exports, queries, services
from igf.consultations.forms import TranslationCreateForm, TranslationEditForm
from igf.consultations.rules import is_editor
from igf.consultations.views.common import download, refuse, require, signed_in_view, user_of
from igf.consultations.views.documents import EXPORT_FORMATS


@require_http_methods(["GET", "HEAD", "POST"])
@signed_in_view
def translation_create(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    document = queries.get_document(request.user, slug)
    require(request, "consultations.edit_document", document)
    version = queries.get_version(request.user, document, number)
    existing = {t.language for t in queries.translations_of(version)} | {document.language}
    form = TranslationCreateForm(request.POST or None, exclude=existing)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                translation_row = services.create_translation(
                    by=user_of(request),
                    version=version,
                    language=data["language"],
                    status=data["status"],
                    text=data["text"],
                )
            except services.ConsultationError as error:
                refuse(form, error)
            else:
                messages.success(request, _("The translation is added."))
                return redirect(
                    "consultations:translation_edit",
                    slug=slug,
                    number=number,
                    language=translation_row.language,
                )
    return render(
        request,
        "consultations/translation_form.html",
        {"form": form, "document": document, "version": version},
        status=status,
    )


@require_safe
def translation_detail(request: HttpRequest, slug: str, number: int, language: str) -> HttpResponse:
    document = queries.get_document(request.user, slug)
    version = queries.get_version(request.user, document, number)
    translation_row = queries.get_translation(version, language)
    texts = queries.translated_paragraphs(translation_row)
    paragraphs = queries.paragraphs_of(version)
    side_by_side = request.GET.get("original") == "1"
    return render(
        request,
        "consultations/translation_detail.html",
        {
            "document": document,
            "version": version,
            "translation": translation_row,
            "rows": [(p, texts.get(p.pk, "")) for p in paragraphs],
            "missing": sum(1 for p in paragraphs if not texts.get(p.pk)),
            "side_by_side": side_by_side,
            "translations": queries.translations_of(version),
            "is_editor": bool(is_editor(request.user, document)),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@signed_in_view
def translation_edit(request: HttpRequest, slug: str, number: int, language: str) -> HttpResponse:
    document = queries.get_document(request.user, slug)
    require(request, "consultations.edit_document", document)
    version = queries.get_version(request.user, document, number)
    translation_row = queries.get_translation(version, language)
    paragraphs = queries.paragraphs_of(version)
    form = TranslationEditForm(
        request.POST or None,
        paragraphs=paragraphs,
        texts=queries.translated_paragraphs(translation_row),
        initial={"status": translation_row.status, "revision": translation_row.revision},
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.save_translation(
                    by=user_of(request),
                    translation_row=translation_row,
                    texts=form.texts(),
                    status=form.cleaned_data["status"],
                    expected_revision=form.cleaned_data["revision"],
                )
            except services.VersionConflictError as error:
                refuse(form, error)
                status = 409
            except services.ConsultationError as error:
                refuse(form, error)
            else:
                messages.success(request, _("The translation is saved."))
                return redirect(translation_row.get_absolute_url())
    return render(
        request,
        "consultations/translation_edit.html",
        {
            "form": form,
            "document": document,
            "version": version,
            "translation": translation_row,
            "rows": [(p, form[name]) for p, name in form.paragraph_fields],
        },
        status=status,
    )


@require_safe
def translation_export(
    request: HttpRequest, slug: str, number: int, language: str, fmt: str
) -> HttpResponse:
    if fmt not in EXPORT_FORMATS:
        raise Http404
    document = queries.get_document(request.user, slug)
    version = queries.get_version(request.user, document, number)
    translation_row = queries.get_translation(version, language)
    paragraphs = exports.export_paragraphs(
        queries.paragraphs_of(version), queries.translated_paragraphs(translation_row)
    )
    name = f"{document.slug}-v{version.number}-{language}.{fmt}"
    kwargs = {"language": language, "translation": translation_row}
    if fmt == "docx":
        content: bytes | str = exports.version_docx(version, paragraphs, **kwargs)  # type: ignore[arg-type]
    elif fmt == "pdf":
        content = exports.version_pdf(version, paragraphs, **kwargs)  # type: ignore[arg-type]
    else:
        content = exports.version_html(version, paragraphs, **kwargs)  # type: ignore[arg-type]
    return download(content, kind=fmt, filename=name)
