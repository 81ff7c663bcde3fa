# mypy: disable-error-code="attr-defined,no-untyped-call,misc"
"""Factories and helpers for conversations, statements and votes."""

from __future__ import annotations

from datetime import date
from typing import Any

import factory

from igf.bodies.models import Body, BodyType, Membership
from igf.opinions import mapping, services
from igf.opinions.enums import (
    ConversationStatus,
    Participation,
    StatementOrigin,
    StatementPolicy,
    StatementStatus,
    Visibility,
)
from igf.opinions.models import Conversation, ConversationMap, Statement, Vote
from igf.people.models import Person, User
from tests.factories import UserFactory


class ConversationFactory(factory.django.DjangoModelFactory[Conversation]):
    class Meta:
        model = Conversation
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Conversation {n} on digital cooperation")
    slug = factory.Sequence(lambda n: f"conversation-{n}")
    status = ConversationStatus.OPEN
    participation = Participation.SIGNED_IN
    visibility = Visibility.PUBLIC
    statement_policy = StatementPolicy.BEFORE

    @factory.post_generation
    def map(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            ConversationMap.objects.get_or_create(conversation=self)


class StatementFactory(factory.django.DjangoModelFactory[Statement]):
    class Meta:
        model = Statement

    conversation = factory.SubFactory(ConversationFactory)
    number = factory.LazyAttribute(
        lambda o: Statement.objects.filter(conversation=o.conversation).count()
    )
    text = factory.Sequence(lambda n: f"Statement {n}: open standards should be the default.")
    origin = StatementOrigin.SEED
    status = StatementStatus.ACCEPTED


def body() -> Body:
    n = Body.objects.count()
    return Body.objects.create(
        type=BodyType.objects.get(slug="bpf"), name=f"Best Practice Forum {n}", slug=f"bpf-{n}"
    )


def member(body: Body, person: Person, *, end: date | None = None) -> Membership:
    return Membership.objects.create(body=body, person=person, start=date(2020, 1, 1), end=end)


def moderator_of(conversation: Conversation) -> User:
    user = UserFactory.create(display_name="Moses Moderator")
    conversation.moderators.add(user.person)
    return user


def person_in(group: str, country: str = "KE") -> Person:
    person = UserFactory.create().person
    Person.objects.filter(pk=person.pk).update(stakeholder_group=group, country_id=country)
    person.refresh_from_db()
    return person


def vote(user: User, statement: Statement, value: int) -> Vote:
    return services.cast_vote(
        by=user, conversation=statement.conversation, statement_id=statement.pk, value=value
    )


def two_camps(
    conversation: Conversation,
    *,
    people: int = 24,
    statements: int = 10,
    groups: tuple[str, str] = ("civil_society", "government"),
) -> tuple[list[User], list[Statement]]:
    """A conversation with two clear camps: camp 0 agrees with the even statements and
    disagrees with the odd ones, camp 1 the reverse; everyone agrees with the last one.
    Votes are written directly (fast) and the map computed once."""
    seeded = [StatementFactory.create(conversation=conversation) for _ in range(statements)]
    users = []
    rows = []
    for i in range(people):
        camp = i % 2
        person = person_in(groups[camp], country="KE" if camp == 0 else "FR")
        users.append(person.user)
        participant = services._participant(conversation, person)
        for j, statement in enumerate(seeded):
            value = 1 if (j % 2 == camp) else -1
            if j == statements - 1:
                value = 1
            rows.append(
                Vote(
                    conversation=conversation,
                    participant=participant,
                    statement=statement,
                    value=value,
                )
            )
    Vote.objects.bulk_create(rows)
    mapping.recompute_map(conversation.pk)
    return users, seeded
