"""Every role against every page of the foundation: allowed or refused (ASVS 8.2.1).

The pattern later apps copy: one row per (page, method), the expected status per role.
302 to sign-in means "refused, sign in first"; 403 and 404 mean refused; the default is deny.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from igf.people.models import User
from tests.factories import OrganizationFactory, person_of
from tests.matrix import LOGIN, Roles, Row, check

ROLES = ("anonymous", "participant", "other_participant", "secretariat", "admin")
_roles = Roles(ROLES)
everyone, signed_in = _roles.everyone, _roles.signed_in


def own_profile(roles: dict[str, User | None]) -> str:
    participant = roles["participant"]
    assert participant is not None
    return person_of(participant).get_absolute_url()


def unlisted_organization(roles: dict[str, User | None]) -> str:
    return OrganizationFactory.create(listed=False).get_absolute_url()


ROWS = [
    Row("home", lambda r: "/", everyone(200)),
    Row("about", lambda r: "/about/", everyone(200)),
    Row("timezone", lambda r: "/timezone/", everyone(200)),
    Row("directory", lambda r: "/organisations/", everyone(200)),
    Row("organization", lambda r: OrganizationFactory.create().get_absolute_url(), everyone(200)),
    Row(
        "unlisted organization",
        unlisted_organization,
        {**everyone(404), "secretariat": 200, "admin": 200},
    ),
    Row("person", own_profile, everyone(200)),
    Row("edit profile", lambda r: "/me/profile/", signed_in(200)),
    Row("export data", lambda r: "/me/data.json", signed_in(200)),
    Row("erase account", lambda r: "/me/delete/", signed_in(200)),
    Row(
        "people balance",
        lambda r: "/staff/people/balance/",
        {
            "anonymous": LOGIN,
            "participant": 403,
            "other_participant": 403,
            "secretariat": 200,
            "admin": 200,
        },
    ),
    Row(
        "admin",
        lambda r: "/admin/",
        {
            "anonymous": LOGIN,
            "participant": 302,
            "other_participant": 302,
            "secretariat": 200,
            "admin": 200,
        },
    ),
    Row("api docs", lambda r: "/api/", everyone(200)),
    Row("health", lambda r: "/healthz", everyone(200)),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(roles: dict[str, User | None], login, row: Row[Any], role: str) -> None:  # type: ignore[no-untyped-def]
    client: Client = login(roles[role])
    response = getattr(client, row.method)(row.url(roles))
    check(response, row.expected[role], row.name, role)
