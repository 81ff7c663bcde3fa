"""Who may read, take part in and moderate conversations.

Roles: the public (anyone), a participant (signed in and within the conversation's
participation limit), a statement's author, the conversation's moderators, the secretariat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import rules

from igf.core.rules import grant_model_permissions, is_secretariat, is_signed_in
from igf.opinions.enums import ConversationStatus, StatementStatus, Visibility
from igf.opinions.participation import may_take_part

if TYPE_CHECKING:
    from igf.opinions.models import Conversation, Statement
    from igf.people.models import Person, Viewer


def person_of(user: Viewer) -> Person | None:
    """The signed-in viewer's person (None for visitors and accounts without one)."""
    if not user.is_authenticated:
        return None
    person: Person | None = getattr(user, "person", None)
    return person


def moderator_ids(conversation: Conversation) -> set[int]:
    """The conversation's moderators (person ids), read once per conversation object."""
    cached: set[int] | None = conversation.__dict__.get("_moderator_ids")
    if cached is None:
        cached = set(conversation.moderators.values_list("pk", flat=True))
        conversation.__dict__["_moderator_ids"] = cached
    return cached


@rules.predicate
def is_moderator(user: Viewer, conversation: Conversation | None) -> bool:
    person = person_of(user)
    return (
        conversation is not None and person is not None and person.pk in moderator_ids(conversation)
    )


@rules.predicate
def is_within_participation_limit(user: Viewer, conversation: Conversation | None) -> bool:
    if conversation is None:
        return False
    cache = conversation.__dict__.setdefault("_may_take_part", {})
    key = user.pk
    if key not in cache:
        cache[key] = may_take_part(conversation, person_of(user))
    return bool(cache[key])


@rules.predicate
def is_published(user: Viewer, conversation: Conversation | None) -> bool:
    return conversation is not None and conversation.status != ConversationStatus.DRAFT


@rules.predicate
def is_open(user: Viewer, conversation: Conversation | None) -> bool:
    return conversation is not None and conversation.status == ConversationStatus.OPEN


@rules.predicate
def is_closed(user: Viewer, conversation: Conversation | None) -> bool:
    return conversation is not None and conversation.status == ConversationStatus.CLOSED


@rules.predicate
def is_public(user: Viewer, conversation: Conversation | None) -> bool:
    return conversation is not None and conversation.visibility == Visibility.PUBLIC


@rules.predicate
def takes_statements(user: Viewer, conversation: Conversation | None) -> bool:
    return conversation is not None and conversation.takes_statements


@rules.predicate
def is_statement_author(user: Viewer, statement: Statement | None) -> bool:
    person = person_of(user)
    if statement is None or person is None or statement.author_id is None:
        return False
    return statement.author is not None and statement.author.person_id == person.pk


@rules.predicate
def is_awaiting_moderation(user: Viewer, statement: Statement | None) -> bool:
    return statement is not None and statement.status == StatementStatus.PENDING


can_moderate_conversation = is_secretariat | is_moderator
can_view_conversation = can_moderate_conversation | (
    is_published & (is_public | (is_signed_in & is_within_participation_limit))
)
can_take_part = is_signed_in & is_open & is_within_participation_limit
can_add_statement = can_take_part & takes_statements
can_review_own_votes = is_signed_in & can_view_conversation
can_view_report = can_view_conversation & (is_closed | can_moderate_conversation)
can_withdraw_statement = is_signed_in & is_statement_author & is_awaiting_moderation

rules.add_perm("opinions.list_conversations", rules.always_allow)
rules.add_perm("opinions.create_conversation", is_secretariat)
rules.add_perm("opinions.see_conversation", can_view_conversation)
rules.add_perm("opinions.see_results", can_view_conversation)
rules.add_perm("opinions.take_part", can_take_part)
rules.add_perm("opinions.write_statement", can_add_statement)
rules.add_perm("opinions.review_own_votes", can_review_own_votes)
rules.add_perm("opinions.withdraw_statement", can_withdraw_statement)
rules.add_perm("opinions.moderate_conversation", can_moderate_conversation)
rules.add_perm("opinions.export_conversation", can_moderate_conversation)
rules.add_perm("opinions.view_report", can_view_report)

# The secretariat looks after conversations and statements in the admin. Votes and who
# took part are personal: no one browses them there.
grant_model_permissions(
    "opinions",
    is_secretariat,
    {
        "conversation": ("view", "change"),
        "historicalconversation": ("view",),
        "statement": ("view", "change"),
        "historicalstatement": ("view",),
    },
)
