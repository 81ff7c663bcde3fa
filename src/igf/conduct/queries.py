"""Reads of the code of conduct: its versions and texts, reports for the officers, and the
hook other apps consult to leave hidden content out."""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from igf.conduct.enums import Outcome, ReportStatus
from igf.conduct.models import Action, Code, CodeText, Report

# The kinds of thing a concern may be reported about ("app_label.model").
REPORTABLE = frozenset(
    {
        "people.person",
        "consultations.comment",
        "opinions.statement",
        "meetings.writteninput",
        "meetings.meeting",
        "programme.session",
    }
)


# The kinds whose lists consult `hidden_ids`, so an officer's "content hidden" really hides.
HIDEABLE = frozenset({"consultations.comment", "opinions.statement", "meetings.writteninput"})


def published_codes() -> models.QuerySet[Code]:
    return Code.objects.filter(published__lte=timezone.now()).prefetch_related("texts")


def get_code(version: int) -> Code:
    """A published version of the code, or 404."""
    return get_object_or_404(published_codes(), version=version)


def text_of(code: Code, language: str) -> CodeText | None:
    """The code's text in `language`, else in English, else any."""
    texts = {text.language: text for text in code.texts.all()}
    return texts.get(language) or texts.get("en") or next(iter(texts.values()), None)


def hidden_ids(model: type[models.Model]) -> models.QuerySet[Action, int | None]:
    """The ids of `model`'s rows a conduct officer hid: `.exclude(pk__in=hidden_ids(M))`."""
    # Matched on the content type's names, in the subquery: no extra query, nothing cached.
    meta = model._meta
    return Action.objects.filter(
        outcome=Outcome.HIDDEN,
        report__subject_type__app_label=meta.app_label,
        report__subject_type__model=meta.model_name,
    ).values_list("report__subject_id", flat=True)


def is_hidden(subject: models.Model) -> bool:
    return hidden_ids(type(subject)).filter(report__subject_id=subject.pk).exists()


def get_reportable(kind: str, object_id: int) -> models.Model:
    """The content or profile a concern is reported about ("app_label.model" and its id), or
    404 for anything else."""
    if kind not in REPORTABLE:
        raise Http404
    model: type[models.Model] = apps.get_model(kind)
    subject: models.Model = get_object_or_404(model._default_manager.all(), pk=object_id)
    return subject


def reportable_kind(subject: models.Model) -> str:
    return f"{subject._meta.app_label}.{subject._meta.model_name}"


def reports_for_officers(status: str = "") -> models.QuerySet[Report]:
    reports = Report.objects.select_related(
        "reporter", "reported_person", "subject_type"
    ).prefetch_related(Prefetch("actions", queryset=Action.objects.select_related("by")))
    if status in ReportStatus.values:
        reports = reports.filter(status=status)
    return reports


def get_report(pk: int) -> Report:
    """A report, or 404 (the permission on the view keeps it to the conduct officers)."""
    return get_object_or_404(reports_for_officers(), pk=pk)
