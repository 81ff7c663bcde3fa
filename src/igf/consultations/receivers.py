"""What the consultations app does when something happens in a lower app."""

from __future__ import annotations

from typing import Any

from igf.people.models import Person


def scrub_erased_person(*, person: Person, **kwargs: Any) -> None:
    """people.signals.person_erased: comments stay, attributed to "former participant"."""
    from igf.consultations.services import scrub_person  # noqa: PLC0415

    scrub_person(person)


def export_section(person: Person) -> dict[str, Any]:
    """The person's comments, flags and contributions, for their data export."""
    from igf.consultations.models import Comment, Contribution, Flag  # noqa: PLC0415

    comments = Comment.objects.filter(author=person).select_related(
        "period__version__document", "paragraph", "on_behalf_of", "disposition"
    )
    return {
        "comments": [
            {
                "document": c.period.version.document.title,
                "version": c.period.version.number,
                "paragraph": c.paragraph.number if c.paragraph is not None else None,
                "passage": c.passage,
                "text": c.text,
                "file": c.file_name,
                "in_reply_to": c.parent_id,
                "on_behalf_of": c.on_behalf_of.name if c.on_behalf_of is not None else None,
                "anonymous_to_the_public": c.anonymous,
                "stakeholder_group": c.stakeholder_group,
                "country": c.country_id,
                "status": c.status,
                "posted": c.created.isoformat(),
                "disposition": (
                    {"outcome": c.disposition.outcome, "reason": c.disposition.reason}
                    if hasattr(c, "disposition") and c.disposition.published_at
                    else None
                ),
            }
            for c in comments.order_by("created", "pk")
        ],
        "flags": [
            {
                "comment": f.comment_id,
                "reason": f.reason,
                "note": f.note,
                "when": f.created.isoformat(),
            }
            for f in Flag.objects.filter(flagged_by=person).order_by("created", "pk")
        ],
        "contributions": [
            {
                "questionnaire": c.questionnaire.title,
                "number": c.number,
                "on_behalf_of": c.on_behalf_of.name if c.on_behalf_of is not None else None,
                "confidential": c.confidential,
                "submitted": c.submitted.isoformat(),
                "answers": [
                    {"question": a.question.text, "answer": a.text}
                    for a in c.answers.select_related("question").order_by("question__position")
                ],
            }
            for c in Contribution.objects.filter(contributor=person)
            .select_related("questionnaire", "on_behalf_of")
            .order_by("submitted", "pk")
        ],
    }
