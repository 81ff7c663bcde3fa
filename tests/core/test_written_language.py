"""What participants write is shown as written, marked with the language they name (default:
the page's), isolated for direction; titles inside translated sentences sit in <bdi>."""

from __future__ import annotations

import pytest
from django.test import Client

from igf.consultations.models import Comment
from igf.core.errors import Invalid
from igf.opinions import services as opinions
from igf.opinions.models import Statement
from igf.people.models import User
from tests.conftest import client_for
from tests.consultations import factories as consultations
from tests.opinions.factories import ConversationFactory, StatementFactory

pytestmark = pytest.mark.django_db


def in_language(user: User | None, language: str) -> Client:
    client = client_for(user)
    client.cookies["django_language"] = language
    return client


@pytest.fixture
def paragraph(secretariat: User, participant: User):  # type: ignore[no-untyped-def]
    consultations.old_account(participant)
    doc = consultations.document(by=secretariat, title="Draft output on AI governance")
    consultations.open_period(by=secretariat, doc=doc)
    return consultations.version(doc).paragraphs.get(number=1)


def comment_form(**values: str) -> dict[str, str]:
    return {"text": "Il faut citer les initiatives nationales.", "website": "", **values}


def test_comment_keeps_the_language_its_author_names(paragraph, participant: User) -> None:  # type: ignore[no-untyped-def]
    url = paragraph.get_absolute_url()
    response = in_language(participant, "ar").post(url, comment_form(language="fr"))
    assert response.status_code == 302
    assert Comment.objects.get().language == "fr"
    html = in_language(None, "ar").get(url).content.decode()
    assert '<div class="prose" lang="fr" dir="auto"><p>Il faut citer' in html


def test_comment_without_a_language_is_in_the_pages(paragraph, participant: User) -> None:  # type: ignore[no-untyped-def]
    url = paragraph.get_absolute_url()
    in_language(participant, "zh-hans").post(url, comment_form(text="应当提到各国的倡议。"))
    assert Comment.objects.get().language == "zh-hans"
    html = in_language(None, "en").get(url).content.decode()
    assert '<div class="prose" lang="zh-Hans" dir="auto">' in html


def test_comment_form_offers_the_six_languages_with_the_pages_chosen(  # type: ignore[no-untyped-def]
    paragraph, participant: User
) -> None:
    html = in_language(participant, "ru").get(paragraph.get_absolute_url()).content.decode()
    assert '<option value="ru" selected>Русский</option>' in html
    assert '<option value="ar">العربيّة</option>' in html
    assert "Язык, на котором вы пишете" in html


def test_english_title_in_an_arabic_sentence_is_isolated(paragraph) -> None:  # type: ignore[no-untyped-def]
    html = in_language(None, "ar").get(paragraph.get_absolute_url()).content.decode()
    assert "<bdi>Draft output on AI governance</bdi>" in html


def test_statement_is_marked_with_its_own_language(participant: User) -> None:
    conversation = ConversationFactory.create(language="en")
    seeded = StatementFactory.create(conversation=conversation, text="Open standards first.")
    Statement.objects.filter(pk=seeded.pk).update(language="en")
    client = in_language(participant, "ar")
    response = client.post(
        f"{conversation.get_absolute_url()}statements/",
        {"text": "Los datos abiertos ayudan a las pequeñas empresas.", "language": "es"},
    )
    assert response.status_code == 302
    written = Statement.objects.get(text__startswith="Los datos")
    assert written.language == "es"
    html = client.get(conversation.get_absolute_url()).content.decode()
    assert '<p class="statement-text" lang="en" dir="auto">Open standards first.</p>' in html


def test_seeded_statements_take_the_conversations_language(secretariat: User) -> None:
    conversation = ConversationFactory.create(language="fr")
    statement = opinions.add_statement(
        by=secretariat, conversation=conversation, text="Les normes ouvertes d'abord.", seed=True
    )
    assert statement.language == "fr"


def test_a_language_outside_the_six_is_refused(secretariat: User) -> None:
    conversation = ConversationFactory.create(language="fr")
    with pytest.raises(Invalid):
        opinions.add_statement(
            by=secretariat, conversation=conversation, text="Texte.", seed=True, language="xx"
        )
