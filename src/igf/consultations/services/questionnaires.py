"""Questionnaires: their questions, publishing, invitations and contributions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from igf.bodies.models import Body
from igf.consultations import blocks as blockmod
from igf.consultations.enums import QuestionnaireStatus
from igf.consultations.models import (
    Answer,
    Contribution,
    Invitation,
    Question,
    Questionnaire,
    QuestionnaireSection,
)
from igf.consultations.queries import questions_outline
from igf.consultations.services.common import (
    MAX_TEXT,
    ConsultationError,
    check_belongs,
    unique_slug,
)
from igf.core.activity import record_activity
from igf.core.links import site_url
from igf.core.notify import notify
from igf.people.models import Organization, Person, User


def parse_questions(text: str) -> list[tuple[str, list[str]]]:
    """Sections and their questions from a simple Markdown outline.

    A heading starts a section; every other paragraph, and every item of a list, is a
    question. Questions before the first heading go into an untitled first section.
    """
    sections: list[tuple[str, list[str]]] = []
    for block in blockmod.split_blocks(text):
        if block.kind == blockmod.HEADING:
            sections.append((block.text.lstrip("#").strip(), []))
            continue
        if not sections:
            sections.append(("", []))
        if block.kind == blockmod.LIST:
            items: list[str] = []
            for line in block.text.split("\n"):
                if blockmod._LIST_ITEM.match(line):
                    items.append(blockmod._LIST_ITEM.sub("", line, count=1).strip())
                elif items:
                    items[-1] += " " + line.strip()
            sections[-1][1].extend(item for item in items if item)
        else:
            sections[-1][1].append(block.text.strip())
    return [(title, questions) for title, questions in sections if questions]


def _replace_questions(questionnaire: Questionnaire, outline: str) -> None:
    sections = parse_questions(outline)
    if not sections:
        raise ConsultationError(_("Write at least one question."), field="questions")
    questionnaire.sections.all().delete()
    for position, (title, questions) in enumerate(sections, start=1):
        section = QuestionnaireSection.objects.create(
            questionnaire=questionnaire, title=title[:300], position=position
        )
        Question.objects.bulk_create(
            Question(section=section, text=text, position=index)
            for index, text in enumerate(questions, start=1)
        )


@transaction.atomic
def create_questionnaire(
    *,
    by: User,
    title: str,
    body: Body | None,
    deadline: datetime,
    questions: str,
    introduction: str = "",
    language: str = "en",
    open_to_all: bool = True,
) -> Questionnaire:
    """Draft a questionnaire (not public until published). Side effects: activity entry."""
    questionnaire = Questionnaire.objects.create(
        body=body,
        title=title.strip()[:300],
        slug=unique_slug(Questionnaire, title),
        introduction=introduction,
        language=language,
        deadline=deadline,
        open_to_all=open_to_all,
        created_by=by,
    )
    _replace_questions(questionnaire, questions)
    record_activity(by=by, verb="consultations.questionnaire_created", target=questionnaire)
    return questionnaire


@transaction.atomic
def update_questionnaire(
    *,
    by: User,
    questionnaire: Questionnaire,
    title: str,
    deadline: datetime,
    introduction: str,
    open_to_all: bool,
    questions: str | None = None,
) -> Questionnaire:
    """Change a questionnaire; its questions only while nobody has answered them.

    Side effects: one activity entry.
    """
    if questions is not None and questions.strip() != questions_outline(questionnaire).strip():
        if questionnaire.contributions.exists():
            raise ConsultationError(
                _("People have already answered; the questions can no longer change."),
                field="questions",
            )
        _replace_questions(questionnaire, questions)
    questionnaire.title = title.strip()[:300]
    questionnaire.deadline = deadline
    questionnaire.introduction = introduction
    questionnaire.open_to_all = open_to_all
    questionnaire.save(update_fields=["title", "deadline", "introduction", "open_to_all"])
    record_activity(by=by, verb="consultations.questionnaire_updated", target=questionnaire)
    return questionnaire


@transaction.atomic
def publish_questionnaire(*, by: User, questionnaire: Questionnaire) -> Questionnaire:
    """Publish a questionnaire so people can contribute. Side effects: public activity entry."""
    if questionnaire.status == QuestionnaireStatus.PUBLISHED:
        return questionnaire
    if questionnaire.deadline <= timezone.now():
        raise ConsultationError(_("The deadline has passed; set a later one first."))
    questionnaire.status = QuestionnaireStatus.PUBLISHED
    questionnaire.published_at = timezone.now()
    questionnaire.save(update_fields=["status", "published_at"])
    record_activity(
        by=by, verb="consultations.questionnaire_published", target=questionnaire, public=True
    )
    return questionnaire


@transaction.atomic
def invite(*, by: User, questionnaire: Questionnaire, people: Iterable[Person]) -> int:
    """Invite people to contribute; return how many were newly invited.

    Side effects: each new invitee is e-mailed (after commit) if the questionnaire is
    published; one private activity entry.
    """
    existing = set(questionnaire.invitations.values_list("person_id", flat=True))
    new = [p for p in dict.fromkeys(people) if p.pk not in existing and p.erased is None]
    Invitation.objects.bulk_create(Invitation(questionnaire=questionnaire, person=p) for p in new)
    if questionnaire.status == QuestionnaireStatus.PUBLISHED:
        for person in new:
            notify(
                person,
                "consultations/email/invitation",
                {
                    "questionnaire": questionnaire,
                    "url": site_url(questionnaire.get_absolute_url()),
                },
            )
    if new:
        record_activity(
            by=by,
            verb="consultations.people_invited",
            target=questionnaire,
            data={"count": len(new)},
        )
    return len(new)


@transaction.atomic
def submit_contribution(
    *,
    by: User,
    questionnaire: Questionnaire,
    answers: Mapping[int, str],
    on_behalf_of: Organization | None = None,
    confidential: bool = False,
) -> Contribution:
    """Submit (or, before the deadline, change) one's contribution to a questionnaire.

    The deadline is checked at the moment of submission. Side effects: one private activity
    entry.
    """
    locked = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    if not locked.is_open(timezone.now()):
        raise ConsultationError(_("This questionnaire is closed; the deadline has passed."))
    person = by.person
    if not locked.open_to_all and not locked.invitations.filter(person=person).exists():
        raise ConsultationError(_("Only invited people may contribute to this questionnaire."))
    check_belongs(person, on_behalf_of)
    questions = {q.pk: q for q in Question.objects.filter(section__questionnaire=locked)}
    cleaned = {
        pk: blockmod.clean_text(text).strip()[:MAX_TEXT]
        for pk, text in answers.items()
        if pk in questions and text and text.strip()
    }
    if not cleaned:
        raise ConsultationError(_("Answer at least one question."))
    now = timezone.now()
    contribution = Contribution.objects.filter(
        questionnaire=locked, contributor=person, on_behalf_of=on_behalf_of
    ).first()
    if contribution is None:
        number = (locked.contributions.aggregate(top=Max("number"))["top"] or 0) + 1
        contribution = Contribution.objects.create(
            questionnaire=locked,
            number=number,
            contributor=person,
            on_behalf_of=on_behalf_of,
            confidential=confidential,
            submitted=now,
            updated=now,
        )
    else:
        contribution.confidential = confidential
        contribution.updated = now
        contribution.save(update_fields=["confidential", "updated"])
        contribution.answers.exclude(question_id__in=cleaned).delete()
    for question_id, text in cleaned.items():
        Answer.objects.update_or_create(
            contribution=contribution, question_id=question_id, defaults={"text": text}
        )
    record_activity(by=by, verb="consultations.contribution_submitted", target=locked)
    return contribution
