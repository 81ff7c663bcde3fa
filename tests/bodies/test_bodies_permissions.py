"""Every role against every bodies page and action: allowed or refused (default deny)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from igf.bodies.enums import CallStatus, ProposalStatus
from igf.bodies.models import Body, BodyProposal, Nomination
from igf.people.models import User
from tests.bodies.factories import BodyFactory, CallFactory, body_type, member, person_in
from tests.conftest import client_for
from tests.matrix import LOGIN, Roles, Row, check

ROLES = ("anonymous", "participant", "member", "lead", "secretariat", "admin")
_roles = Roles(ROLES)
everyone, signed_in = _roles.everyone, _roles.signed_in


@dataclass
class World:
    mag: Body
    open_body: Body
    users: dict[str, User | None] = field(default_factory=dict)


@pytest.fixture
def world(roles: dict[str, User | None]) -> World:
    mag = BodyFactory.create(type=body_type("mag"), slug="w-mag")
    open_body = BodyFactory.create(type=body_type("bpf"), slug="w-bpf")
    lead = person_in("civil_society").user
    member_user = person_in("government").user
    for body in (mag, open_body):
        member(body, member_user.person)
        member(body, lead.person, role="chair")
        body.terms_of_reference.create(
            version=1, text="t", adopted_on=date(2025, 1, 1), adopted_by="m"
        )
        body.milestones.create(title="m", due=date(2026, 6, 1))
    users = {
        "anonymous": None,
        "participant": roles["participant"],
        "member": member_user,
        "lead": lead,
        "secretariat": roles["secretariat"],
        "admin": roles["admin"],
    }
    return World(mag=mag, open_body=open_body, users=users)


def staff_only(refused: int = 403) -> dict[str, int | str]:
    return {
        "anonymous": LOGIN,
        "participant": refused,
        "member": refused,
        "lead": refused,
        "secretariat": 200,
        "admin": 200,
    }


def leads(refused: int = 403) -> dict[str, int | str]:
    return {**staff_only(refused), "lead": 200}


def _call(world: World) -> str:
    now = timezone.now()
    call = CallFactory.create(
        body=world.mag,
        status=CallStatus.CLOSED,
        opens=now - timedelta(days=5),
        closes=now - timedelta(days=1),
    )
    return f"/bodies/w-mag/calls/{call.pk}/"


def _nomination(world: World) -> str:
    call = CallFactory.create(
        body=world.mag,
        status=CallStatus.OPEN,
        opens=timezone.now(),
        closes=timezone.now() + timedelta(days=1),
    )
    nominee = world.users["member"]
    assert nominee is not None
    nomination = Nomination.objects.create(
        call=call,
        nominee=nominee.person,
        stakeholder_group="government",
        country_id="FR",
        expertise="e",
        motivation="m",
        status="awaiting_nominee",
    )
    return f"/bodies/nominations/{nomination.pk}/"


def _proposal(world: World, status: str = ProposalStatus.SUBMITTED) -> str:
    proposer = world.users["member"]
    assert proposer is not None
    proposal = BodyProposal.objects.create(
        type=body_type("dc"),
        name="Dynamic Coalition on Testing",
        summary="s",
        description="d",
        contact_email="dc@example.org",
        evidence="e",
        stakeholder_groups=["civil_society"],
        proposer=proposer.person,
        status=status,
    )
    return f"/bodies/proposals/{proposal.pk}/"


def _draft_call(world: World) -> str:
    now = timezone.now()
    call = CallFactory.create(
        body=world.mag, status=CallStatus.DRAFT, opens=now, closes=now + timedelta(days=9)
    )
    return f"/bodies/w-mag/calls/{call.pk}/"


ROWS = [
    Row("registry", lambda w: "/bodies/", everyone(200)),
    Row("type", lambda w: "/bodies/types/mag/", everyone(200)),
    Row("body", lambda w: "/bodies/w-mag/", everyone(200)),
    Row("history of an appointed body", lambda w: "/bodies/w-mag/members/history/", everyone(200)),
    Row("history of an open body", lambda w: "/bodies/w-bpf/members/history/", leads()),
    Row("appoint", lambda w: "/bodies/w-mag/members/appoint/", staff_only()),
    Row(
        "end membership",
        lambda w: f"/bodies/w-mag/members/{w.mag.memberships.earliest('pk').pk}/end/",
        staff_only(),
    ),  # type: ignore[union-attr]
    Row("rotation", lambda w: "/bodies/w-mag/rotation/", leads()),
    Row("terms", lambda w: "/bodies/w-mag/terms/1/", everyone(200)),
    Row("adopt terms", lambda w: "/bodies/w-mag/terms/adopt/", staff_only()),
    Row("call", _call, everyone(200)),
    Row("select candidates", lambda w: _call(w) + "select/", staff_only()),
    Row(
        "nomination (only the nominee)",
        _nomination,
        {
            "anonymous": LOGIN,
            "participant": 404,
            "member": 200,
            "lead": 404,
            "secretariat": 404,
            "admin": 404,
        },
    ),
    Row("reports", lambda w: "/bodies/w-mag/reports/", everyone(200)),
    Row("workplan", lambda w: "/bodies/w-mag/workplan/", everyone(200)),
    Row(
        "edit milestone", lambda w: f"/bodies/w-mag/workplan/{w.mag.milestones.get().pk}/", leads()
    ),
    Row(
        "closed list",
        lambda w: "/bodies/w-mag/list/",
        {
            "anonymous": LOGIN,
            "participant": 403,
            "member": 200,
            "lead": 200,
            "secretariat": 200,
            "admin": 200,
        },
    ),
    Row("open list", lambda w: "/bodies/w-bpf/list/", everyone(200)),
    Row(
        "join an appointed body",
        lambda w: "/bodies/w-mag/join/",
        {
            "anonymous": LOGIN,
            "participant": 403,
            "member": 403,
            "lead": 403,
            "secretariat": 403,
            "admin": 302,  # holds every permission; the service refuses with a message
        },
        method="post",
    ),
    Row(
        "join an open body",
        lambda w: "/bodies/w-bpf/join/",
        {**everyone(302), "anonymous": LOGIN},
        method="post",
    ),
    Row("composition", lambda w: "/bodies/w-mag/composition.json", everyone(200)),
    Row("initiatives by region", lambda w: "/bodies/initiatives/", everyone(200)),
    Row("create a call", lambda w: "/bodies/w-mag/calls/new/", staff_only()),
    Row("chair", lambda w: "/bodies/w-mag/chair/", everyone(200)),
    Row(
        "record the chair",
        lambda w: "/bodies/w-mag/chair/appoint/",
        {**staff_only(), "secretariat": 302, "admin": 302},
        method="post",
    ),
    Row(
        "open a chair election",
        lambda w: "/bodies/w-mag/chair/election/",
        {**staff_only(), "secretariat": 302, "admin": 302},
        method="post",
    ),
    Row(
        "nominate for chair (members; no election open)",
        lambda w: "/bodies/w-mag/chair/election/nominate/",
        {**staff_only(), "member": 404, "lead": 404, "secretariat": 403, "admin": 404},
        method="post",
    ),
    Row(
        "vote for chair (members; no election open)",
        lambda w: "/bodies/w-mag/chair/election/vote/",
        {**staff_only(), "member": 404, "lead": 404, "secretariat": 403, "admin": 404},
        method="post",
    ),
    Row(
        "close a chair election (none open)",
        lambda w: "/bodies/w-mag/chair/election/close/",
        {**staff_only(), "secretariat": 404, "admin": 404},
        method="post",
    ),
    Row(
        "open a draft call",
        lambda w: _draft_call(w) + "open/",
        {**staff_only(404), "anonymous": 404, "secretariat": 302, "admin": 302},
        method="post",
    ),
    Row("propose a body", lambda w: "/bodies/proposals/new/", {**signed_in(200)}),
    Row("proposals (own, or all for staff)", lambda w: "/bodies/proposals/", signed_in(200)),
    Row(
        "proposal (the proposer and the secretariat)",
        _proposal,
        {**staff_only(), "member": 200},
    ),
    Row(
        "change a proposal sent back (the proposer)",
        lambda w: _proposal(w, status=ProposalStatus.SENT_BACK) + "edit/",
        {**staff_only(), "member": 200, "secretariat": 403},
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
@pytest.mark.parametrize("role", ROLES)
def test_bodies_permission_matrix(world: World, row: Row[Any], role: str) -> None:
    response = getattr(client_for(world.users[role]), row.method)(row.url(world))
    check(response, row.expected[role], row.name, role)


@pytest.mark.parametrize(
    "url", ["/bodies/w-mag/join/", "/bodies/w-mag/leave/", "/bodies/w-mag/list/subscribe/"]
)
def test_state_changing_bodies_views_refuse_get(world: World, url: str) -> None:
    assert client_for(world.users["member"]).get(url).status_code == 405
