"""Who may use the translation desk: a translator in their language and nowhere else, the
secretariat everywhere; visitors and participants nowhere (ASVS 8.2.1)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from igf.people.models import User
from igf.programme.models import Session
from igf.translations.models import Translator
from tests.conftest import client_for
from tests.matrix import LOGIN, Roles, Row, check
from tests.programme.factories import SessionFactory
from tests.translations.helpers import translator

ROLES = ("anonymous", "participant", "translator_ar", "secretariat", "admin")
_roles = Roles(ROLES)


def _edit(language: str) -> Any:
    return lambda w: f"/translations/{language}/programme.session/{w['session'].pk}/"


def _post(language: str) -> dict[str, str]:
    return {"text-title": f"title in {language}", "status-title": "draft", "text-description": ""}


def _status(language: str) -> dict[str, str]:
    return {"status-title": "draft", "status-description": "draft"}


ARABIC_ONLY = _roles.only("translator_ar", "secretariat")
ARABIC_POST = _roles.only("translator_ar", "secretariat", status=302)
SECRETARIAT = _roles.only("secretariat")

ROWS: list[Row[dict[str, Any]]] = [
    Row("desk", lambda w: "/translations/", ARABIC_ONLY),
    Row("desk in Arabic", lambda w: "/translations/ar/", ARABIC_ONLY),
    Row("desk in French", lambda w: "/translations/fr/", SECRETARIAT),
    Row("edit Arabic", _edit("ar"), ARABIC_ONLY),
    Row("edit French", _edit("fr"), SECRETARIAT),
    Row(
        "save Arabic",
        _edit("ar"),
        ARABIC_POST,
        method="post",
        data={**_post("ar"), **_status("ar")},
    ),
    Row(
        "save French",
        _edit("fr"),
        _roles.only("secretariat", status=302),
        method="post",
        data={**_post("fr"), **_status("fr")},
    ),
    Row("translators", lambda w: "/translations/translators/", SECRETARIAT),
    Row(
        "assign a translator",
        lambda w: "/translations/translators/",
        _roles.only("secretariat", status=302),
        method="post",
        data=lambda w: {"email": w["newcomer"].email, "language": "ru"},
    ),
    Row(
        "end a translator's role",
        lambda w: f"/translations/translators/{w['role'].pk}/remove/",
        _roles.only("secretariat", status=302),
        method="post",
    ),
]


@pytest.fixture
def world(roles: dict[str, User | None]) -> dict[str, Any]:
    return {"session": SessionFactory.create(title="Rethinking multilingual content")}


@pytest.mark.parametrize("row", ROWS, ids=[r.name for r in ROWS])
def test_translation_permission_matrix(
    row: Row[dict[str, Any]], roles: dict[str, User | None], world: dict[str, Any]
) -> None:
    people = {**roles, "translator_ar": translator("ar", display_name="Tariq Translator")}
    people.pop("other_participant", None)
    for role in ROLES:
        from tests.factories import UserFactory  # noqa: PLC0415

        world["newcomer"] = UserFactory.create()
        world["role"] = Translator.objects.create(user=UserFactory.create(), language="es")
        client: Client = client_for(people[role])
        url = row.url(world)
        response = getattr(client, row.method)(url, row.payload(world))
        check(response, row.expected[role], row.name, role)


def test_a_translator_saves_arabic_and_cannot_touch_french(roles: dict[str, User | None]) -> None:
    session = SessionFactory.create(title="Rethinking multilingual content")
    client = client_for(translator("ar"))

    saved = client.post(
        f"/translations/ar/programme.session/{session.pk}/",
        {
            "text-title": "إعادة التفكير في المحتوى المتعدد اللغات",
            "status-title": "official",
            "text-description": "",
            "status-description": "draft",
        },
    )
    refused = client.post(
        f"/translations/fr/programme.session/{session.pk}/",
        {
            "text-title": "Un nouveau regard",
            "status-title": "official",
            "text-description": "",
            "status-description": "draft",
        },
    )

    assert (saved.status_code, refused.status_code) == (302, 403)
    session = Session.objects.get(pk=session.pk)
    assert getattr(session, "title_ar") == "إعادة التفكير في المحتوى المتعدد اللغات"  # noqa: B009
    assert getattr(session, "title_fr") is None  # noqa: B009


def test_the_secretariat_assigns_a_translator(roles: dict[str, User | None]) -> None:
    from tests.factories import UserFactory  # noqa: PLC0415

    newcomer = UserFactory.create(email="lin@example.org")
    client = client_for(roles["secretariat"])

    response = client.post(
        "/translations/translators/", {"email": "LIN@example.org", "language": "zh-hans"}
    )

    assert response.status_code == 302
    assert list(Translator.objects.filter(user=newcomer).values_list("language", flat=True)) == [
        "zh-hans"
    ]
    page = client_for(newcomer).get("/translations/").content.decode()
    assert 'href="/translations/zh-hans/"' in page
    assert 'href="/translations/ar/"' not in page


def test_visitors_are_sent_to_sign_in(client: Client, db: None) -> None:
    response: Any = client.get("/translations/")
    check(response, LOGIN, "desk", "anonymous")
