"""Pages where people comment: a paragraph with its comments, the whole document, a reply,
flagging a comment. A refused comment is shown again with the text as it was typed."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from igf.consultations import queries, ratelimit, services
from igf.consultations.enums import CommentStatus
from igf.consultations.forms import CommentForm, FlagForm
from igf.consultations.models import Comment, CommentPeriod, Paragraph, Version
from igf.consultations.rules import is_moderator
from igf.consultations.views.common import refuse, require, signed_in_view, user_of

RATE_LIMITED = 429


def _posted_message(request: HttpRequest, comment: Comment) -> None:
    if comment.status == CommentStatus.PENDING:
        messages.info(
            request,
            _(
                "Thank you. Your comment is saved and waits for a moderator, as the first "
                "comments of new accounts do; you will be told by e-mail."
            ),
        )
    else:
        messages.success(request, _("Thank you. Your comment is published."))


def _post(
    request: HttpRequest,
    form: CommentForm,
    period: CommentPeriod,
    *,
    paragraph: Paragraph | None = None,
    parent: Comment | None = None,
) -> tuple[Comment | None, int]:
    """Bind, rate-limit and post; (the comment, or None with the form's errors, and a status)."""
    if not form.is_valid():
        return None, 400
    if not ratelimit.consume_for_request("comment", request):
        form.add_error(
            None,
            _(
                "You have sent many comments in a short time. Wait a few minutes, then send "
                "this one again."
            ),
        )
        return None, RATE_LIMITED
    data = form.cleaned_data
    try:
        comment = services.post_comment(
            by=user_of(request),
            period=period,
            text=data["text"],
            paragraph=paragraph,
            passage=data.get("passage", ""),
            parent=parent,
            on_behalf_of=data["on_behalf_of"],
            anonymous=data["anonymous"],
            stakeholder_group=data["stakeholder_group"],
            country=data["country"],
            upload=data.get("file"),
        )
    except services.ConsultationError as error:
        refuse(form, error)
        return None, 400
    return comment, 200


def _open_period(user: Any, version: Version) -> CommentPeriod | None:
    period = queries.current_period(queries.periods_of(version))
    return period if period is not None and user.has_perm("consultations.comment", period) else None


@require_http_methods(["GET", "HEAD", "POST"])
def paragraph_detail(request: HttpRequest, slug: str, number: int, key: str) -> HttpResponse:
    document = queries.get_document(request.user, slug)
    version = queries.get_version(request.user, document, number)
    paragraph = queries.get_paragraph(version, key)
    periods = queries.periods_of(version)
    period = queries.current_period(periods)
    can_comment = period is not None and request.user.has_perm("consultations.comment", period)
    form = None
    status = 200
    if can_comment:
        form = CommentForm(request.POST or None, person=user_of(request).person, allow_passage=True)
        if request.method == "POST":
            assert period is not None  # noqa: S101 - can_comment implies a period
            comment, status = _post(request, form, period, paragraph=paragraph)
            if comment is not None:
                _posted_message(request, comment)
                return redirect(f"{paragraph.get_absolute_url()}#c{comment.pk}")
    elif request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={paragraph.get_absolute_url()}")
        messages.error(request, _("Comments are closed: this version is not open for comment now."))
        status = 403
    comments = list(
        queries.comments_visible_to(request.user)
        .filter(paragraph=paragraph)
        .order_by("created", "pk")
    )
    queries.attribute(comments, request.user)
    neighbours = {
        p.position: p
        for p in version.paragraphs.filter(
            position__in=[paragraph.position - 1, paragraph.position + 1]
        )
    }
    for neighbour in neighbours.values():
        neighbour.version = version
    return render(
        request,
        "consultations/paragraph.html",
        {
            "document": document,
            "version": version,
            "paragraph": paragraph,
            "threads": queries.threads(comments).get(paragraph.pk, []),
            "period": period,
            "period_open": period is not None and period.is_open(),
            "form": form,
            "previous": neighbours.get(paragraph.position - 1),
            "next": neighbours.get(paragraph.position + 1),
            "other_versions": _same_paragraph_elsewhere(paragraph),
        },
        status=status,
    )


def _same_paragraph_elsewhere(paragraph: Paragraph) -> list[Paragraph]:
    """This paragraph (same identity) in the document's other published versions."""
    return list(
        Paragraph.objects.filter(
            version__document_id=paragraph.version.document_id,
            version__status="published",
            key=paragraph.key,
        )
        .exclude(pk=paragraph.pk)
        .select_related("version__document")
        .order_by("version__number")
    )


@require_http_methods(["GET", "HEAD", "POST"])
@signed_in_view
def comment_document(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """A comment on the whole document, optionally as a PDF or Word file."""
    document = queries.get_document(request.user, slug)
    version = queries.get_version(request.user, document, number)
    period = queries.current_period(queries.periods_of(version))
    require(request, "consultations.comment", period)
    assert period is not None  # noqa: S101 - the permission needs an open period
    form = CommentForm(
        request.POST or None,
        request.FILES or None,
        person=user_of(request).person,
        allow_file=True,
    )
    status = 200
    if request.method == "POST":
        comment, status = _post(request, form, period)
        if comment is not None:
            _posted_message(request, comment)
            url = reverse("consultations:version_comments", kwargs={"slug": slug, "number": number})
            return redirect(f"{url}#c{comment.pk}")
    return render(
        request,
        "consultations/comment_form.html",
        {"form": form, "document": document, "version": version, "period": period},
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@signed_in_view
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    parent = queries.get_comment(request.user, pk)
    if parent.status != CommentStatus.PUBLISHED:
        raise Http404
    period = parent.period
    require(request, "consultations.comment", period)
    form = CommentForm(request.POST or None, person=user_of(request).person, reply=True)
    status = 200
    if request.method == "POST":
        comment, status = _post(request, form, period, parent=parent)
        if comment is not None:
            _posted_message(request, comment)
            return redirect("consultations:comment", pk=comment.pk)
    queries.attribute([parent], request.user)
    return render(
        request,
        "consultations/comment_form.html",
        {
            "form": form,
            "parent": parent,
            "document": period.version.document,
            "version": period.version,
            "period": period,
        },
        status=status,
    )


@require_safe
def comment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A comment's permanent address: it leads to the comment where it stands."""
    comment = queries.get_comment(request.user, pk)
    if comment.status == CommentStatus.HIDDEN or (
        comment.status == CommentStatus.PENDING
        and not is_moderator(request.user)
        and not getattr(getattr(request.user, "person", None), "pk", None) == comment.author_id
    ):
        raise Http404
    version = comment.period.version
    if comment.paragraph_id is not None and comment.paragraph is not None:
        comment.paragraph.version = version
        return redirect(f"{comment.paragraph.get_absolute_url()}#c{comment.pk}")
    url = reverse(
        "consultations:version_comments",
        kwargs={"slug": version.document.slug, "number": version.number},
    )
    return redirect(f"{url}#c{comment.pk}")


@require_safe
def comment_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    comment = queries.get_comment(request.user, pk)
    visible = comment.status == CommentStatus.PUBLISHED or is_moderator(request.user)
    if not comment.file or not visible:
        raise Http404
    kind = "pdf" if comment.file.name.endswith(".pdf") else "docx"
    content_type = (
        "application/pdf"
        if kind == "pdf"
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response = FileResponse(
        comment.file.open("rb"),
        content_type=content_type,
        as_attachment=True,
        filename=f"comment-{comment.pk}.{kind}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@signed_in_view
def flag(request: HttpRequest, pk: int) -> HttpResponse:
    comment = queries.get_comment(request.user, pk)
    require(request, "consultations.flag_comment", comment)
    form = FlagForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if not ratelimit.consume_for_request("flag", request):
            form.add_error(
                None, _("You have flagged many comments in a short time. Wait a few minutes.")
            )
            status = RATE_LIMITED
        else:
            try:
                services.flag_comment(
                    by=user_of(request),
                    comment=comment,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                )
            except services.ConsultationError as error:
                refuse(form, error)
                status = 400
            else:
                messages.success(request, _("Thank you. The moderators will look at this comment."))
                return redirect("consultations:comment", pk=comment.pk)
    elif request.method == "POST":
        status = 400
    queries.attribute([comment], request.user)
    return render(
        request, "consultations/flag_form.html", {"form": form, "comment": comment}, status=status
    )
