# ruff: noqa: E501 - the matrix reads best one row per line
"""Every role against every page of the opinions app: allowed or refused.

Roles: the public, a participant (signed in, within the limit), a statement's author, the
conversation's moderator, the secretariat, the administrator. 302 to sign-in means
"refused, sign in first"; 403 and 404 mean refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from igf.opinions.enums import ConversationStatus, StatementStatus
from igf.opinions.models import Conversation, Statement
from igf.people.models import User
from tests.factories import SecretariatFactory, UserFactory
from tests.matrix import LOGIN, Roles, Row, check
from tests.opinions import factories as f
from tests.opinions.factories import ConversationFactory, StatementFactory, moderator_of

ROLES = ("anonymous", "participant", "author", "moderator", "secretariat", "admin")
_roles = Roles(ROLES)
everyone, signed_in = _roles.everyone, _roles.signed_in


@dataclass(frozen=True)
class World:
    users: dict[str, User | None]
    conversation: Conversation
    draft: Conversation
    closed: Conversation
    pending: Statement
    shown: Statement


@pytest.fixture
def world(roles: dict[str, User | None]) -> World:
    conversation = ConversationFactory.create()
    moderator = moderator_of(conversation)
    draft = ConversationFactory.create(status=ConversationStatus.DRAFT)
    draft.moderators.add(moderator.person)
    closed = ConversationFactory.create(status=ConversationStatus.CLOSED)
    closed.moderators.add(moderator.person)
    shown = StatementFactory.create(conversation=conversation)
    author = UserFactory.create(display_name="Ana Author")
    from igf.opinions import services  # noqa: PLC0415

    pending = services.add_statement(
        by=author, conversation=conversation, text="Open data should be the default."
    )
    assert pending.status == StatementStatus.PENDING
    users = {
        "anonymous": None,
        "participant": roles["participant"],
        "author": author,
        "moderator": moderator,
        "secretariat": roles["secretariat"],
        "admin": roles["admin"],
    }
    return World(users, conversation, draft, closed, pending, shown)


def moderators(status: int = 200) -> dict[str, int | str]:
    return {
        "anonymous": LOGIN,
        "participant": 403,
        "author": 403,
        "moderator": status,
        "secretariat": status,
        "admin": status,
    }


def c(w: World) -> str:
    return f"/opinions/{w.conversation.slug}/"


ROWS = [
    Row("list", lambda w: "/opinions/", everyone(200)),
    Row("create", lambda w: "/opinions/new/", {**moderators(), "moderator": 403}),
    Row("conversation", c, everyone(200)),
    Row("draft", lambda w: f"/opinions/{w.draft.slug}/", {**everyone(404), "moderator": 200, "secretariat": 200, "admin": 200}),
    Row("results", lambda w: c(w) + "results/", everyone(200)),
    Row("report of an open conversation", lambda w: c(w) + "report/", moderators()),
    Row("report of a closed conversation", lambda w: f"/opinions/{w.closed.slug}/report/", everyone(200)),
    Row("my votes", lambda w: c(w) + "my-votes/", signed_in(200)),
    Row("vote", lambda w: c(w) + "vote/", signed_in(302), "post", lambda w: {"statement": w.shown.pk, "vote": "agree"}),
    Row("vote on a closed conversation", lambda w: f"/opinions/{w.closed.slug}/vote/", {**signed_in(403), "admin": 302}, "post", lambda w: {"statement": 1, "vote": "agree"}),
    Row("add statement", lambda w: c(w) + "statements/", signed_in(302), "post", lambda w: {"text": "A fresh idea for the forum."}),
    Row("withdraw statement", lambda w: c(w) + f"statements/{w.pending.number}/withdraw/", {**signed_in(403), "author": 302, "admin": 302}, "post"),
    Row("moderate", lambda w: c(w) + "moderate/", moderators()),
    Row("moderate statement", lambda w: c(w) + f"statements/{w.pending.number}/moderate/", moderators(302), "post", lambda w: {"decision": "accepted"}),
    Row("status", lambda w: c(w) + "status/", moderators(302), "post", lambda w: {"action": "close"}),
    Row("settings", lambda w: c(w) + "settings/", moderators()),
    Row("export", lambda w: c(w) + "export/comments.csv", moderators()),
    Row("import", lambda w: c(w) + "import/", moderators()),
]  # fmt: skip


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
@pytest.mark.parametrize("role", ROLES)
def test_opinions_permission_matrix(world: World, login, row: Row[Any], role: str) -> None:  # type: ignore[no-untyped-def]
    client: Client = login(world.users[role])
    data = row.data(world) if row.data else {}
    response = getattr(client, row.method)(row.url(world), data)
    check(response, row.expected[role], row.name, role)


def test_participants_only_conversation_is_hidden_from_the_public_and_outsiders(
    roles, login
) -> None:  # type: ignore[no-untyped-def]
    body = f.body()
    conversation = ConversationFactory.create(
        participation="body_members", visibility="participants", body=body
    )
    insider = UserFactory.create()
    f.member(body, insider.person)
    url = conversation.get_absolute_url()
    assert login(None).get(url).status_code == 302
    assert login(roles["participant"]).get(url).status_code == 403
    assert login(insider).get(url).status_code == 200
    assert conversation.title not in login(None).get("/opinions/").content.decode()
    assert conversation.title in login(insider).get("/opinions/").content.decode()


def test_moderation_asks_the_secretariat_for_a_second_factor_but_not_participants(
    login, db: None
) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create()
    moderator = moderator_of(conversation)
    url = f"/opinions/{conversation.slug}/moderate/"
    response = login(SecretariatFactory.create()).get(url)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert login(moderator).get(url).status_code == 200
