"""The activity log reads as sentences, in the viewer's language, and hides private entries."""

from __future__ import annotations

from django.test import Client

from igf.core.activity import record_activity
from igf.people import services
from igf.people.models import User
from tests.factories import OrganizationFactory, person_of


def test_home_shows_public_activity_as_sentences(client: Client, participant: User) -> None:
    organization = OrganizationFactory.create(name="Lagos Rights Hub", listed=False)
    services.review_organization(by=participant, organization=organization, listed=True)
    page = client.get("/").content.decode()
    assert "Amina Participant published Lagos Rights Hub in the organisation directory." in page
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Amina Participant publicó Lagos Rights Hub en el directorio de organizaciones." in page


def test_private_activity_is_shown_only_to_the_secretariat(
    client: Client, participant: User, secretariat: User, login
) -> None:
    services.update_profile(
        by=participant, person=person_of(participant), changes={"pronouns": "she"}
    )
    assert "updated their profile" not in client.get("/").content.decode()
    page = login(secretariat).get("/").content.decode()
    assert "Amina Participant updated their profile." in page


def test_activity_without_an_actor_reads_on_its_own(client: Client, db: None) -> None:
    record_activity(by=None, verb="person.erased", public=True)
    assert "A participant left the forum." in client.get("/").content.decode()
