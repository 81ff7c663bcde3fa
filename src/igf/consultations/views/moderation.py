"""The moderators' pages: the queue of comments awaiting moderation or flagged, and the
decision on one comment (logged with its reason; the author is told)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from igf.consultations import queries, services
from igf.consultations.enums import CommentStatus, ModerationAction
from igf.consultations.forms import ModerationForm, QueueFilterForm
from igf.consultations.models import Comment
from igf.consultations.views.common import user_of
from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required

ACTIONS = {
    CommentStatus.PENDING: [ModerationAction.APPROVE, ModerationAction.HIDE],
    CommentStatus.PUBLISHED: [ModerationAction.DISMISS, ModerationAction.HIDE],
    CommentStatus.HIDDEN: [ModerationAction.RESTORE],
}
RECENT_DECISIONS = 30
QUEUE_PAGE_SIZE = 20


@require_safe
@permission_required("consultations.moderate", second_factor=True)
def queue(request: HttpRequest) -> HttpResponse:
    filters = QueueFilterForm(request.GET or None, documents=queries.documents_in_moderation())
    found = queries.moderation_queue(**filters.filters())
    counts = found.aggregate(
        pending=Count("pk", filter=Q(status=CommentStatus.PENDING)),
        flagged=Count("pk", filter=Q(status=CommentStatus.PUBLISHED)),
    )
    page = Paginator(found, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    comments = list(page.object_list)
    queries.attribute(comments, request.user)
    decisions = queries.recent_moderation_decisions(RECENT_DECISIONS)
    return render(
        request,
        "consultations/moderation_queue.html",
        {
            "filters": filters,
            "page": page,
            "comments": comments,
            "pending_count": counts["pending"],
            "flagged_count": counts["flagged"],
            "decisions": decisions,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(
    "consultations.moderate", Load(queries.get_comment_to_moderate), second_factor=True
)
def moderate(request: HttpRequest, comment: Comment) -> HttpResponse:
    actions = ACTIONS.get(CommentStatus(comment.status), [])
    form = ModerationForm(request.POST or None, actions=[str(a) for a in actions])
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.moderate_comment(
                    by=user_of(request),
                    comment=comment,
                    action=form.cleaned_data["action"],
                    reason=form.cleaned_data["reason"],
                )
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(
                    request, _("The decision is recorded and the author is told by e-mail.")
                )
                return redirect("consultations:moderation")
    queries.attribute([comment], request.user)
    return render(
        request,
        "consultations/moderate_form.html",
        {
            "form": form,
            "comment": comment,
            "flags": list(comment.flags.select_related("flagged_by").order_by("created")),
            "decisions": list(comment.moderation_decisions.select_related("decided_by__person")),
        },
        status=status,
    )
