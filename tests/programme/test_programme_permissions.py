"""Every role against every page and action of the programme: allowed or refused.

Roles: the public, a participant with no part in the proposal, its proposer, a co-organiser,
a speaker, a reviewer of the call, the secretariat and an administrator (who, as superuser,
passes every check). 302 to sign-in means "sign in first"; 403 and 404 mean refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from igf.programme import services
from igf.programme.models import Assignment, Call, Proposal
from tests.factories import UserFactory, person_of
from tests.matrix import Roles, Row, check
from tests.programme.factories import (
    AssignmentFactory,
    PersonRowFactory,
    ReviewerFactory,
    closed,
    complete_proposal,
    open_call,
)

ROLES = (
    "anonymous", "participant", "proposer", "co_organiser", "speaker", "reviewer",
    "secretariat", "admin",
)  # fmt: skip
_roles = Roles(ROLES)
everyone, signed_in = _roles.everyone, _roles.signed_in
only = _roles.only


@dataclass
class Scene:
    open_call: Call
    closed_call: Call
    draft: Proposal
    reviewed: Proposal
    assignment: Assignment
    token: str


@pytest.fixture
def actors(roles) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return {
        "anonymous": None,
        "participant": roles["participant"],
        "proposer": UserFactory.create(display_name="Pia Proposer"),
        "co_organiser": UserFactory.create(display_name="Cosmo Organiser"),
        "speaker": UserFactory.create(display_name="Sami Speaker"),
        "reviewer": UserFactory.create(display_name="Rita Reviewer"),
        "secretariat": roles["secretariat"],
        "admin": roles["admin"],
    }


@pytest.fixture
def scene(actors: dict[str, Any]) -> Scene:
    current = open_call()
    draft = complete_proposal(current, person_of(actors["proposer"]))
    co_organiser = person_of(actors["co_organiser"])
    PersonRowFactory.create(proposal=draft, role="organiser", person=co_organiser)
    speaker_row = PersonRowFactory.create(proposal=draft, person=person_of(actors["speaker"]))
    past = open_call()
    reviewed = complete_proposal(past, person_of(actors["proposer"]))
    PersonRowFactory.create(
        proposal=reviewed, role="organiser", person=person_of(actors["co_organiser"])
    )
    PersonRowFactory.create(proposal=reviewed, person=person_of(actors["speaker"]))
    closed(past)
    reviewer = ReviewerFactory.create(call=past, person=person_of(actors["reviewer"]))
    ReviewerFactory.create(call=past)
    assignment = AssignmentFactory.create(proposal=reviewed, reviewer=reviewer)
    return Scene(
        open_call=current,
        closed_call=past,
        draft=draft,
        reviewed=reviewed,
        assignment=assignment,
        token=services.invitation_token(speaker_row),
    )


STAFF = only("secretariat")
PROPOSAL_INSIDERS = only(
    "proposer", "co_organiser", "speaker", "secretariat", refused=404, anonymous=404
)

ROWS: list[Row[Scene]] = [
    Row("index", lambda s: "/programme/", everyone(200)),
    Row("meeting", lambda s: s.open_call.meeting.get_absolute_url(), everyone(200)),
    Row("call", lambda s: s.open_call.get_absolute_url(), everyone(200)),
    Row(
        "statistics of an open call",
        lambda s: f"/programme/calls/{s.open_call.pk}/statistics/",
        everyone(404),
    ),
    Row(
        "statistics of a closed call",
        lambda s: f"/programme/calls/{s.closed_call.pk}/statistics/",
        everyone(200),
    ),
    Row("propose", lambda s: f"/programme/calls/{s.open_call.pk}/propose/", signed_in(200)),
    Row(
        "propose to a closed call",
        lambda s: f"/programme/calls/{s.closed_call.pk}/propose/",
        {**signed_in(403), "admin": 200},
    ),
    Row("my proposals", lambda s: "/programme/proposals/mine/", signed_in(200)),
    Row("proposal", lambda s: s.draft.get_absolute_url(), PROPOSAL_INSIDERS),
    Row("proposal under review", lambda s: s.reviewed.get_absolute_url(), PROPOSAL_INSIDERS),
    Row(
        "edit",
        lambda s: f"/programme/proposals/{s.draft.pk}/edit/",
        only("proposer", "co_organiser"),
    ),
    Row(
        "edit after the deadline",
        lambda s: f"/programme/proposals/{s.reviewed.pk}/edit/",
        only(),
    ),
    Row("withdraw", lambda s: f"/programme/proposals/{s.draft.pk}/withdraw/", only("proposer")),
    Row(
        "withdraw (post)",
        lambda s: f"/programme/proposals/{s.draft.pk}/withdraw/",
        {**only("proposer"), "proposer": 302, "admin": 302},
        method="post",
    ),
    Row("confirm participation", lambda s: f"/programme/confirm/{s.token}/", everyone(200)),
    Row("my reviews", lambda s: "/programme/reviews/", signed_in(200)),
    Row("review", lambda s: f"/programme/reviews/{s.assignment.pk}/", only("reviewer")),
    Row(
        "review (post)",
        lambda s: f"/programme/reviews/{s.assignment.pk}/",
        only("reviewer"),
        method="post",
        data={"comment": ""},
    ),
    Row(
        "conflict",
        lambda s: f"/programme/reviews/{s.assignment.pk}/conflict/",
        only("reviewer", "secretariat"),
    ),
    Row("manage", lambda s: f"/programme/calls/{s.closed_call.pk}/manage/", STAFF),
    Row(
        "manage (post)",
        lambda s: f"/programme/calls/{s.closed_call.pk}/manage/",
        {**STAFF, "secretariat": 302, "admin": 302},
        method="post",
        data={"action": "none"},
    ),
    Row("assignments", lambda s: f"/programme/calls/{s.closed_call.pk}/assignments/", STAFF),
    Row("ranking", lambda s: f"/programme/calls/{s.closed_call.pk}/ranking/", STAFF),
    Row(
        "ranking (post)",
        lambda s: f"/programme/calls/{s.closed_call.pk}/ranking/",
        {**STAFF, "secretariat": 302, "admin": 302},
        method="post",
        data={"shown": [], "selected": []},
    ),
    Row("decision", lambda s: f"/programme/proposals/{s.reviewed.pk}/decision/", STAFF),
    Row("publish", lambda s: f"/programme/calls/{s.closed_call.pk}/publish/", STAFF),
    Row(
        "publish (post)",
        lambda s: f"/programme/calls/{s.closed_call.pk}/publish/",
        STAFF,
        method="post",
        data={},
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
@pytest.mark.parametrize("role", ROLES)
def test_programme_permission_matrix(
    actors: dict[str, Any], scene: Scene, login, row: Row[Any], role: str
) -> None:  # type: ignore[no-untyped-def]
    client: Client = login(actors[role])
    url = row.url(scene)
    response = getattr(client, row.method)(url, row.data or {})
    check(response, row.expected[role], row.name, role)


def test_secretariat_without_a_second_factor_is_sent_to_set_one_up(scene: Scene, login) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import SecretariatFactory  # noqa: PLC0415

    staff = SecretariatFactory.create()
    response = login(staff).get(f"/programme/calls/{scene.closed_call.pk}/ranking/")
    assert response.status_code == 302
    assert "/2fa/" in response["Location"]
