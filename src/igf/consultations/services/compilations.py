"""The chair's compilation of a questionnaire's contributions: points with their citations,
publishing, and turning it into a document for comment."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from igf.consultations import blocks as blockmod
from igf.consultations.enums import CompilationStatus, DocumentKind
from igf.consultations.models import (
    Compilation,
    CompilationPoint,
    Contribution,
    Document,
    Questionnaire,
    QuestionnaireSection,
)
from igf.consultations.services.common import ConsultationError
from igf.consultations.services.documents import create_document
from igf.core.activity import record_activity
from igf.people.models import User


def _compilation(questionnaire: Questionnaire) -> Compilation:
    compilation, _created = Compilation.objects.get_or_create(questionnaire=questionnaire)
    return compilation


def _check_citations(
    compilation: Compilation, contributions: Iterable[Contribution]
) -> list[Contribution]:
    cited = list(contributions)
    if any(c.questionnaire_id != compilation.questionnaire_id for c in cited):
        raise ConsultationError(
            _("Cite only contributions to this questionnaire."), field="contributions"
        )
    return cited


@transaction.atomic
def save_compilation(*, by: User, questionnaire: Questionnaire, introduction: str) -> Compilation:
    """Write the compilation's introduction. Side effects: activity entry."""
    compilation = _compilation(questionnaire)
    compilation.introduction = introduction
    compilation.save(update_fields=["introduction"])
    record_activity(by=by, verb="consultations.compilation_saved", target=questionnaire)
    return compilation


@transaction.atomic
def save_point(
    *,
    by: User,
    questionnaire: Questionnaire,
    section: QuestionnaireSection,
    text: str,
    contributions: Iterable[Contribution],
    point: CompilationPoint | None = None,
    position: int | None = None,
) -> CompilationPoint:
    """Add (or change) a point of the compilation and the contributions that support it.

    Side effects: the point's history (citations included) is kept; one activity entry.
    """
    compilation = _compilation(questionnaire)
    if section.questionnaire_id != questionnaire.pk:
        raise ConsultationError(_("Choose a section of this questionnaire."), field="section")
    text = blockmod.clean_text(text or "").strip()
    if not text:
        raise ConsultationError(_("Write the point."), field="text")
    cited = _check_citations(compilation, contributions)
    if point is None:
        top = compilation.points.filter(section=section).aggregate(top=Max("position"))["top"]
        point = CompilationPoint.objects.create(
            compilation=compilation,
            section=section,
            text=text,
            position=position or (top or 0) + 1,
        )
    else:
        if point.compilation_id != compilation.pk:
            raise ConsultationError(_("This point belongs to another compilation."))
        point.section = section
        point.text = text
        if position is not None:
            point.position = position
        point.save(update_fields=["section", "text", "position"])
    point.contributions.set(cited)
    record_activity(by=by, verb="consultations.compilation_saved", target=questionnaire)
    return point


@transaction.atomic
def delete_point(*, by: User, point: CompilationPoint) -> None:
    """Remove a point from the compilation. Side effects: activity entry (history kept)."""
    questionnaire = point.compilation.questionnaire
    point.delete()
    record_activity(by=by, verb="consultations.compilation_saved", target=questionnaire)


@transaction.atomic
def publish_compilation(*, by: User, questionnaire: Questionnaire) -> Compilation:
    """Publish the compilation after the deadline. Side effects: public activity entry."""
    if not questionnaire.has_closed(timezone.now()):
        raise ConsultationError(_("The compilation can be published after the deadline."))
    compilation = _compilation(questionnaire)
    if not compilation.points.exists():
        raise ConsultationError(_("The compilation has no points yet."))
    if compilation.status != CompilationStatus.PUBLISHED:
        compilation.status = CompilationStatus.PUBLISHED
        compilation.published_at = timezone.now()
        compilation.save(update_fields=["status", "published_at"])
        record_activity(
            by=by, verb="consultations.compilation_published", target=questionnaire, public=True
        )
    return compilation


@transaction.atomic
def compilation_to_document(*, by: User, questionnaire: Questionnaire) -> Document:
    """Turn the published compilation into a document, so it can go out for comment.

    Side effects: a document with a draft first version (the compilation as Markdown, with
    numbered footnotes naming the contributors); activity entries.
    """
    from igf.consultations.compiling import compilation_markdown  # noqa: PLC0415

    compilation = _compilation(questionnaire)
    if compilation.status != CompilationStatus.PUBLISHED:
        raise ConsultationError(_("Publish the compilation first."))
    if compilation.document_id is not None:
        raise ConsultationError(_("The compilation is already a document."))
    with translation.override(questionnaire.language):
        title = str(_("Compilation of contributions: %(title)s") % {"title": questionnaire.title})
        text = compilation_markdown(compilation)
    body = questionnaire.body
    if body is not None and not body.type.may_publish_for_comment:
        body = None
    document = create_document(
        by=by,
        title=title,
        kind=DocumentKind.COMPILATION,
        language=questionnaire.language,
        body=body,
        text=text,
    )
    compilation.document = document
    compilation.save(update_fields=["document"])
    return document
