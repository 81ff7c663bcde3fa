"""Security settings as a visitor meets them: headers, cookies, hashing, error pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.hashers import check_password
from django.test import Client, override_settings

from igf.people.models import User
from tests.bodies.factories import BodyFactory, body_type
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]


def test_every_page_carries_a_strict_content_security_policy(client: Client, db: None) -> None:
    response = client.get("/")
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    )
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'nonce-" in policy["script-src"]
    assert policy["default-src"] == "'self'"


def test_script_tags_carry_the_nonce_of_the_response(client: Client, db: None) -> None:
    response = client.get("/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()


def test_pages_refuse_sniffing_framing_and_leaking_referrers(client: Client, db: None) -> None:
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_signed_in_pages_are_never_stored_by_caches(client: Client, participant: User) -> None:
    client.force_login(participant)
    response = client.get("/")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_new_passwords_are_hashed_with_argon2(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    user = User.objects.create_user("hash@example.org", "a long passphrase here")
    assert user.password.startswith("argon2$")
    assert check_password("a long passphrase here", user.password)


def test_production_settings_pass_the_deployment_check() -> None:
    """`manage.py check --deploy` with production settings reports nothing (ASVS A1)."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "0",
        "IGF_HTTPS": "1",
        "ALLOWED_HOSTS": "forum.example.org",
        "DJANGO_SETTINGS_MODULE": "igf.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_cookies_are_secure_host_only_and_httponly() -> None:
    env = {**os.environ, "IGF_HTTPS": "1", "DJANGO_SETTINGS_MODULE": "igf.settings"}
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_NAME, s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_NAME, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS)"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env={**env, "PYTHONPATH": "src"},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert result.stdout.split() == [
        "__Host-sessionid", "True", "True", "Lax", "__Host-csrftoken", "True", "31536000", "True",
    ]  # fmt: skip


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_server_errors_show_a_generic_page_without_internals(client: Client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from igf.core import queries  # noqa: PLC0415

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("SECRET_INTERNAL_DETAIL")

    monkeypatch.setattr(queries, "current_forum", explode)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong on our side" in body
    assert "SECRET_INTERNAL_DETAIL" not in body
    assert "Traceback" not in body


def test_unknown_pages_answer_404_in_the_viewers_language(client: Client, db: None) -> None:
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404
    assert 'lang="fr"' in response.content.decode()


@pytest.mark.django_db
def test_state_changing_views_refuse_get(client: Client) -> None:
    user = UserFactory.create()
    client.force_login(user)
    response = client.get("/i18n/setlang/?language=fr")
    assert response.status_code in (302, 405)
    assert client.cookies.get("django_language") is None


def test_a_nul_character_in_the_address_never_reaches_the_database(
    client: Client, db: None
) -> None:
    # PostgreSQL refuses NUL in text: the API's filters once passed it into a 500.
    BodyFactory.create(name="Multistakeholder Advisory Group", type=body_type("mag"))
    mag = client.get("/api/v1/bodies?type=m%00ag")
    assert mag.status_code == 200
    assert mag.json()["count"] == client.get("/api/v1/bodies?type=mag").json()["count"] == 1
    assert client.get("/api/v1/bodies?region=%00").status_code == 200
    assert client.get("/people/%00/").status_code == 400
