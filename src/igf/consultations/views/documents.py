"""Pages of documents and versions: the list, a version to read, its comments, differences
between versions, exports, and starting a document or a new version."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from igf.consultations import diffing, exports, queries, services
from igf.consultations.forms import DocumentForm, NewVersionForm
from igf.consultations.importing import import_file
from igf.consultations.models import Document, Version
from igf.consultations.rules import is_editor, is_moderator
from igf.consultations.views.common import download, int_param, user_of
from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required
from igf.core.rules import is_secretariat
from igf.core.sections import DOCUMENT_PAGE, sections_for

# Public pages of a document, and of one of its versions (404 for what the viewer may not see).
DOCUMENT = Load(queries.get_document, "slug", viewer=True)
VERSION = Load(queries.get_version_at, "slug", "number", viewer=True)


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    documents = list(queries.documents_visible_to(request.user).order_by("-created", "pk"))
    # `open_until` is annotated by the query: when the current comment period closes.
    open_now = sorted(
        (d for d in documents if d.open_until),  # type: ignore[attr-defined]
        key=lambda d: d.open_until,  # type: ignore[attr-defined]
    )
    others = [d for d in documents if not d.open_until]  # type: ignore[attr-defined]
    questionnaires = list(queries.questionnaires_visible_to(request.user).order_by("-deadline"))
    return render(
        request,
        "consultations/index.html",
        {
            "open_documents": open_now,
            "documents": others,
            "questionnaires": questionnaires,
            "now": timezone.now(),
            "can_create": request.user.has_perm("consultations.create_document"),
            "can_moderate": is_moderator(request.user),
        },
    )


def _version_context(
    request: HttpRequest, document: Document, version: Version
) -> dict[str, object]:
    versions = queries.versions_visible_to(request.user, document)
    periods = queries.periods_of(version)
    period = queries.current_period(periods)
    editor = bool(is_editor(request.user, document))
    context: dict[str, object] = {
        "document": document,
        "version": version,
        "versions": versions,
        "periods": periods,
        "period": period,
        "period_open": period is not None and period.is_open(),
        "translations": queries.translations_of(version),
        "is_editor": editor,
        "now": timezone.now(),
        "latest": next((v for v in reversed(versions) if v.is_published), None),
    }
    if editor and not version.is_published:
        context["remaining"] = queries.comments_without_disposition(version).count()
        context["awaiting_moderation"] = queries.comments_awaiting_moderation(version).count()
    return context


def _render_version(request: HttpRequest, document: Document, version: Version) -> HttpResponse:
    context = _version_context(request, document, version)
    counts = queries.comment_counts(request.user, version)
    paragraphs = queries.paragraphs_of(version)
    for paragraph in paragraphs:
        paragraph.comment_count = counts.get(paragraph.pk, 0)  # type: ignore[attr-defined]
    context.update(
        {
            "paragraphs": paragraphs,
            "document_comments": counts.get(None, 0),
            "total_comments": sum(counts.values()),
            "sections": sections_for(DOCUMENT_PAGE, request, document),
        }
    )
    return render(request, "consultations/version_detail.html", context)


@require_safe
@permission_required(None, DOCUMENT)
def document_detail(request: HttpRequest, document: Document) -> HttpResponse:
    return _render_version(request, document, queries.get_version(document, viewer=request.user))


@require_safe
@permission_required(None, VERSION)
def version_detail(request: HttpRequest, version: Version) -> HttpResponse:
    return _render_version(request, version.document, version)


@require_safe
@permission_required(None, VERSION)
def version_comments(request: HttpRequest, version: Version) -> HttpResponse:
    """The commented view: paragraphs with their comments, about 150 comments a page, in a
    constant number of queries."""
    document = version.document
    counts = queries.comment_counts(request.user, version)
    paragraphs = queries.paragraphs_of(version)
    pages = queries.commented_pages([counts.get(p.pk, 0) for p in paragraphs], COMMENTS_PER_PAGE)
    wanted = int_param(request, "page") or 1
    page = pages[min(wanted, len(pages)) - 1] if pages else None
    shown = paragraphs[page.first : page.last + 1] if page is not None else []
    first_page = page is None or page.number == 1
    comments = queries.version_comments(
        request.user, version, [p.pk for p in shown], whole=first_page
    )
    grouped = queries.threads(comments)
    context = _version_context(request, document, version)
    context.update(
        {
            "commented": [queries.CommentedParagraph(p, grouped.get(p.pk, [])) for p in shown],
            "document_threads": grouped.get(None, []),
            "first_page": first_page,
            "total_comments": sum(counts.values()),
            "page": page,
            "pages": [
                (item, paragraphs[item.first].label, paragraphs[item.last].label) for item in pages
            ]
            if len(pages) > 1
            else [],
        }
    )
    return render(request, "consultations/version_comments.html", context)


@require_safe
@permission_required(None, DOCUMENT)
def diff(request: HttpRequest, document: Document, number: int) -> HttpResponse:
    versions = queries.versions_visible_to(request.user, document)
    new = next((v for v in versions if v.number == number), None)
    if new is None:
        raise Http404
    earlier = [v for v in versions if v.number != number]
    wanted = int_param(request, "from")
    default = max((v.number for v in earlier if v.number < number), default=None)
    old_number = wanted if wanted in {v.number for v in earlier} else default
    old = next((v for v in earlier if v.number == old_number), None)
    changes = (
        diffing.compare(queries.paragraphs_of(old), queries.paragraphs_of(new))
        if old is not None
        else []
    )
    return render(
        request,
        "consultations/diff.html",
        {
            "document": document,
            "version": new,
            "old": old,
            "others": earlier,
            "changes": changes,
            "summary": diffing.summarise(changes),
            "show_all": request.GET.get("all") == "1",
        },
    )


EXPORT_FORMATS = ("docx", "pdf", "html")
# The commented view shows about this many comments a page, never splitting a paragraph.
COMMENTS_PER_PAGE = 150


@require_safe
@permission_required(None, VERSION)
def export(request: HttpRequest, version: Version, fmt: str) -> HttpResponse:
    if fmt not in EXPORT_FORMATS:
        raise Http404
    document = version.document
    paragraphs = exports.export_paragraphs(queries.paragraphs_of(version))
    language = document.language
    name = f"{document.slug}-v{version.number}.{fmt}"
    if fmt == "docx":
        content: bytes | str = exports.version_docx(version, paragraphs, language=language)
    elif fmt == "pdf":
        content = exports.version_pdf(version, paragraphs, language=language)
    else:
        content = exports.version_html(version, paragraphs, language=language)
    return download(content, kind=fmt, filename=name)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("consultations.create_document")
def document_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    bodies = queries.bodies_for_editor(user)
    forum_allowed = bool(is_secretariat(user))
    form = DocumentForm(
        request.POST or None,
        request.FILES or None,
        bodies=bodies,
        forum_allowed=forum_allowed,
        initial={"language": get_language() or "en"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        text, source = data["text"], ""
        try:
            if data["file"]:
                text, source = import_file(data["file"])
            document = services.create_document(
                by=user,
                title=data["title"],
                kind=data["kind"],
                language=data["language"],
                body=data["body"],
                summary=data["summary"],
                text=text,
                source_name=source,
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(
                request,
                _("The document is saved as a draft. Check its paragraphs, then publish it."),
            )
            return redirect("consultations:version_edit", slug=document.slug, number=1)
    return render(
        request,
        "consultations/document_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("consultations.edit_document", DOCUMENT)
def version_create(request: HttpRequest, document: Document) -> HttpResponse:
    form = NewVersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            text, source = (None, "")
            if form.cleaned_data["file"]:
                text, source = import_file(form.cleaned_data["file"])
            version = services.start_new_version(
                by=user_of(request), document=document, text=text, source_name=source
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(
                request,
                _(
                    "Version %(number)s is started as a draft. Check how its paragraphs match "
                    "the previous version."
                )
                % {"number": version.number},
            )
            return redirect("consultations:matching", slug=document.slug, number=version.number)
    return render(
        request,
        "consultations/version_new.html",
        {"form": form, "document": document},
        status=400 if form.errors else 200,
    )
