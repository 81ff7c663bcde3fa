"""factory_boy factories and builders for the meetings tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import factory
from django.utils import timezone

from igf.bodies.enums import Role
from igf.bodies.models import Body, BodyType, Membership
from igf.meetings.enums import ConsensusLevel
from igf.meetings.models import ActionItem, AgendaItem, Decision, Meeting, ObserverRegistration
from igf.people.models import Person, User
from tests.factories import UserFactory


def body_type(slug: str = "bpf") -> BodyType:
    """A seeded body type; recreated when a live-server test has flushed the seeded rows."""
    found, _created = BodyType.objects.get_or_create(
        slug=slug, defaults={"name": slug.upper(), "name_plural": slug.upper()}
    )
    return found


class BodyFactory(factory.django.DjangoModelFactory[Body]):
    class Meta:
        model = Body

    type = factory.LazyFunction(body_type)
    name = factory.Sequence(lambda n: f"Best Practice Forum on Topic {n}")
    slug = factory.Sequence(lambda n: f"bpf-topic-{n}")


def member(body: Body, role: str = Role.MEMBER, user: User | None = None, **extra: Any) -> User:
    """A user holding `role` in `body` from a year ago, with no end."""
    user = user or UserFactory.create()
    Membership.objects.create(
        body=body,
        person=user.person,
        role=role,
        start=timezone.localdate() - timedelta(days=400),
        **extra,
    )
    return user


def in_hours(hours: float) -> datetime:
    return timezone.now().replace(microsecond=0) + timedelta(hours=hours)


class MeetingFactory(factory.django.DjangoModelFactory[Meeting]):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    title = factory.Sequence(lambda n: f"Monthly call {n}")
    start = factory.LazyFunction(lambda: in_hours(72))
    end = factory.LazyAttribute(lambda m: m.start + timedelta(hours=2))
    timezone = "Europe/Zurich"
    online_url = "https://meet.example.org/igf-call"
    dial_in = "+41 22 000 00 00, code 1234"


class AgendaItemFactory(factory.django.DjangoModelFactory[AgendaItem]):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class DecisionFactory(factory.django.DjangoModelFactory[Decision]):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    text = factory.Sequence(lambda n: f"The forum adopts output {n}.")
    consensus = ConsensusLevel.CONSENSUS


class ActionItemFactory(factory.django.DjangoModelFactory[ActionItem]):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory)
    body = factory.LazyAttribute(lambda a: a.meeting.body)
    title = factory.Sequence(lambda n: f"Circulate draft {n}")
    due = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))


def register(meeting: Meeting, user: User, listed: bool = True) -> ObserverRegistration:
    return ObserverRegistration.objects.create(meeting=meeting, person=user.person, listed=listed)


def person(user: User) -> Person:
    return Person.objects.get(user=user)


def past_day(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)
