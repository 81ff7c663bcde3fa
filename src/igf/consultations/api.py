"""The consultations app's open data: documents, their published versions and paragraphs,
published comments as the public sees them, and published dispositions.

Mounted by igf.api at /api/v1/consultations/. What a visitor's page shows and no more:
anonymous comments name nobody, drafts and comments awaiting moderation are absent, and a
disposition appears once the editors publish it.
"""

from datetime import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from igf.consultations import queries
from igf.consultations.models import Comment, Document

PREFIX = "consultations"
router = Router(tags=["consultations"])
ANONYMOUS = AnonymousUser()

SUMMARIES: dict[tuple[str, str], Promise] = {
    ("GET", "/api/v1/consultations"): _("Documents with a published version, 50 per page."),
    ("GET", "/api/v1/consultations/{slug}"): _("One document and its published versions."),
    ("GET", "/api/v1/consultations/{slug}/v{number}"): _(
        "One published version of a document, paragraph by paragraph."
    ),
    ("GET", "/api/v1/consultations/{slug}/v{number}/comments"): _(
        "The published comments on a version, as the public sees them, with their published "
        "dispositions; 100 per page."
    ),
}


class DocumentOut(Schema):
    slug: str
    title: str
    kind: str
    language: str
    body: str | None
    latest_version: int | None
    open_for_comment_until: datetime | None
    url: str


class VersionOut(Schema):
    number: int
    status: str
    created: datetime
    url: str


class DocumentDetailOut(DocumentOut):
    versions: list[VersionOut]


class ParagraphOut(Schema):
    key: str
    number: int | None
    kind: str
    level: int
    text: str


class VersionDetailOut(VersionOut):
    document: str
    paragraphs: list[ParagraphOut]


class DispositionOut(Schema):
    outcome: str
    reason: str


class CommentOut(Schema):
    id: int
    paragraph: str | None
    passage: str
    byline: str
    text: str
    created: datetime
    reply_to: int | None
    disposition: DispositionOut | None


class ErrorOut(Schema):
    detail: str


def _document_out(document: Document) -> dict[str, Any]:
    return {
        "slug": document.slug,
        "title": document.title,
        "kind": document.kind,
        "language": document.language,
        "body": document.body.slug if document.body is not None else None,
        "latest_version": getattr(document, "latest_number", None),
        "open_for_comment_until": getattr(document, "open_until", None),
        "url": document.get_absolute_url(),
    }


def _version_out(version: Any) -> dict[str, Any]:
    return {
        "number": version.number,
        "status": version.status,
        "created": version.created,
        "url": version.get_absolute_url(),
    }


@router.get("", response=list[DocumentOut], summary="Documents")
@paginate(PageNumberPagination, page_size=50)
def list_documents(request: HttpRequest) -> list[dict[str, Any]]:
    documents = queries.documents_visible_to(ANONYMOUS).order_by("-pk")
    return [_document_out(d) for d in documents]


@router.get("/{slug}", response={200: DocumentDetailOut, 404: ErrorOut}, summary="One document")
def get_document(request: HttpRequest, slug: str) -> dict[str, Any]:
    document = queries.get_document(slug, viewer=ANONYMOUS)
    versions = queries.versions_visible_to(ANONYMOUS, document)
    for version in versions:
        version.document = document
    return {**_document_out(document), "versions": [_version_out(v) for v in versions]}


@router.get(
    "/{slug}/v{number}",
    response={200: VersionDetailOut, 404: ErrorOut},
    summary="One version",
)
def get_version(request: HttpRequest, slug: str, number: int) -> dict[str, Any]:
    version = queries.get_version_at(slug, number, viewer=ANONYMOUS)
    return {
        **_version_out(version),
        "document": version.document.slug,
        "paragraphs": [
            {
                "key": p.key,
                "number": p.number,
                "kind": p.kind,
                "level": p.level,
                "text": p.text,
            }
            for p in queries.paragraphs_of(version)
        ],
    }


def _comment_out(comment: Comment) -> dict[str, Any]:
    disposition = getattr(comment, "shown_disposition", None)
    return {
        "id": comment.pk,
        "paragraph": comment.paragraph.key if comment.paragraph is not None else None,
        "passage": comment.passage,
        "byline": str(getattr(comment, "byline", "")),
        "text": comment.text,
        "created": comment.created,
        "reply_to": comment.parent_id,
        "disposition": (
            {"outcome": disposition.outcome, "reason": disposition.reason}
            if disposition is not None
            else None
        ),
    }


@router.get(
    "/{slug}/v{number}/comments",
    response={200: list[CommentOut], 404: ErrorOut},
    summary="Published comments on a version",
)
@paginate(PageNumberPagination, page_size=100)
def list_comments(request: HttpRequest, slug: str, number: int) -> list[dict[str, Any]]:
    version = queries.get_version_at(slug, number, viewer=ANONYMOUS)
    comments = list(
        queries.public_comments().filter(period__version=version).order_by("created", "pk")
    )
    for comment in comments:
        disposition = getattr(comment, "disposition", None)
        published = disposition is not None and disposition.published_at is not None
        comment.shown_disposition = disposition if published else None  # type: ignore[attr-defined]
    queries.attribute(comments, ANONYMOUS)
    return [_comment_out(c) for c in comments]
