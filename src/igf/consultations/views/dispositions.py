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
from igf.consultations.enums import CommentStatus, DispositionOutcome
from igf.consultations.forms import DispositionForm
from igf.consultations.models import CommentPeriod
from igf.consultations.rules import is_editor
from igf.consultations.views.common import (
    download,
    int_param,
    refuse,
    require,
    signed_in_view,
    user_of,
)
from igf.core.enums import StakeholderGroup

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
def period_detail(request: HttpRequest, pk: int) -> HttpResponse:
    period = queries.get_period(request.user, pk)
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
def resolution_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "docx"):
        raise Http404
    period = queries.get_period(request.user, pk)
    rows = queries.resolution_rows(request.user, period, _filters(request))
    name = f"{period.version.document.slug}-v{period.version.number}-comments.{fmt}"
    if fmt == "csv":
        return download(exports.resolution_csv(rows), kind="csv", filename=name)
    return download(exports.resolution_docx(period, rows), kind="docx", filename=name)


@require_safe
def statistics_view(request: HttpRequest, pk: int) -> HttpResponse:
    period = queries.get_period(request.user, pk)
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
@signed_in_view
def worklist(request: HttpRequest, pk: int) -> HttpResponse:
    period = queries.get_period(request.user, pk)
    require(request, "consultations.dispose", period)
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
@signed_in_view
def disposition_edit(request: HttpRequest, pk: int) -> HttpResponse:
    comment = queries.get_comment(request.user, pk)
    period = comment.period
    require(request, "consultations.dispose", period)
    if comment.status != CommentStatus.PUBLISHED or comment.parent_id is not None:
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
            except services.ConsultationError as error:
                refuse(form, error)
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
@signed_in_view
def dispositions_publish(request: HttpRequest, pk: int) -> HttpResponse:
    period = queries.get_period(request.user, pk)
    require(request, "consultations.dispose", period)
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
