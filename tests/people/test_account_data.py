"""Downloading one's data and deleting one's account (GDPR art. 15, 17, 20)."""

from __future__ import annotations

import json

from allauth.account.models import EmailAddress
from django.test import Client

from igf.core.models import ActivityEntry
from igf.people import services
from igf.people.models import Person, User
from tests.factories import AffiliationFactory, person_of


def test_export_downloads_everything_about_me_as_json(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    Person.objects.filter(user=participant).update(
        pronouns="she/her", accessibility_needs="Captions", country_id="KE"
    )
    AffiliationFactory.create(person=person_of(participant), position="Researcher")
    response = login(participant).get("/me/data.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="igf-my-data-')
    data = json.loads(response.content)
    assert data["account"]["email"] == participant.email
    assert data["account"]["email_addresses"] == [
        {"email": participant.email, "verified": True, "primary": True}
    ]
    assert data["profile"]["display_name"] == "Amina Participant"
    assert data["profile"]["pronouns"] == "she/her"
    assert data["profile"]["accessibility_needs"] == "Captions"
    assert data["profile"]["country"] == "KE"
    assert data["affiliations"][0]["position"] == "Researcher"


def test_export_needs_an_account(client: Client, db: None) -> None:
    response = client.get("/me/data.json")
    assert response.status_code == 302


def test_erase_asks_for_confirmation(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    response = login(participant).post("/me/delete/", {"confirm": "maybe"})
    assert response.status_code == 200
    assert "Type DELETE to confirm that you want to leave." in response.content.decode()
    assert User.objects.get(pk=participant.pk).is_active


def test_erase_removes_personal_data_and_keeps_the_record(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    person = person_of(participant)
    Person.objects.filter(pk=person.pk).update(
        pronouns="she/her", accessibility_needs="Braille", country_id="KE", gender="woman"
    )
    AffiliationFactory.create(person=person)
    email = participant.email
    client = login(participant)
    response = client.post("/me/delete/", {"confirm": "DELETE"})
    assert response.status_code == 302
    person.refresh_from_db()
    user = User.objects.get(pk=participant.pk)
    assert person.public_name == "former participant"
    assert (person.display_name, person.pronouns, person.accessibility_needs) == ("", "", "")
    assert (person.country_id, person.gender) == (None, "")
    assert person.affiliations.count() == 0
    assert user.email != email
    assert not user.is_active
    assert not user.has_usable_password()
    assert not EmailAddress.objects.filter(email=email).exists()
    # Signed out here, and the old session cookie gives nothing anywhere (ASVS 7.4.1).
    assert client.get("/me/profile/").status_code == 302
    assert ActivityEntry.objects.filter(verb="person.erased").count() == 1


def test_erase_leaves_no_copy_of_the_email_or_name_in_the_database(participant: User) -> None:
    """A dump of every text column holds neither the address nor the name (H4)."""
    from django.apps import apps  # noqa: PLC0415
    from django.db import models  # noqa: PLC0415

    email, name = participant.email, "Amina Participant"
    services.update_profile(
        by=participant, person=person_of(participant), changes={"pronouns": "she"}
    )
    services.erase_account(by=participant, person=person_of(participant))
    for model in apps.get_models():
        text_fields = [
            f.name for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField, models.JSONField))
        ]  # fmt: skip
        for row in model._default_manager.values(*text_fields):
            dump = json.dumps(row, default=str)
            assert email not in dump, model
            assert name not in dump, model


def test_erased_person_page_is_gone(client: Client, participant: User) -> None:
    person = person_of(participant)
    services.erase_account(by=participant, person=person)
    assert client.get(person.get_absolute_url()).status_code == 404


def test_erased_account_sessions_end(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    other_device = login(participant)
    assert other_device.get("/me/profile/").status_code == 200
    services.erase_account(by=participant, person=person_of(participant))
    assert other_device.get("/me/profile/").status_code == 302


def test_erase_accepts_the_confirmation_word_of_the_viewers_language(
    participant: User, login
) -> None:
    client = login(participant)
    client.cookies["django_language"] = "fr"
    page = client.get("/me/delete/").content.decode()
    assert "Saisissez SUPPRIMER pour confirmer" in page
    response = client.post("/me/delete/", {"confirm": "supprimer"})
    assert response.status_code == 302
    assert not User.objects.get(pk=participant.pk).is_active
