"""Factories for bodies and memberships."""

from __future__ import annotations

from datetime import date
from importlib import import_module

import factory

from igf.bodies.enums import Role
from igf.bodies.models import Body, BodyType, Call, Membership
from igf.people.models import Person
from tests.factories import UserFactory


def body_type(slug: str) -> BodyType:
    """A seeded body type; re-seeded when a transactional test (the browser suite) flushed it."""
    if not BodyType.objects.filter(slug=slug).exists():
        seed = import_module("igf.bodies.migrations.0002_seed_body_types")
        for values in seed.TYPES:
            BodyType.objects.update_or_create(slug=values["slug"], defaults=values)
    return BodyType.objects.get(slug=slug)


class BodyFactory(factory.django.DjangoModelFactory[Body]):
    class Meta:
        model = Body

    type = factory.LazyFunction(lambda: body_type("bpf"))
    name = factory.Sequence(lambda n: f"Best Practice Forum {n}")
    slug = factory.Sequence(lambda n: f"body-{n}")
    membership_open = factory.LazyAttribute(lambda b: b.type.has_open_membership)
    list_open = factory.LazyAttribute(lambda b: b.type.has_open_membership)


def member(
    body: Body,
    person: Person | None = None,
    *,
    role: str = Role.MEMBER,
    start: date = date(2026, 1, 1),
    end: date | None = None,
    group: str = "civil_society",
) -> Membership:
    person = person or UserFactory.create().person
    return Membership.objects.create(
        body=body, person=person, role=role, start=start, end=end, stakeholder_group=group
    )


def person_in(group: str, *, country: str = "KE", gender: str = "", consent: bool = True) -> Person:
    person = UserFactory.create().person
    Person.objects.filter(pk=person.pk).update(
        stakeholder_group=group, country_id=country, gender=gender, counted_in_balance=consent
    )
    person.refresh_from_db()
    return person


class CallFactory(factory.django.DjangoModelFactory[Call]):
    class Meta:
        model = Call

    title = factory.Sequence(lambda n: f"Call {n}")
    criteria = "Expertise and balance."
    seats = 2
    term_start = date(2027, 1, 1)
    term_end = date(2027, 12, 31)
