"""The kernel every app shares: refusals, loading the object once, the second factor, notify()."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django import forms
from django.contrib.auth.models import Group
from django.core import mail
from django.db import transaction
from django.test import Client
from django.urls import resolve

from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.notify import language_of, notify
from igf.core.permissions import requires_second_factor
from igf.people.models import User
from tests.factories import OrganizationFactory, SecretariatFactory, UserFactory, person_of

KERNEL_URLS = pytest.mark.urls("tests.core.kernel_urls")


# --- Refusals ---------------------------------------------------------------------------------


@KERNEL_URLS
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "status"), [("refused", 409), ("invalid", 400), ("not-allowed", 403)]
)
def test_refusal_is_a_page_with_the_reason_and_its_status(
    client: Client, kind: str, status: int
) -> None:
    response = client.get(f"/kernel/refuse/{kind}/")
    assert response.status_code == status
    assert '<p role="alert">The comment period closed on 1 May.</p>' in response.content.decode()


@KERNEL_URLS
@pytest.mark.django_db
def test_refused_form_goes_back_to_the_page_it_came_from_with_the_reason(client: Client) -> None:
    response = client.post(
        "/kernel/refuse/refused/", HTTP_REFERER="http://testserver/consultations/?q=1"
    )
    assert response.status_code == 302
    assert response["Location"] == "http://testserver/consultations/?q=1"
    page = client.get("/consultations/?q=1").content.decode()
    assert "The comment period closed on 1 May." in page


@KERNEL_URLS
@pytest.mark.django_db
def test_refusal_never_redirects_to_another_site(client: Client) -> None:
    response = client.post("/kernel/refuse/refused/", HTTP_REFERER="https://evil.example/")
    assert response.status_code == 409
    assert "evil.example" not in response.content.decode()


def test_refusal_lands_on_its_field_when_the_form_has_it() -> None:
    class CommentForm(forms.Form):
        text = forms.CharField()

    form = CommentForm({"text": "x"})
    assert form.is_valid()
    add_refusal(form, Refused("Too short.", field="text"))
    add_refusal(form, Refused("Closed.", field="no_such_field"))
    assert form.errors == {"text": ["Too short."], "__all__": ["Closed."]}


# --- Loading the object once ------------------------------------------------------------------


@KERNEL_URLS
@pytest.mark.django_db
def test_permission_decorator_passes_the_loaded_object_and_the_other_keywords(
    secretariat: User, login: Any
) -> None:
    OrganizationFactory.create(name="Lagos Rights Hub", slug="lagos")
    response = login(secretariat).get("/kernel/organisations/lagos/3/")
    assert response.content.decode() == "Lagos Rights Hub page 3"


@KERNEL_URLS
@pytest.mark.django_db
def test_permission_decorator_refuses_before_the_view_and_404s_what_does_not_exist(
    participant: User, secretariat: User, login: Any
) -> None:
    OrganizationFactory.create(name="Lagos Rights Hub", slug="lagos")
    assert login(participant).get("/kernel/organisations/lagos/1/").status_code == 403
    anonymous = Client().get("/kernel/organisations/lagos/1/")
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/")
    assert login(secretariat).get("/kernel/organisations/nowhere/1/").status_code == 404


# --- The second factor, declared with the view -------------------------------------------------

# Every page that shows personal data or moderates; the admin's pages all do.
SECOND_FACTOR_PAGES = [
    "/admin/",
    "/admin/people/user/",
    "/admin/people/person/1/change/",
    "/staff/people/balance/",
    "/bodies/a-body/members/appoint/",
    "/bodies/a-body/calls/1/select/",
    "/bodies/proposals/",
    "/bodies/proposals/1/",
    "/consultations/moderation/",
    "/consultations/moderation/1/",
    "/conduct/reports/",
    "/conduct/reports/1/",
    "/consultations/q/questionnaire/invite/",
    "/opinions/new/",
    "/opinions/a-conversation/moderate/",
    "/opinions/a-conversation/statements/1/moderate/",
    "/opinions/a-conversation/status/",
    "/opinions/a-conversation/settings/",
    "/opinions/a-conversation/export/votes.csv",
    "/opinions/a-conversation/import/",
    "/meetings/bodies/bpf-cyber/attendance/",
    "/meetings/1/attendance/",
    "/meetings/inputs/1/moderate/",
    "/programme/calls/1/manage/",
    "/programme/calls/1/assignments/",
    "/programme/calls/1/ranking/",
    "/programme/calls/1/publish/",
    "/programme/proposals/1/decision/",
    "/programme/meetings/igf-2026/schedule/edit/",
    "/programme/meetings/igf-2026/schedule/edit/sessions/1/",
    "/programme/meetings/igf-2026/schedule/solve/",
    "/programme/meetings/igf-2026/schedule/grids/",
    "/programme/meetings/igf-2026/schedule/publish/",
    "/programme/sessions/1/unavailable/",
    "/programme/meetings/igf-2026/reports/",
    "/funding/a-fund/books/",
    "/funding/entries/1/approve/",
    "/funding/entries/1/reverse/",
    "/funding/calls/a-call/awards/",
    "/funding/calls/a-call/scores/",
    "/programme/sessions/1/manage/",
    "/translations/translators/",
    "/translations/translators/1/remove/",
]


@pytest.mark.parametrize("address", SECOND_FACTOR_PAGES)
def test_pages_with_personal_data_or_moderation_declare_the_second_factor(address: str) -> None:
    assert requires_second_factor(resolve(address).func)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address", ["/admin/", "/staff/people/balance/", "/consultations/moderation/"]
)
def test_staff_and_moderators_without_a_second_factor_are_sent_to_set_one_up(
    address: str, login: Any
) -> None:
    moderator = UserFactory.create()
    moderator.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    for user in (SecretariatFactory.create(), moderator):
        response = login(user).get(address)
        assert response.status_code == 302
        assert response["Location"] == "/accounts/2fa/totp/activate/"
        TOTP.activate(user, generate_totp_secret())
        after = login(user).get(address)
        assert after.get("Location") != "/accounts/2fa/totp/activate/"


def test_public_pages_do_not_ask_for_a_second_factor() -> None:
    assert not requires_second_factor(resolve("/").func)
    assert not requires_second_factor(resolve("/organisations/").func)


# --- notify() ---------------------------------------------------------------------------------


@pytest.fixture
def kernel_templates(settings: Any) -> None:
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [Path(__file__).parent / "templates"]},
        *settings.TEMPLATES[1:],
    ]


@pytest.mark.django_db
def test_notify_writes_in_the_persons_language_and_zone_after_commit(
    kernel_templates: None, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.IGF_SITE_URL = "https://forum.example.org/"
    user = UserFactory.create(email="amina@example.org", language="ar")
    person = person_of(user)
    person.timezone = "Africa/Lagos"
    person.save(update_fields=["timezone"])
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        assert notify(person, "kernel/hello", {}) is True
        assert mail.outbox == []  # nothing leaves before the commit
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Hello in ar"
    assert mail.outbox[0].body == (
        "language=ar zone=Africa/Lagos link=https://forum.example.org/x/\n\n"
        "-- \nIGF Platform\nhttps://forum.example.org\n"
    )
    assert mail.outbox[0].to == ["amina@example.org"]


@pytest.mark.django_db(transaction=True)
def test_notify_sends_nothing_when_the_change_is_rolled_back(kernel_templates: None) -> None:
    person = person_of(UserFactory.create(language="fr"))
    mail.outbox = []
    with transaction.atomic():
        notify(person, "kernel/hello", {})
        transaction.set_rollback(True)
    assert mail.outbox == []
    notify(person, "kernel/hello", {})  # outside a transaction: at once
    assert [m.subject for m in mail.outbox] == ["Hello in fr"]


@pytest.mark.django_db
def test_without_a_chosen_language_people_get_the_first_they_speak_that_the_forum_does() -> None:
    person = person_of(UserFactory.create(language=""))
    person.languages = ["pt", "es", "en"]
    assert language_of(person) == "es"
    person.languages = ["pt"]
    assert language_of(person) == "en"


@pytest.mark.django_db
def test_notify_does_not_write_to_people_who_left(kernel_templates: None) -> None:
    user = UserFactory.create(is_active=False)
    assert notify(person_of(user), "kernel/hello", {}) is False


# --- The language of e-mails ---------------------------------------------------------------------


@pytest.mark.django_db
def test_switching_the_page_language_sets_the_language_of_emails(
    participant: User, login: Any
) -> None:
    client = login(participant)
    response = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.language == "zh-hans"
    assert client.get("/").headers["Content-Language"] == "zh-hans"


@pytest.mark.django_db
def test_visitors_switch_language_without_an_account() -> None:
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    assert response.status_code == 302
    assert client.get("/").headers["Content-Language"] == "ar"
