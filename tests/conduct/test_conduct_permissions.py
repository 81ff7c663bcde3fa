"""Every role against every page of the code of conduct. Reports are confidential to the
conduct officers: the reporter, the person reported, the secretariat and even a superuser
without the officer role are refused. 302 to sign-in means "sign in first"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from igf.conduct.models import Report
from igf.conduct.services import report_concern
from igf.people.models import User
from tests.conduct.factories import officer, publish
from tests.factories import UserFactory, person_of
from tests.matrix import LOGIN, Roles, Row, check

ROLES = (
    "anonymous",
    "participant",
    "reporter",
    "reported",
    "officer",
    "secretariat",
    "admin",
)
_roles = Roles(ROLES)
everyone, signed_in = _roles.everyone, _roles.signed_in
OFFICERS_ONLY = {**_roles.only("officer", admin=False), "anonymous": LOGIN}


@dataclass(frozen=True)
class World:
    report: Report
    reported: User


@pytest.fixture
def actors(
    db: None, participant: User, secretariat: User, admin_user: User
) -> dict[str, User | None]:
    return {
        "anonymous": None,
        "participant": participant,
        "reporter": UserFactory.create(display_name="Rita Reporter"),
        "reported": UserFactory.create(display_name="Rex Reported"),
        "officer": officer(),
        "secretariat": secretariat,
        "admin": admin_user,
    }


@pytest.fixture
def world(actors: dict[str, User | None]) -> World:
    publish()
    reporter, reported = actors["reporter"], actors["reported"]
    assert reporter is not None
    assert reported is not None
    report = report_concern(by=reporter, subject=person_of(reported), description="Threats.")
    return World(report=report, reported=reported)


def _profile(w: World) -> str:
    return f"/conduct/report/people.person/{person_of(w.reported).pk}/"


ROWS: list[Row[World]] = [
    Row("code", lambda w: "/conduct/", everyone(200)),
    Row("version", lambda w: "/conduct/versions/1/", everyone(200)),
    Row("accept", lambda w: "/conduct/accept/", signed_in(200)),
    Row(
        "accept (post)",
        lambda w: "/conduct/accept/",
        signed_in(302),
        method="post",
        data={"accept": "on", "next": "/"},
    ),
    Row("report a profile", _profile, signed_in(200)),
    Row(
        "report a profile (post)",
        _profile,
        signed_in(302),
        method="post",
        data={"description": "Spam in the profile."},
    ),
    Row("report conduct in a meeting", lambda w: "/conduct/report/meeting/", signed_in(200)),
    Row("reports", lambda w: "/conduct/reports/", OFFICERS_ONLY),
    Row("report", lambda w: w.report.get_absolute_url(), OFFICERS_ONLY),
    Row(
        "report (post)",
        lambda w: w.report.get_absolute_url(),
        {**OFFICERS_ONLY, "officer": 302},
        method="post",
        data={"outcome": "no_action", "reasons": "Not a breach."},
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
@pytest.mark.parametrize("role", ROLES)
def test_conduct_permission_matrix(
    actors: dict[str, Any], world: World, login: Any, row: Row[World], role: str
) -> None:
    client: Client = login(actors[role])
    response = getattr(client, row.method)(row.url(world), row.payload(world))
    check(response, row.expected[role], row.name, role)


@pytest.mark.django_db
def test_nobody_but_the_officers_reads_a_report_anywhere(
    actors: dict[str, Any], world: World, login: Any
) -> None:
    """The description never shows on any page another role can open."""
    for role in ("participant", "reporter", "reported", "secretariat"):
        client = login(actors[role])
        for address in ("/", person_of(world.reported).get_absolute_url()):
            page = client.get(address, follow=True).content.decode()
            assert "Threats." not in page, (role, address)
    assert (
        "Threats." in login(actors["officer"]).get(world.report.get_absolute_url()).content.decode()
    )
