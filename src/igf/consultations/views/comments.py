"""Pages where people comment: a paragraph with its comments, the whole document, a reply,
flagging a comment. A refused comment is shown again with the text as it was typed."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from igf.conduct.guards import contribution, contribution_on_post
from igf.consultations import queries, services
from igf.consultations.forms import CommentForm, FlagForm
from igf.consultations.models import Comment, CommentPeriod, Paragraph, Version
from igf.consultations.rules import is_moderator
from igf.consultations.views.common import user_of
from igf.core import ratelimit
from igf.core.errors import NotAllowed, Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required

COMMENT = Load(queries.get_comment, viewer=True)

RATE_LIMITED = 429


def _posted_message(request: HttpRequest, comment: Comment) -> None:
    if comment.is_pending:
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
            language=data["language"],
        )
    except Refused as error:
        add_refusal(form, error)
        return None, 400
    return comment, 200


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(None, Load(queries.get_version_at, "slug", "number", viewer=True))
@contribution_on_post
def paragraph_detail(request: HttpRequest, version: Version, key: str) -> HttpResponse:
    document = version.document
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
    previous, following = queries.neighbours(paragraph)
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
            "previous": previous,
            "next": following,
            "other_versions": queries.same_paragraph_elsewhere(paragraph),
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(
    "consultations.comment", Load(queries.find_current_period, "slug", "number", viewer=True)
)
@contribution
def comment_document(request: HttpRequest, period: CommentPeriod | None) -> HttpResponse:
    """A comment on the whole document, optionally as a PDF or Word file."""
    if period is None:  # a superuser passes every rule, also on a version never put out
        raise NotAllowed(_("Comments are closed: this version is not open for comment now."))
    version = period.version
    document = version.document
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
            url = reverse(
                "consultations:version_comments",
                kwargs={"slug": document.slug, "number": version.number},
            )
            return redirect(f"{url}#c{comment.pk}")
    return render(
        request,
        "consultations/comment_form.html",
        {"form": form, "document": document, "version": version, "period": period},
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("consultations.reply", Load(queries.get_published_comment, viewer=True))
@contribution
def reply(request: HttpRequest, parent: Comment) -> HttpResponse:
    period = parent.period
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
@permission_required(None, COMMENT)
def comment_detail(request: HttpRequest, comment: Comment) -> HttpResponse:
    """A comment's permanent address: it leads to the comment where it stands."""
    if comment.is_hidden or (
        comment.is_pending
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
@permission_required(None, COMMENT)  # type: ignore[arg-type]  # a file, streamed
def comment_file(request: HttpRequest, comment: Comment) -> HttpResponseBase:
    visible = comment.is_published or is_moderator(request.user)
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
@permission_required("consultations.flag_comment", COMMENT)
def flag(request: HttpRequest, comment: Comment) -> HttpResponse:
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
            except Refused as error:
                add_refusal(form, error)
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
