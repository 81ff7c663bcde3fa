"""Editing one's profile: every field, its visibility, and bad input that loses nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from igf.core.enums import Visibility
from igf.core.models import ActivityEntry
from igf.people.models import Organization, User
from tests.factories import OrganizationFactory, image_file, person_of

PROFILE_URL = "/me/profile/"


def valid_profile(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "display_name": "Amina Diallo",
        "pronouns": "she/her",
        "organization": "",
        "new_organization": "",
        "position": "",
        "country": "SN",
        "country_visibility": Visibility.PUBLIC,
        "stakeholder_group": "civil_society",
        "stakeholder_group_visibility": Visibility.PARTICIPANTS,
        "gender": "woman",
        "gender_description": "",
        "gender_visibility": Visibility.SECRETARIAT,
        "is_youth": "yes",
        "youth_visibility": Visibility.SECRETARIAT,
        "languages": ["fr", "en"],
        "other_languages": "Wolof",
        "accessibility_needs": "Live captions, please",
        "timezone": "Africa/Dakar",
        "photo_visibility": Visibility.SECRETARIAT,
    }
    data.update(overrides)
    return data


def test_profile_page_requires_signing_in(client: Client, db: None) -> None:
    response = client.get(PROFILE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/me/profile/")


def test_profile_saves_every_field(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    response = login(participant).post(PROFILE_URL, valid_profile())
    assert response.status_code == 302
    person = person_of(participant)
    assert person.display_name == "Amina Diallo"
    assert person.country_id == "SN"
    assert person.stakeholder_group == "civil_society"
    assert person.stakeholder_group_visibility == Visibility.PARTICIPANTS
    assert person.gender == "woman"
    assert person.is_youth is True
    assert person.languages == ["fr", "en"]
    assert person.other_languages == "Wolof"
    assert person.accessibility_needs == "Live captions, please"
    assert person.timezone == "Africa/Dakar"
    entry = ActivityEntry.objects.get(verb="person.profile_updated")
    assert entry.actor == participant
    assert entry.public is False
    assert "display_name" in entry.data["fields"]


def test_profile_shows_and_saves_the_language_of_emails(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    client = login(participant)
    page = client.get(PROFILE_URL).content.decode()
    assert "Language of e-mails from the forum" in page
    assert '<option value="" selected>The first of mine the forum speaks</option>' in page

    response = client.post(PROFILE_URL, valid_profile(language="es"))

    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.language == "es"
    page = client.get(PROFILE_URL).content.decode()
    assert '<option value="es" selected>español</option>' in page


def test_profile_refuses_a_language_the_forum_does_not_write_in(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    response = login(participant).post(PROFILE_URL, valid_profile(language="de"))

    assert response.status_code == 200
    assert "Select a valid choice. de is not one of the available choices." in (
        response.content.decode()
    )
    participant.refresh_from_db()
    assert participant.language == ""


def test_profile_sensitive_fields_default_to_the_secretariat(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    page = login(participant).get(PROFILE_URL).content.decode()
    for name in ("country_visibility", "stakeholder_group_visibility", "gender_visibility",
                 "youth_visibility", "photo_visibility"):  # fmt: skip
        assert f'name="{name}" value="secretariat" required id="id_{name}_2" checked' in page or (
            f'name="{name}" value="secretariat"' in page and "checked" in page
        )
    person = person_of(participant)
    assert person.gender_visibility == Visibility.SECRETARIAT
    assert person.country_visibility == Visibility.SECRETARIAT


def test_profile_bad_input_keeps_what_was_typed_and_explains(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    response = login(participant).post(
        PROFILE_URL,
        valid_profile(
            display_name="   ", country="XX", timezone="Mars/Olympus", pronouns="they/them"
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter the name to show with your contributions." in page
    assert "Select a valid choice. XX is not one of the available choices." in page
    assert 'value="they/them"' in page
    assert 'aria-invalid="true"' in page
    assert person_of(participant).pronouns == ""


def test_profile_errors_are_translated(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    client = login(participant)
    client.cookies["django_language"] = "fr"
    response = client.post(PROFILE_URL, valid_profile(display_name=" "))
    assert "Indiquez le nom à afficher avec vos contributions." in response.content.decode()


def test_profile_self_described_gender_needs_words(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    response = login(participant).post(PROFILE_URL, valid_profile(gender="self_described"))
    assert "Describe your gender, or choose another answer." in response.content.decode()
    login(participant).post(
        PROFILE_URL, valid_profile(gender="self_described", gender_description="Two-spirit")
    )
    assert person_of(participant).gender_description == "Two-spirit"


def test_profile_new_organisation_awaits_review(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    login(participant).post(
        PROFILE_URL,
        valid_profile(new_organization="Dakar Digital Commons", affiliation_listed="on"),
    )
    organization = Organization.objects.get(name="Dakar Digital Commons")
    assert organization.listed is False
    assert organization.country_id == "SN"
    assert person_of(participant).affiliations.get().listed is True


def test_profile_cannot_choose_both_a_listed_and_a_new_organisation(
    participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    organization = OrganizationFactory.create()
    response = login(participant).post(
        PROFILE_URL, valid_profile(organization=organization.pk, new_organization="Another")
    )
    assert (
        "Choose an organisation from the list or name a new one, not both."
        in response.content.decode()
    )
    assert not Organization.objects.filter(name="Another").exists()


def test_profile_photo_is_reencoded_as_jpeg_without_metadata(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    response = login(participant).post(PROFILE_URL, {**valid_profile(), "photo": image_file()})
    assert response.status_code == 302
    person = person_of(participant)
    with person.photo.open("rb") as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
        assert image.size == (50, 40)
        assert not image.getexif()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("me.png", b"not an image at all", content_type="image/png"),
         "This file is not a JPEG, PNG or WebP image."),
        (SimpleUploadedFile("me.gif", b"GIF89a" + b"\x00" * 50, content_type="image/gif"),
         "This file is not a JPEG, PNG or WebP image."),
        (SimpleUploadedFile("me.png", b"\x89PNG" + b"\x00" * (2 * 1024 * 1024 + 1),
                            content_type="image/png"),
         "The photo is larger than 2 MB."),
    ],
)  # fmt: skip
def test_profile_photo_refuses_bad_files(participant: User, login, upload, message) -> None:  # type: ignore[no-untyped-def]
    response = login(participant).post(PROFILE_URL, {**valid_profile(), "photo": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not person_of(participant).photo


def test_profile_photo_with_a_lying_extension_is_refused(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    response = login(participant).post(
        PROFILE_URL, {**valid_profile(), "photo": image_file(name="me.jpg", image_format="PNG")}
    )
    assert "This file is not a JPEG, PNG or WebP image." in response.content.decode()


def test_profile_photo_can_be_removed(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    client = login(participant)
    client.post(PROFILE_URL, {**valid_profile(), "photo": image_file()})
    client.post(PROFILE_URL, {**valid_profile(), "remove_photo": "on"})
    assert not person_of(participant).photo


def test_the_organisation_is_found_by_typing_part_of_its_name(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    for index in range(140):
        OrganizationFactory.create(name=f"Agency {index:03}")
    wanted = OrganizationFactory.create(name="Dakar Digital Commons")
    OrganizationFactory.create(name="Hidden Pending Org", listed=False)
    client = login(participant)
    page = client.get(PROFILE_URL).content.decode()
    assert '<input type="text" name="organization"' in page
    assert 'list="organisation-names"' in page
    assert '<option value="Dakar Digital Commons"></option>' in page
    assert "Hidden Pending Org" not in page
    assert '<select name="organization"' not in page

    response = client.post(PROFILE_URL, valid_profile(organization="digital commons"))

    assert response.status_code == 302
    assert person_of(participant).affiliations.get().organization == wanted
    assert 'value="Dakar Digital Commons"' in client.get(PROFILE_URL).content.decode()


def test_an_organisation_name_matching_several_says_which_and_keeps_the_input(
    participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    OrganizationFactory.create(name="Open Net Lab")
    OrganizationFactory.create(name="Open Net Africa")
    client = login(participant)
    page = client.post(PROFILE_URL, valid_profile(organization="open net")).content.decode()
    assert (
        "Several organisations match “open net”: “Open Net Africa”, “Open Net Lab”. "
        "Type the whole name of yours."
    ) in page
    assert 'value="open net"' in page
    page = client.post(PROFILE_URL, valid_profile(organization="Nowhere Org")).content.decode()
    assert "No organisation in the directory matches “Nowhere Org”." in page
    assert not person_of(participant).affiliations.exists()


def test_profile_errors_are_summarised_with_links_to_their_fields(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    page = login(participant).post(PROFILE_URL, valid_profile(display_name=" ")).content.decode()
    summary = page.split('class="error-summary"')[1].split("</div>")[0]
    assert "Nothing was saved: there is a problem" in summary
    assert (
        '<a href="#id_display_name">Display name: Enter the name to show with your '
        "contributions.</a>"
    ) in summary
