"""Every role against every page and action of the funding app.

302 to sign-in means "sign in first"; 403 and 404 mean refused. Approving is refused to the
one who recorded the entry; recording to everyone outside the finance team (the secretariat
reads the books but does not keep them).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from igf.funding.support import recommendation_path
from tests.funding.scene import ROLES, Scene
from tests.matrix import Roles, Row, check

_roles = Roles(ROLES)
everyone, only, signed_in = _roles.everyone, _roles.only, _roles.signed_in
FINANCE = ("finance", "other_finance")

ROWS: list[Row[Scene]] = [
    Row("index", lambda s: "/funding/", everyone(200)),
    Row("fund", lambda s: f"/funding/{s.fund.slug}/", everyone(200)),
    Row("fund year", lambda s: f"/funding/{s.fund.slug}/2025/", everyone(200)),
    Row("fund csv", lambda s: f"/funding/{s.fund.slug}/2025.csv", everyone(200)),
    Row("fund json", lambda s: f"/funding/{s.fund.slug}/2025.json", everyone(200)),
    Row("iati index", lambda s: "/funding/iati/", everyone(200)),
    Row("iati activity", lambda s: f"/funding/{s.fund.slug}/iati-activity.xml", everyone(200)),
    Row("iati organisation", lambda s: "/funding/iati/organisation.xml", everyone(200)),
    Row("support call", lambda s: f"/funding/calls/{s.call.slug}/", everyone(200)),
    Row("apply", lambda s: f"/funding/calls/{s.call.slug}/apply/", signed_in(200)),
    Row(
        "apply (post, a draft)",
        lambda s: f"/funding/calls/{s.call.slug}/apply/",
        # The participant's application is already decided: refused on the form (200).
        signed_in(302, participant=200),
        method="post",
        data={"motivation": "Draft", "submit": "0"},
    ),
    Row("awards", lambda s: f"/funding/calls/{s.call.slug}/awards/", only("secretariat")),
    Row(
        "awards (post)",
        lambda s: f"/funding/calls/{s.call.slug}/awards/",
        only("secretariat"),
        method="post",
        data={"reason": ""},
    ),
    Row(
        "trip report",
        lambda s: f"/funding/awards/{s.award.pk}/report/",
        only("participant"),  # the administrator may read it (a superuser has every right)
    ),
    Row(
        "trip report (post)",
        lambda s: f"/funding/awards/{s.award.pk}/report/",
        # The administrator is refused by the service, on the form (200).
        {**only("participant", status=302), "admin": 200},
        method="post",
        data={"text": "I ran a workshop."},
    ),
    Row("scores", lambda s: f"/funding/calls/{s.call.slug}/scores/", only("secretariat")),
    Row(
        "scores (post)",
        lambda s: f"/funding/calls/{s.call.slug}/scores/",
        only("secretariat", status=302),
        method="post",
        data={},
    ),
    Row(
        "recommendation",
        lambda s: recommendation_path(s.award.application),
        only("other_finance", admin=False),
    ),
    Row(
        "recommendation (post)",
        lambda s: recommendation_path(s.award.application),
        only("other_finance", status=302, admin=False),
        method="post",
    ),
    Row("books", lambda s: f"/funding/{s.fund.slug}/books/", only(*FINANCE, "secretariat")),
    Row(
        "record (post)",
        lambda s: f"/funding/{s.fund.slug}/books/",
        only(*FINANCE),
        method="post",
        data={"kind": "nothing"},
    ),
    Row(
        "approve (post)",
        lambda s: f"/funding/entries/{s.pending.pk}/approve/",
        only("other_finance", status=302),
        method="post",
    ),
    Row(
        "reverse (post)",
        lambda s: f"/funding/entries/{s.posted.pk}/reverse/",
        only(*FINANCE, status=302),
        method="post",
        data={"reason": "Recorded twice", "on": "2025-03-02"},
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
@pytest.mark.parametrize("role", ROLES)
def test_funding_permission_matrix(
    actors: dict[str, Any], scene: Scene, login, row: Row[Any], role: str
) -> None:  # type: ignore[no-untyped-def]
    client: Client = login(actors[role])
    response = getattr(client, row.method)(row.url(scene), row.payload(scene))
    check(response, row.expected[role], row.name, role)
