"""The code of conduct: published in versions and six languages, accepted at sign-up, and
accepted again before the first contribution after it changes."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from igf.conduct.models import Acceptance
from igf.conduct.rules import must_accept
from igf.people.models import User
from tests.conduct.factories import accepted, publish
from tests.factories import person_of
from tests.meetings.factories import MeetingFactory
from tests.opinions.factories import ConversationFactory, StatementFactory

PASSWORD = "a long and unusual passphrase 42"


@pytest.mark.django_db
def test_code_page_shows_the_current_version_in_the_readers_language(client: Client) -> None:
    publish()
    publish("Harassment section clarified.")
    english = client.get("/conduct/").content.decode()
    arabic = client.get("/conduct/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    chinese = client.get("/conduct/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "<h1>IGF Code of Conduct</h1>" in english
    assert "Version 2, published on" in english
    assert "Harassment section clarified." in english
    assert "<h1>مدونة قواعد السلوك لمنتدى حوكمة الإنترنت</h1>" in arabic
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "<h1>互联网治理论坛行为守则</h1>" in chinese


@pytest.mark.django_db
def test_an_older_version_stays_readable_and_points_to_the_current_one(client: Client) -> None:
    publish()
    publish("Reporting explained.")
    page = client.get("/conduct/versions/1/").content.decode()
    assert "Version 1, published on" in page
    assert 'href="/conduct/">Read the current version</a>' in page
    assert client.get("/conduct/versions/9/").status_code == 404


@pytest.mark.django_db
def test_a_language_without_a_text_falls_back_to_english(client: Client) -> None:
    publish(texts={"en": ("Code", "Be kind."), "fr": ("Code de conduite", "Soyez aimable.")})
    page = client.get("/conduct/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Be kind." in page


def _sign_up(client: Client, **extra: str) -> Any:
    data = {
        "email": "new@example.org",
        "display_name": "Nia New",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **extra,
    }
    return client.post("/accounts/signup/", data)


@pytest.mark.django_db
def test_sign_up_records_acceptance_of_the_current_code(client: Client) -> None:
    code = publish()
    form = client.get("/accounts/signup/").content.decode()
    assert form.index('name="password2"') < form.index('name="accept_code_of_conduct"')
    assert "I have read the code of conduct and accept it" in form
    response = _sign_up(client, accept_code_of_conduct="on")
    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    assert list(Acceptance.objects.filter(person=user.person).values_list("code", flat=True)) == [
        code.pk
    ]
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_sign_up_without_accepting_the_code_is_refused_in_place(client: Client) -> None:
    publish()
    response = _sign_up(client)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Accept the code of conduct to join the forum." in page
    assert not User.objects.filter(email="new@example.org").exists()


@pytest.mark.django_db
def test_a_new_version_must_be_accepted_before_the_next_contribution(
    participant: User, login: Any
) -> None:
    publish()
    accepted(participant)
    person = person_of(participant)
    assert not must_accept(person)
    publish("A new section on harassment.")
    assert must_accept(person)


@pytest.mark.django_db
def test_contributing_after_a_change_asks_to_accept_and_returns_to_the_page(
    participant: User, login: Any
) -> None:
    publish()
    accepted(participant)
    publish("A new section on harassment.")
    statement = StatementFactory.create(conversation=ConversationFactory.create(slug="spectrum"))
    client = login(participant)
    response = client.post(
        "/opinions/spectrum/vote/",
        {"statement": statement.pk, "vote": "agree"},
        HTTP_REFERER="http://testserver/opinions/spectrum/",
    )
    assert response.status_code == 302
    assert response["Location"] == "/conduct/accept/?next=%2Fopinions%2Fspectrum%2F"
    assert not statement.votes.exists()
    page = client.get(response["Location"]).content.decode()
    assert "code of conduct has changed (version 2)" in page
    assert "A new section on harassment." in page
    refused = client.post("/conduct/accept/", {"next": "/opinions/spectrum/"})
    assert refused.status_code == 400
    assert "Tick the box to accept the code of conduct." in refused.content.decode()
    back = client.post("/conduct/accept/", {"accept": "on", "next": "/opinions/spectrum/"})
    assert back["Location"] == "/opinions/spectrum/"
    client.post("/opinions/spectrum/vote/", {"statement": statement.pk, "vote": "agree"})
    assert statement.votes.count() == 1


@pytest.mark.django_db
def test_a_contribution_form_asks_to_accept_first(participant: User, login: Any) -> None:
    publish()
    consultation = MeetingFactory.create(body=None, title="Open consultation on the programme")
    address = f"/meetings/{consultation.pk}/inputs/new/"
    response = login(participant).get(address)
    assert (
        response["Location"]
        == f"/conduct/accept/?next=%2Fmeetings%2F{consultation.pk}%2Finputs%2Fnew%2F"
    )
    accepted(participant)
    assert login(participant).get(address).status_code == 200


@pytest.mark.django_db
def test_accepting_never_returns_to_another_site(participant: User, login: Any) -> None:
    publish()
    response = login(participant).post(
        "/conduct/accept/", {"accept": "on", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_before_any_code_is_published_nobody_is_asked(participant: User, login: Any) -> None:
    statement = StatementFactory.create(conversation=ConversationFactory.create(slug="open"))
    login(participant).post("/opinions/open/vote/", {"statement": statement.pk, "vote": "agree"})
    assert statement.votes.count() == 1
    assert "not published its code of conduct yet" in login(None).get("/conduct/").content.decode()


@pytest.mark.django_db
def test_sign_up_before_any_code_is_published_asks_nothing(client: Client) -> None:
    page = client.get("/accounts/signup/").content.decode()
    assert 'name="accept_code_of_conduct"' not in page
    assert _sign_up(client).status_code == 302


@pytest.mark.django_db
def test_the_accept_page_and_report_link_speak_the_readers_language(
    participant: User, other_participant: User, login: Any
) -> None:
    publish()
    client = login(participant)
    french = client.get("/conduct/accept/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "<h1>Acceptez le code de conduite mis à jour</h1>" in french
    assert "J’ai lu le code de conduite et je l’accepte" in french  # noqa: RUF001
    profile = person_of(other_participant).get_absolute_url()
    russian = client.get(profile, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Сообщить о проблеме</a>" in russian  # noqa: RUF001


@pytest.mark.django_db
def test_the_demo_publishes_version_1_in_six_languages_once(participant: User) -> None:
    from django.contrib.auth.models import Group  # noqa: PLC0415

    from igf.conduct.demo import seed  # noqa: PLC0415
    from igf.conduct.models import Code  # noqa: PLC0415
    from igf.core.demo import DemoContext  # noqa: PLC0415

    accounts = seed(DemoContext())
    assert seed(DemoContext()) == accounts
    assert [(a.email, a.role) for a in accounts] == [("conduct@example.org", "conduct officer")]
    code = Code.objects.get()
    assert sorted(code.texts.values_list("language", flat=True)) == [
        "ar",
        "en",
        "es",
        "fr",
        "ru",
        "zh-hans",
    ]
    assert not must_accept(person_of(participant))
    officers = Group.objects.get(name="Conduct officers").user_set.all()
    assert [u.email for u in officers] == ["conduct@example.org"]


@pytest.mark.django_db
def test_a_paragraph_stays_readable_but_a_comment_waits_for_the_new_code(
    secretariat: User, participant: User, login: Any
) -> None:
    from igf.consultations.models import Comment  # noqa: PLC0415
    from tests.consultations import factories as f  # noqa: PLC0415

    f.old_account(participant)
    doc = f.document(by=secretariat)
    f.open_period(by=secretariat, doc=doc)
    paragraph = f.version(doc).paragraphs.get(number=1)
    address = paragraph.get_absolute_url()
    publish()
    client = login(participant)
    assert client.get(address).status_code == 200
    comment = {"text": "Mention the NRIs.", "stakeholder_group": "civil_society", "website": ""}
    response = client.post(address, comment, HTTP_REFERER=f"http://testserver{address}")
    assert response["Location"].startswith("/conduct/accept/?next=")
    assert not Comment.objects.exists()
    client.post("/conduct/accept/", {"accept": "on", "next": address})
    assert client.post(address, comment).status_code == 302
    assert Comment.objects.get().text == "Mention the NRIs."
