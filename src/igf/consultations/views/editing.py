"""Editors' pages: edit a draft (with conflicts shown, not overwritten), correct how its
paragraphs match the previous version, publish it, open a comment period."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from igf.consultations import diffing, queries, services
from igf.consultations.forms import MatchingForm, PeriodForm, PublishVersionForm, VersionEditForm
from igf.consultations.importing import import_file
from igf.consultations.models import Document, Paragraph, Version
from igf.consultations.services import VersionConflictError
from igf.consultations.views.common import user_of
from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required

# The editors' pages load the document and check the permission on it first, so a
# participant is refused (403) before learning whether a version number exists as a draft.
EDIT = ("consultations.edit_document", Load(queries.get_document, "slug", viewer=True))


def _draft(request: HttpRequest, document: Document, number: int) -> Version:
    version = queries.get_version(document, number, viewer=request.user)
    if version.is_published:
        raise Http404
    return version


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(*EDIT)
def version_edit(request: HttpRequest, document: Document, number: int) -> HttpResponse:
    version = _draft(request, document, number)
    initial = {"text": version.text, "note": version.note, "revision": version.revision}
    form = VersionEditForm(request.POST or None, request.FILES or None, initial=initial)
    conflict: Version | None = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                text, source = data["text"], None
                if data["file"]:
                    text, source = import_file(data["file"])
                services.save_version_text(
                    by=user_of(request),
                    version=version,
                    text=text,
                    expected_revision=data["revision"],
                    note=data["note"],
                    source_name=source,
                )
            except VersionConflictError as error:
                add_refusal(form, error)
                conflict = error.current  # type: ignore[assignment]
                status = 409
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("The draft is saved."))
                return redirect("consultations:version_edit", slug=document.slug, number=number)
    conflict_changes = []
    if conflict is not None:
        theirs = Paragraph(key="theirs", text=conflict.text)
        mine = Paragraph(key="theirs", text=str(form.data.get("text", "")))
        conflict_changes = diffing.compare([theirs], [mine])
    return render(
        request,
        "consultations/version_edit.html",
        {
            "form": form,
            "document": document,
            "version": version,
            "paragraphs": queries.paragraphs_of(version),
            "conflict": conflict,
            "conflict_changes": conflict_changes,
            "previous": queries.previous_published(version),
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(*EDIT)
def matching(request: HttpRequest, document: Document, number: int) -> HttpResponse:
    version = _draft(request, document, number)
    previous = queries.previous_published(version)
    paragraphs = queries.paragraphs_of(version)
    previous_paragraphs = queries.paragraphs_of(previous) if previous is not None else []
    form = MatchingForm(
        request.POST or None,
        paragraphs=paragraphs,
        previous=previous_paragraphs,
        initial={"revision": version.revision},
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.correct_matching(
                    by=user_of(request),
                    version=version,
                    choices=form.choices_made(),
                    expected_revision=form.cleaned_data["revision"],
                )
            except VersionConflictError as error:
                add_refusal(form, error)
                status = 409
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("The matching is saved."))
                return redirect("consultations:matching", slug=document.slug, number=number)
    by_key = {p.key: p for p in previous_paragraphs}
    rows = [
        (paragraph, form[name], by_key.get(paragraph.key))
        for paragraph, name in form.paragraph_fields
    ]
    matched = {p.key for p in paragraphs}
    return render(
        request,
        "consultations/matching.html",
        {
            "form": form,
            "document": document,
            "version": version,
            "previous": previous,
            "rows": rows,
            "dropped": [p for p in previous_paragraphs if p.key not in matched],
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(*EDIT)
def version_publish(request: HttpRequest, document: Document, number: int) -> HttpResponse:
    version = _draft(request, document, number)
    form = PublishVersionForm(request.POST or None, initial={"note": version.note})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.publish_version(
                by=user_of(request), version=version, note=form.cleaned_data["note"]
            )
        except Refused as error:
            add_refusal(form, error)
            status = 400
        else:
            messages.success(request, _("Version %(number)s is published.") % {"number": number})
            return redirect("consultations:version", slug=document.slug, number=number)
    remaining = queries.comments_without_disposition(version)
    periods = list(
        version.document.versions.filter(number__lt=number)
        .prefetch_related("periods")
        .order_by("number")
    )
    return render(
        request,
        "consultations/version_publish.html",
        {
            "form": form,
            "document": document,
            "version": version,
            "remaining": remaining.count(),
            "awaiting_moderation": queries.comments_awaiting_moderation(version).count(),
            "earlier_periods": [p for v in periods for p in v.periods.all()],
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(*EDIT)
def period_create(request: HttpRequest, document: Document, number: int) -> HttpResponse:
    version = queries.get_version(document, number, viewer=request.user)
    start = timezone.localtime().replace(second=0, microsecond=0)
    form = PeriodForm(
        request.POST or None,
        initial={"opens": start, "closes": start + services.DEFAULT_PERIOD},
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                period = services.open_comment_period(
                    by=user_of(request),
                    version=version,
                    opens=data["opens"],
                    closes=data["closes"],
                    instructions=data["instructions"],
                )
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("The comment period is set."))
                return redirect(period.get_absolute_url())
    return render(
        request,
        "consultations/period_form.html",
        {"form": form, "document": document, "version": version, "one_month": timedelta(days=30)},
        status=status,
    )
