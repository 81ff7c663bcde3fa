"""Signing up, confirming, signing in and out, resetting, lock-out, second factor."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail
from django.test import Client
from django.utils import timezone

from igf.core.models import ActivityEntry
from igf.people.models import User
from tests.factories import SecretariatFactory, UserFactory

PASSWORD = "correct horse battery staple"


def _link(message: str) -> str:
    match = re.search(r"https?://testserver(/accounts/[^\s]+)", message)
    assert match, message
    return match.group(1)


@pytest.mark.django_db
def test_signup_confirm_and_sign_in(client: Client) -> None:
    response = client.post(
        "/accounts/signup/",
        {
            "email": "new@example.org",
            "display_name": "New Person",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="new@example.org")
    assert user.person.display_name == "New Person"
    assert ActivityEntry.objects.filter(verb="person.joined", actor=user).exists()
    assert len(mail.outbox) == 1
    confirm_url = _link(str(mail.outbox[0].body))
    client.post(confirm_url)
    profile = client.get("/me/profile/")
    assert profile.status_code == 200
    assert EmailAddress.objects.get(user=user).verified


@pytest.mark.django_db
def test_unconfirmed_account_cannot_sign_in(client: Client) -> None:
    UserFactory.create(email="pending@example.org", verified=False)
    response = client.post(
        "/accounts/login/", {"login": "pending@example.org", "password": PASSWORD}
    )
    assert response["Location"] == "/accounts/confirm-email/"
    assert client.get("/me/profile/").status_code == 302


@pytest.mark.django_db
def test_signup_refuses_weak_and_mismatched_passwords_in_place(client: Client) -> None:
    response = client.post(
        "/accounts/signup/",
        {"email": "weak@example.org", "password1": "password", "password2": "password"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "This password is too common." in page
    assert 'value="weak@example.org"' in page
    assert 'aria-invalid="true"' in page
    assert not User.objects.filter(email="weak@example.org").exists()


@pytest.mark.django_db
def test_sign_in_and_sign_out(client: Client) -> None:
    UserFactory.create(email="amina@example.org")
    response = client.post("/accounts/login/", {"login": "amina@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/me/profile/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/me/profile/").status_code == 302


@pytest.mark.django_db
def test_sign_in_cycles_the_session_key(client: Client) -> None:
    UserFactory.create(email="amina@example.org")
    client.get("/accounts/login/")
    client.session["x"] = 1
    before = client.session.session_key
    client.post("/accounts/login/", {"login": "amina@example.org", "password": PASSWORD})
    assert client.session.session_key != before


@pytest.mark.django_db
def test_password_reset_by_email(client: Client) -> None:
    UserFactory.create(email="forgot@example.org")
    client.post("/accounts/password/reset/", {"email": "forgot@example.org"})
    assert len(mail.outbox) == 1
    reset_url = _link(str(mail.outbox[0].body))
    form_url = client.get(reset_url)["Location"]
    new = "a brand new passphrase"
    response = client.post(form_url, {"password1": new, "password2": new})
    assert response.status_code == 302
    assert User.objects.get(email="forgot@example.org").check_password(new)


@pytest.mark.django_db
def test_password_reset_link_expires_after_an_hour(client: Client) -> None:
    UserFactory.create(email="late@example.org")
    client.post("/accounts/password/reset/", {"email": "late@example.org"})
    reset_url = _link(str(mail.outbox[0].body))
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        response = client.get(reset_url, follow=True)
    assert "The password reset link was invalid" in response.content.decode()


@pytest.mark.django_db
def test_lockout_after_five_failures_then_cool_off(client: Client) -> None:
    UserFactory.create(email="target@example.org")
    for _ in range(5):
        client.post("/accounts/login/", {"login": "target@example.org", "password": "wrong guess"})
    response = client.post(
        "/accounts/login/", {"login": "target@example.org", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    # Another connection can still sign in to the same account: nobody can lock a person out.
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert (
        other.post(
            "/accounts/login/", {"login": "target@example.org", "password": PASSWORD}
        ).status_code
        == 302
    )
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        again = Client()
        ok = again.post("/accounts/login/", {"login": "target@example.org", "password": PASSWORD})
    assert ok.status_code == 302


@pytest.mark.django_db
def test_staff_without_second_factor_are_sent_to_set_one_up(login) -> None:  # type: ignore[no-untyped-def]
    staff = SecretariatFactory.create()
    client = login(staff)
    for url in ("/admin/", "/staff/people/balance/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == "/accounts/2fa/totp/activate/"


@pytest.mark.django_db
def test_staff_with_second_factor_must_give_a_code_to_sign_in(client: Client) -> None:
    staff = SecretariatFactory.create(email="staff@example.org")
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    response = client.post("/accounts/login/", {"login": "staff@example.org", "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302
    code = f"{hotp_value(secret, next(yield_hotp_counters_from_time())):06d}"
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    # The same code cannot be used twice (ASVS 6.5.1).
    replay = Client()
    replay.post("/accounts/login/", {"login": "staff@example.org", "password": PASSWORD})
    refused = replay.post("/accounts/2fa/authenticate/", {"code": code})
    assert refused.status_code == 200
    assert replay.get("/admin/").status_code == 302


HOSTILE_NEXT = [
    "//evil.example", "\\\\evil.example", "https://evil.example", "http://evil.example/",
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "/\\evil.example", "\\/evil.example",
    "https:evil.example", "///evil.example", "//evil.example@testserver",
    "http://testserver.evil.example", "//%65vil.example", "https://evil\u3002example",
    "data:text/html,hi", " //evil.example", "\t//evil.example", "/%2F%2Fevil.example",
    "https://testserver@evil.example", "//evil.example/%2e%2e",
]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_redirects_never_leave_the_site(client: Client, target: str) -> None:
    UserFactory.create(email="amina@example.org")
    responses = [
        client.post(
            "/accounts/login/", {"login": "amina@example.org", "password": PASSWORD, "next": target}
        ),
        client.post("/timezone/", {"timezone": "Asia/Tokyo", "next": target}),
        client.post("/i18n/setlang/", {"language": "fr", "next": target}),
    ]
    for response in responses:
        location = response.get("Location", "")
        assert location.startswith("/"), (target, location)
        assert not location.startswith(("//", "/\\")), (target, location)


@pytest.mark.django_db
def test_moderators_without_second_factor_are_sent_to_set_one_up(login) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import Group  # noqa: PLC0415

    moderator = UserFactory.create()
    moderator.groups.add(Group.objects.create(name="Moderators"))
    response = login(moderator).get("/consultations/moderation/")
    assert response["Location"] == "/accounts/2fa/totp/activate/"


@pytest.mark.django_db
def test_signup_asks_for_a_display_name_and_greets_with_the_sites_name(
    client: Client, settings: Any
) -> None:
    settings.IGF_SITE_NAME = "Internet Governance Forum"
    settings.IGF_SITE_URL = "https://forum.example.org"
    page = client.get("/accounts/signup/").content.decode()
    assert 'name="display_name"' in page
    response = client.post(
        "/accounts/signup/",
        {
            "email": "named@example.org",
            "display_name": "  Amina   Diallo ",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="named@example.org")
    assert user.person.display_name == "Amina Diallo"
    (message,) = mail.outbox
    assert message.body.startswith("Hello from Internet Governance Forum!")
    assert "register an account on forum.example.org" in message.body
    assert "Thank you for using Internet Governance Forum!\nforum.example.org" in message.body


@pytest.mark.django_db
def test_signup_without_a_name_is_refused_with_a_linked_summary(client: Client) -> None:
    response = client.post(
        "/accounts/signup/",
        {"email": "nameless@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    page = response.content.decode()
    assert response.status_code == 200
    summary = page.split('class="error-summary"')[1].split("</div>")[0]
    assert 'role="alert"' in summary
    assert (
        '<a href="#id_display_name">Display name: Enter the name to show with your '
        "contributions.</a>" in summary
    )
    assert 'value="nameless@example.org"' in page
    assert not User.objects.filter(email="nameless@example.org").exists()
