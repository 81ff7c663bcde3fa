"""Questionnaires and the chair's compilation: contributions by deadline, confidentiality,
points traced to contributors by numbered footnotes, and the compilation put to comment."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from igf.consultations import services
from igf.consultations.models import Contribution, Question, Questionnaire
from igf.people.models import User
from tests.consultations import factories as f
from tests.factories import AffiliationFactory, OrganizationFactory, UserFactory, person_of


def answers_for(questionnaire: Questionnaire, text: str) -> dict[str, str]:
    questions = Question.objects.filter(section__questionnaire=questionnaire)
    return {f"q{q.pk}": f"{text} ({q.position})" for q in questions}


def test_outline_becomes_sections_and_questions(secretariat: User) -> None:
    questionnaire = f.questionnaire(by=secretariat)
    sections = [
        (s.title, [q.text for q in s.questions.order_by("position")])
        for s in questionnaire.sections.order_by("position")
    ]
    assert sections == [
        (
            "Format of the meetings",
            [
                "How should the main sessions be organised?",
                "What should change in the length of the meeting?",
            ],
        ),
        ("Outcomes", ["Should the forum produce messages?", "Who should draft them?"]),
    ]


def test_contribution_as_oneself_and_for_an_organisation(
    secretariat: User, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    questionnaire = f.questionnaire(by=secretariat)
    organisation = OrganizationFactory.create(name="Internet Society Kenya")
    AffiliationFactory.create(person=person_of(participant), organization=organisation)
    client = login(participant)
    url = f"/consultations/q/{questionnaire.slug}/contribute/"
    assert client.post(url, answers_for(questionnaire, "Mine")).status_code == 302
    data = {**answers_for(questionnaire, "Ours"), "on_behalf_of": organisation.pk}
    assert client.post(url, data).status_code == 302
    assert list(
        Contribution.objects.order_by("number").values_list("number", "on_behalf_of__name")
    ) == [(1, None), (2, "Internet Society Kenya")]
    changed = client.post(url, {**answers_for(questionnaire, "Mine, revised")})
    assert changed.status_code == 302
    assert Contribution.objects.count() == 2
    first = Contribution.objects.get(number=1)
    assert first.answers.get(question__position=1, question__section__position=1).text == (
        "Mine, revised (1)"
    )


def test_empty_contribution_is_refused(secretariat: User, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    questionnaire = f.questionnaire(by=secretariat)
    response = login(participant).post(
        f"/consultations/q/{questionnaire.slug}/contribute/", {"website": ""}
    )
    assert response.status_code == 400
    assert "Answer at least one question." in response.content.decode()


def test_deadline_is_enforced_to_the_second(secretariat: User, participant: User) -> None:
    questionnaire = f.questionnaire(by=secretariat)
    question = Question.objects.filter(section__questionnaire=questionnaire).first()
    assert question is not None
    with (
        time_machine.travel(questionnaire.deadline, tick=False),
        pytest.raises(services.ConsultationError, match="deadline has passed"),
    ):
        services.submit_contribution(
            by=participant, questionnaire=questionnaire, answers={question.pk: "Late."}
        )


def test_only_invited_people_contribute_to_a_closed_questionnaire(
    secretariat: User,
    participant: User,
    other_participant: User,
    login,
    django_capture_on_commit_callbacks,
) -> None:  # type: ignore[no-untyped-def]
    questionnaire = f.questionnaire(by=secretariat, publish=False)
    questionnaire.open_to_all = False
    questionnaire.save(update_fields=["open_to_all"])
    services.publish_questionnaire(by=secretariat, questionnaire=questionnaire)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        response = login(secretariat).post(
            f"/consultations/q/{questionnaire.slug}/invite/", {"emails": participant.email}
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "You are invited to contribute" in mail.outbox[0].body
    url = f"/consultations/q/{questionnaire.slug}/contribute/"
    assert login(participant).get(url).status_code == 200
    assert login(other_participant).get(url).status_code == 403
    unknown = login(secretariat).post(
        f"/consultations/q/{questionnaire.slug}/invite/", {"emails": "nobody@example.org"}
    )
    assert "No account uses these addresses: nobody@example.org" in unknown.content.decode()


def test_contributions_are_published_after_the_deadline_unless_confidential(
    secretariat: User, participant: User, other_participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    questionnaire = f.questionnaire(by=secretariat)
    url = f"/consultations/q/{questionnaire.slug}/contribute/"
    login(participant).post(url, answers_for(questionnaire, "Open answer"))
    login(other_participant).post(
        url, {**answers_for(questionnaire, "Secret answer"), "confidential": "on"}
    )
    listing = f"/consultations/q/{questionnaire.slug}/contributions/"
    before = login(None).get(listing).content.decode()
    assert "Open answer" not in before
    own = login(participant).get(listing).content.decode()
    assert "Open answer" in own
    assert "Secret answer" not in own
    Questionnaire.objects.filter(pk=questionnaire.pk).update(
        deadline=timezone.now() - timedelta(minutes=1)
    )
    after = login(None).get(listing).content.decode()
    assert "Open answer" in after
    assert "Secret answer" not in after
    assert "Secret answer" in login(secretariat).get(listing).content.decode()


@pytest.fixture
def closed_questionnaire(secretariat: User) -> Questionnaire:
    questionnaire = f.questionnaire(by=secretariat)
    organisation = OrganizationFactory.create(name="Digital Rights Nairobi")
    people = [UserFactory.create(display_name=n) for n in ("Lina", "Omar", "Ines")]
    AffiliationFactory.create(person=person_of(people[1]), organization=organisation)
    questions = list(Question.objects.filter(section__questionnaire=questionnaire))
    for index, person in enumerate(people):
        services.submit_contribution(
            by=person,
            questionnaire=questionnaire,
            answers={q.pk: f"Answer {index} to {q.pk}" for q in questions},
            on_behalf_of=organisation if index == 1 else None,
            confidential=index == 2,
        )
    Questionnaire.objects.filter(pk=questionnaire.pk).update(
        deadline=timezone.now() - timedelta(minutes=1)
    )
    questionnaire.refresh_from_db()
    return questionnaire


def test_compilation_traces_points_to_contributors_by_footnote(
    closed_questionnaire: Questionnaire, secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    questionnaire = closed_questionnaire
    first, second = questionnaire.sections.order_by("position")
    contributions = list(questionnaire.contributions.order_by("number"))
    client = login(secretariat)
    url = f"/consultations/q/{questionnaire.slug}/compilation/edit/"
    response = client.post(
        url,
        {
            "section": first.pk,
            "text": "Several contributors stressed that meetings should stay open.",
            "contributions": [contributions[0].pk, contributions[1].pk, contributions[2].pk],
        },
    )
    assert response.status_code == 302
    client.post(
        url,
        {"section": second.pk, "text": "One contributor asked for messages.",
         "contributions": [contributions[0].pk]},
    )  # fmt: skip
    workspace = client.get(url).content.decode()
    outcomes = workspace.split("2. Outcomes", 1)[1]
    assert "Contribution 2 (Digital Rights Nairobi)" in outcomes  # not yet cited there
    assert "Contribution 1 (Lina)" not in outcomes
    publish = client.post(f"/consultations/q/{questionnaire.slug}/compilation/publish/")
    assert publish.status_code == 302
    page = login(None).get(f"/consultations/q/{questionnaire.slug}/compilation/").content.decode()
    assert "I. Format of the meetings" in page
    assert '<a href="#note-1" id="ref-1"' in page
    notes = page.split('id="notes-heading"', 1)[1]
    assert "Lina; Digital Rights Nairobi; a contributor who asked for confidentiality." in notes
    assert "Ines" not in page
    assert '<li id="note-2" value="2">Lina.' in notes


def test_compilation_becomes_a_document_for_comment(
    closed_questionnaire: Questionnaire, secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    questionnaire = closed_questionnaire
    section = questionnaire.sections.order_by("position").first()
    assert section is not None
    services.save_point(
        by=secretariat,
        questionnaire=questionnaire,
        section=section,
        text="Meetings should stay open.",
        contributions=questionnaire.contributions.all(),
    )
    services.publish_compilation(by=secretariat, questionnaire=questionnaire)
    response = login(secretariat).post(
        f"/consultations/q/{questionnaire.slug}/compilation/document/"
    )
    assert response.status_code == 302
    questionnaire.compilation.refresh_from_db()
    document = questionnaire.compilation.document
    assert document is not None
    assert document.kind == "compilation"
    text = document.versions.get().text
    assert "## I. Format of the meetings" in text
    assert "Meetings should stay open.<sup>1</sup>" in text
    assert "<sup>1</sup> Lina; Digital Rights Nairobi; a contributor who asked" in text
    kinds = list(document.versions.get().paragraphs.values_list("kind", flat=True))
    assert kinds == ["heading", "paragraph", "heading", "note"]


def test_compilation_cannot_be_published_before_the_deadline(secretariat: User) -> None:
    questionnaire = f.questionnaire(by=secretariat)
    with pytest.raises(services.ConsultationError, match="after the deadline"):
        services.publish_compilation(by=secretariat, questionnaire=questionnaire)


def test_questions_cannot_change_once_answered(secretariat: User, participant: User) -> None:
    questionnaire = f.questionnaire(by=secretariat)
    question = Question.objects.filter(section__questionnaire=questionnaire).first()
    assert question is not None
    services.submit_contribution(
        by=participant, questionnaire=questionnaire, answers={question.pk: "Yes."}
    )
    with pytest.raises(services.ConsultationError, match="can no longer change"):
        services.update_questionnaire(
            by=secretariat,
            questionnaire=questionnaire,
            title=questionnaire.title,
            deadline=questionnaire.deadline,
            introduction="",
            open_to_all=True,
            questions="## New\n\nA different question?",
        )
