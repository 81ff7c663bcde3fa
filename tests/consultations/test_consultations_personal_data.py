"""A person's comments and contributions in their data export; after erasure they stay,
attributed to "former participant", without the country and group they were posted with."""

from __future__ import annotations

from igf.consultations import services
from igf.consultations.models import Comment, Flag, Question
from igf.people import services as people_services
from igf.people.models import User
from tests.consultations import factories as f
from tests.factories import person_of


def test_export_lists_comments_flags_and_contributions(
    secretariat: User, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    f.old_account(participant)
    doc = f.document(by=secretariat)
    period = f.open_period(by=secretariat, doc=doc)
    comment = f.comment(by=participant, period=period, text="My view.", anonymous=True)
    other = f.comment(by=secretariat, period=period, text="Staff view.")
    services.flag_comment(by=participant, comment=other, reason="off_topic")
    questionnaire = f.questionnaire(by=secretariat)
    question = Question.objects.filter(section__questionnaire=questionnaire).first()
    assert question is not None
    services.submit_contribution(
        by=participant, questionnaire=questionnaire, answers={question.pk: "My answer."}
    )
    data = login(participant).get("/me/data.json").json()["consultations"]
    assert data["comments"][0]["text"] == "My view."
    assert data["comments"][0]["anonymous_to_the_public"] is True
    assert data["comments"][0]["paragraph"] == 1
    assert data["flags"][0]["comment"] == other.pk
    assert data["contributions"][0]["answers"] == [
        {"question": question.text, "answer": "My answer."}
    ]
    assert comment.pk not in [c["in_reply_to"] for c in data["comments"]]


def test_erasure_keeps_comments_attributed_to_a_former_participant(
    secretariat: User, participant: User, other_participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    f.old_account(participant)
    doc = f.document(by=secretariat)
    period = f.open_period(by=secretariat, doc=doc)
    comment = f.comment(
        by=participant,
        period=period,
        text="Words that stay.",
        stakeholder_group="civil_society",
        country=person_of(secretariat).country,
    )
    other = f.comment(by=secretariat, period=period, text="Another.")
    services.flag_comment(by=participant, comment=other, reason="spam")
    people_services.erase_account(by=participant, person=person_of(participant))
    stored = Comment.objects.get(pk=comment.pk)
    assert (stored.text, stored.stakeholder_group, stored.country_id) == (
        "Words that stay.",
        "",
        None,
    )
    assert Flag.objects.count() == 0
    page = login(other_participant).get(comment.paragraph.get_absolute_url()).content.decode()  # type: ignore[union-attr]
    assert "Words that stay." in page
    assert "former participant" in page
    assert "Amina Participant" not in page
