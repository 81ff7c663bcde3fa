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
from igf.consultations.models import Document, Translation
from igf.consultations.rules import is_editor
from igf.consultations.services import VersionConflictError
from igf.consultations.views.common import download, user_of
from igf.consultations.views.documents import EXPORT_FORMATS
from igf.consultations.views.editing import EDIT
from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required

# A published language version, with its version and document (404 for what is hidden).
TRANSLATION = Load(queries.get_translation_at, "slug", "number", "language", viewer=True)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(*EDIT)
def translation_create(request: HttpRequest, document: Document, number: int) -> HttpResponse:
    version = queries.get_version(document, number, viewer=request.user)
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
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("The translation is added."))
                return redirect(
                    "consultations:translation_edit",
                    slug=document.slug,
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
@permission_required(None, TRANSLATION)
def translation_detail(request: HttpRequest, translation_row: Translation) -> HttpResponse:
    version = translation_row.version
    document = version.document
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
@permission_required(*EDIT)
def translation_edit(
    request: HttpRequest, document: Document, number: int, language: str
) -> HttpResponse:
    version = queries.get_version(document, number, viewer=request.user)
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
            except VersionConflictError as error:
                add_refusal(form, error)
                status = 409
            except Refused as error:
                add_refusal(form, error)
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
@permission_required(None, TRANSLATION)
def translation_export(
    request: HttpRequest, translation_row: Translation, fmt: str
) -> HttpResponse:
    if fmt not in EXPORT_FORMATS:
        raise Http404
    version = translation_row.version
    document = version.document
    language = translation_row.language
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
