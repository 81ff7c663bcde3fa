"""The opinions app's pages, for the checks on every page (weight, languages, XSS, axe)."""

from __future__ import annotations

from igf.opinions.enums import ConversationStatus
from igf.opinions.models import Conversation
from igf.people.models import User
from tests.opinions.factories import ConversationFactory, two_camps
from tests.pages import Page


def _conversation(user: User, status: str = ConversationStatus.OPEN) -> Conversation:
    conversation = ConversationFactory.create(status=status)
    conversation.moderators.add(user.person)
    two_camps(conversation, people=12, statements=8)
    return conversation


def _path(suffix: str, status: str = ConversationStatus.OPEN):  # type: ignore[no-untyped-def]
    def url(user: User) -> str:
        return f"/opinions/{_conversation(user, status).slug}/{suffix}"

    return url


PAGES = [
    Page("conversations", lambda u: "/opinions/"),
    Page("conversation", _path("")),
    Page("conversation results", _path("results/")),
    Page("conversation report", _path("report/", ConversationStatus.CLOSED)),
    Page("my votes", _path("my-votes/"), signed_in=True),
    Page("moderate conversation", _path("moderate/"), signed_in=True),
    Page("conversation settings", _path("settings/"), signed_in=True),
    Page("new conversation", lambda u: "/opinions/new/", signed_in=True),
    Page("import pol.is", _path("import/"), signed_in=True),
]
