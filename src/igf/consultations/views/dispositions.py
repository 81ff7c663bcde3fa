"""A comment period's pages: the public comment-resolution table and its downloads, the
statistics, and the editors' worklist of dispositions."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from igf.consultations import exports, queries, services, statistics
from igf.consultations.enums import DispositionOutcome
from igf.consultations.forms import DispositionForm
from igf.consultations.models import Comment, CommentPeriod
from igf.consultations.rules import is_editor
from igf.consultations.views.common import download, int_param, user_of
from igf.core.enums import StakeholderGroup
from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required

PERIOD = Load(queries.get_period, viewer=True)

# Rows per page of the comment-resolution table and of the editors' worklist.
ROWS = 100


def _filters(request: HttpRequest) -> queries.ResolutionFilters:
    group = request.GET.get("stakeholder_group", "")
    outcome = request.GET.get("outcome", "")
    return queries.ResolutionFilters(
        paragraph=int_param(request, "paragraph"),
        stakeholder_group=group if group in StakeholderGroup.values else "",
        outcome=outcome if outcome in {*DispositionOutcome.values, "none"} else "",
    )


def _period_context(request: HttpRequest, period: CommentPeriod) -> dict[str, object]:
    document = period.version.document
    return {
        "period": period,
        "version": period.version,
        "document": document,
        "is_editor": bool(is_editor(request.user, document)),
        "progress": queries.disposition_progress(period),
    }


@require_safe
@permission_required(None, PERIOD)
def period_detail(request: HttpRequest, period: CommentPeriod) -> HttpResponse:
    filters = _filters(request)
    page = Paginator(queries.resolution_queryset(request.user, period, filters), ROWS).get_page(
        request.GET.get("page")
    )
    context = _period_context(request, period)
    context.update(
        {
            "page": page,
            "rows": queries.with_dispositions(request.user, period, list(page.object_list)),
            "filters": filters,
            "stakeholder_groups": StakeholderGroup.choices,
            "outcomes": DispositionOutcome.choices,
            "query": request.GET.urlencode(),
        }
    )
    return render(request, "consultations/period_detail.html", context)


@require_safe
@permission_required(None, PERIOD)
def resolution_export(request: HttpRequest, period: CommentPeriod, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "docx"):
        raise Http404
    rows = queries.resolution_rows(request.user, period, _filters(request))
    name = f"{period.version.document.slug}-v{period.version.number}-comments.{fmt}"
    if fmt == "csv":
        return download(exports.resolution_csv(rows), kind="csv", filename=name)
    return download(exports.resolution_docx(period, rows), kind="docx", filename=name)


@require_safe
@permission_required(None, PERIOD)
def statistics_view(request: HttpRequest, period: CommentPeriod) -> HttpResponse:
    comments = queries.period_comments_for_statistics(period)
    dimensions = []
    for dimension in statistics.dimensions(comments):
        rows = statistics.rows(dimension)
        dimensions.append(
            (dimension, list(zip(rows, statistics.bars(r.count for r in rows), strict=True)))
        )
    ranked = queries.most_commented(comments)
    for paragraph, _count in ranked:
        paragraph.version = period.version
    context = _period_context(request, period)
    context.update(
        {
            "total": len(comments),
            "commenters": len({c.author_id for c in comments}),
            "dimensions": dimensions,
            "most_commented": list(
                zip(ranked, statistics.bars(n for _p, n in ranked), strict=True)
            ),
            "suppress_below": statistics.SUPPRESS_BELOW,
        }
    )
    return render(request, "consultations/statistics.html", context)


@require_safe
@permission_required("consultations.dispose", PERIOD)
def worklist(request: HttpRequest, period: CommentPeriod) -> HttpResponse:
    show = "all" if request.GET.get("show") == "all" else "todo"
    filters = queries.ResolutionFilters(outcome="none" if show == "todo" else "")
    page = Paginator(queries.resolution_queryset(request.user, period, filters), ROWS).get_page(
        request.GET.get("page")
    )
    context = _period_context(request, period)
    context.update(
        {
            "page": page,
            "rows": queries.with_dispositions(request.user, period, list(page.object_list)),
            "show": show,
        }
    )
    return render(request, "consultations/dispositions.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("consultations.dispose", Load(queries.get_comment, viewer=True))
def disposition_edit(request: HttpRequest, comment: Comment) -> HttpResponse:
    period = comment.period
    if not comment.is_published or comment.parent_id is not None:
        raise Http404
    existing = getattr(comment, "disposition", None) if hasattr(comment, "disposition") else None
    initial = {}
    if existing is not None:
        initial = {
            "outcome": existing.outcome,
            "reason": existing.reason,
            "addressed_in": existing.addressed_in_id,
        }
    paragraphs = queries.later_paragraphs(period.version)
    form = DispositionForm(request.POST or None, paragraphs=paragraphs, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            addressed = next((p for p in paragraphs if p.pk == data["addressed_in"]), None)
            try:
                services.record_disposition(
                    by=user_of(request),
                    comment=comment,
                    outcome=data["outcome"],
                    reason=data["reason"],
                    addressed_in=addressed,
                )
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("The disposition is saved."))
                following = (
                    queries.resolution_queryset(
                        request.user, period, queries.ResolutionFilters(outcome="none")
                    )
                    .values_list("pk", flat=True)
                    .first()
                )
                if following is not None:
                    return redirect("consultations:disposition", pk=following)
                return redirect("consultations:dispositions", pk=period.pk)
    queries.attribute([comment], request.user)
    return render(
        request,
        "consultations/disposition_form.html",
        {
            **_period_context(request, period),
            "form": form,
            "comment": comment,
            "existing": existing,
        },
        status=status,
    )


@require_POST
@permission_required("consultations.dispose", PERIOD)
def dispositions_publish(request: HttpRequest, period: CommentPeriod) -> HttpResponse:
    count = services.publish_dispositions(by=user_of(request), period=period)
    if count:
        messages.success(
            request,
            ngettext(
                "%(count)s disposition is published; its commenter is told by e-mail.",
                "%(count)s dispositions are published; each commenter is told by e-mail.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.info(request, _("There was no new disposition to publish."))
    return redirect("consultations:period", pk=period.pk)
