"""Conversations shown on the pages of what they belong to (a body, an annual meeting, a
session, a document), and the secretariat attaching them there from the site."""

from __future__ import annotations

from typing import Any

import pytest

from igf.opinions import services
from igf.opinions.models import Conversation
from igf.people.models import User
from tests.bodies.factories import BodyFactory
from tests.consultations import factories as documents
from tests.opinions.factories import ConversationFactory
from tests.programme.factories import MeetingFactory, SessionFactory


def _attached(owner: Any, title: str) -> Conversation:
    conversation = ConversationFactory.create(title=title)
    services.attach_conversation(by=None, conversation=conversation, owner=owner)
    return conversation


def test_a_bodys_conversations_show_on_its_page(client, db) -> None:  # type: ignore[no-untyped-def]
    body = BodyFactory.create()
    _attached(body, "What should the coalition study next?")
    ConversationFactory.create(title="Someone else's conversation")
    page = client.get(body.get_absolute_url()).content.decode()
    assert "What should the coalition study next?" in page
    assert "Someone else&#x27;s conversation" not in page


def test_a_documents_conversations_show_on_its_page(secretariat: User, client) -> None:  # type: ignore[no-untyped-def]
    document = documents.document(by=secretariat)
    _attached(document, "Is the draft's scope right?")
    page = client.get(document.get_absolute_url()).content.decode()
    assert "Is the draft&#x27;s scope right?" in page


def test_a_session_and_an_annual_meeting_show_their_conversations(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    meeting = MeetingFactory.create()
    session = SessionFactory.create(meeting=meeting)
    _attached(session, "Which outcome matters most for this session?")
    _attached(meeting, "What should this year's forum achieve?")
    client = login(secretariat)  # the schedule is not published: staff see its sessions
    session_page = client.get(session.get_absolute_url()).content.decode()
    assert "Which outcome matters most for this session?" in session_page
    meeting_page = client.get(meeting.get_absolute_url()).content.decode()
    assert "What should this year&#x27;s forum achieve?" in meeting_page


def _settings(conversation: Conversation, **changes: str) -> dict[str, str]:
    return {
        "title": conversation.title,
        "description": "",
        "language": "en",
        "participation": "signed_in",
        "visibility": "public",
        "statement_policy": "before",
        "attribution": "",
        "moderators": "",
        **changes,
    }


def test_the_secretariat_attaches_a_conversation_to_a_document_on_the_site(
    secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    document = documents.document(by=secretariat)
    conversation = ConversationFactory.create(title="Unattached so far")
    client = login(secretariat)
    form = client.get(f"/opinions/{conversation.slug}/settings/").content.decode()
    value = f"consultations.document:{document.pk}"
    assert f'<option value="{value}">{document.title}</option>' in form
    response = client.post(
        f"/opinions/{conversation.slug}/settings/", _settings(conversation, belongs_to=value)
    )
    assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.owner == document
    assert "Unattached so far" in client.get(document.get_absolute_url()).content.decode()


@pytest.mark.parametrize("owner", ["", "bodies.body"])
def test_registered_participants_only_for_a_conversation_of_a_meeting(
    secretariat: User, login, owner: str
) -> None:  # type: ignore[no-untyped-def]
    body = BodyFactory.create()
    conversation = ConversationFactory.create()
    value = f"{owner}:{body.pk}" if owner else ""
    page = (
        login(secretariat)
        .post(
            f"/opinions/{conversation.slug}/settings/",
            _settings(conversation, participation="meeting_participants", belongs_to=value),
        )
        .content.decode()
    )
    assert (
        "Only a conversation shown on the page of a meeting or a session can be limited to "
        "its registered participants."
    ) in page
    conversation.refresh_from_db()
    assert conversation.participation == "signed_in"


def test_registered_participants_of_a_session_are_accepted(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    session = SessionFactory.create()
    conversation = ConversationFactory.create()
    response = login(secretariat).post(
        f"/opinions/{conversation.slug}/settings/",
        _settings(
            conversation,
            participation="meeting_participants",
            belongs_to=f"programme.session:{session.pk}",
        ),
    )
    assert response.status_code == 302
    conversation.refresh_from_db()
    assert (conversation.participation, conversation.owner) == ("meeting_participants", session)
