"""Fixtures of the meetings tests: a body with a chair, a member, a rapporteur and an observer."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from igf.bodies.enums import Role
from igf.bodies.models import Body
from igf.meetings.models import Meeting
from igf.people.models import User
from tests.factories import UserFactory
from tests.meetings.factories import BodyFactory, MeetingFactory, member, register


@dataclass
class World:
    body: Body
    meeting: Meeting
    chair: User
    member: User
    rapporteur: User
    observer: User


@pytest.fixture
def world(db: None) -> World:
    body = BodyFactory.create(name="Best Practice Forum on Cybersecurity", slug="bpf-cyber")
    meeting = MeetingFactory.create(body=body, title="Cybersecurity monthly call")
    observer = UserFactory.create(display_name="Olu Observer")
    register(meeting, observer)
    return World(
        body=body,
        meeting=meeting,
        chair=member(body, Role.CO_FACILITATOR, UserFactory.create(display_name="Chidi Chair")),
        member=member(body, Role.MEMBER, UserFactory.create(display_name="Mei Member")),
        rapporteur=member(
            body, Role.RAPPORTEUR, UserFactory.create(display_name="Rafael Rapporteur")
        ),
        observer=observer,
    )


@pytest.fixture
def meeting_roles(roles: dict[str, User | None], world: World) -> dict[str, User | None]:
    """The platform's roles and the meeting's own: observer, member, rapporteur, chair."""
    return {
        **roles,
        "observer": world.observer,
        "member": world.member,
        "rapporteur": world.rapporteur,
        "chair": world.chair,
    }
