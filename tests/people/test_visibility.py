"""Who sees which personal detail on a public profile, the photo and the API."""

from __future__ import annotations

import pytest
from django.test import Client

from igf.core.enums import Visibility
from igf.people.models import Person, User
from igf.people.services import set_photo
from tests.factories import image_file, person_of

SENTINELS = {"country": "Burkina Faso", "group": "Technical community", "gender": "Woman"}


@pytest.fixture
def shared_person(participant: User) -> Person:
    Person.objects.filter(user=participant).update(
        country_id="BF",
        country_visibility=Visibility.PUBLIC,
        stakeholder_group="technical_community",
        stakeholder_group_visibility=Visibility.PARTICIPANTS,
        gender="woman",
        gender_visibility=Visibility.SECRETARIAT,
        accessibility_needs="SIGN-LANGUAGE-SENTINEL",
    )
    return person_of(participant)


@pytest.mark.parametrize(
    ("role", "sees_country", "sees_group", "sees_gender", "sees_needs"),
    [
        ("anonymous", True, False, False, False),
        ("other_participant", True, True, False, False),
        ("participant", True, True, True, True),
        ("secretariat", True, True, True, True),
    ],
)
def test_profile_details_follow_their_visibility(  # type: ignore[no-untyped-def]
    roles, login, shared_person: Person, role, sees_country, sees_group, sees_gender, sees_needs
) -> None:
    page = login(roles[role]).get(shared_person.get_absolute_url()).content.decode()
    assert (SENTINELS["country"] in page) is sees_country
    assert (SENTINELS["group"] in page) is sees_group
    assert ("<dd>Woman</dd>" in page) is sees_gender
    assert ("SIGN-LANGUAGE-SENTINEL" in page) is sees_needs


def test_public_api_profile_shows_only_public_details(
    client: Client, shared_person: Person
) -> None:
    data = client.get(f"/api/v1/people/{shared_person.public_id}").json()
    assert data["country"] == "BF"
    assert data["stakeholder_group"] is None
    assert "gender" not in data
    assert "SIGN-LANGUAGE-SENTINEL" not in str(data)
    assert participant_email_absent(data, shared_person)


def participant_email_absent(data: dict[str, object], person: Person) -> bool:
    return person.user.email not in str(data)


def test_unknown_profile_is_404(client: Client, db: None) -> None:
    assert client.get("/people/00000000-0000-0000-0000-000000000000/").status_code == 404


@pytest.mark.parametrize(
    ("visibility", "role", "status"),
    [
        (Visibility.SECRETARIAT, "anonymous", 404),
        (Visibility.SECRETARIAT, "other_participant", 404),
        (Visibility.SECRETARIAT, "participant", 200),
        (Visibility.SECRETARIAT, "secretariat", 200),
        (Visibility.PARTICIPANTS, "anonymous", 404),
        (Visibility.PARTICIPANTS, "other_participant", 200),
        (Visibility.PUBLIC, "anonymous", 200),
    ],
)
def test_photo_follows_its_visibility(
    roles, login, participant: User, visibility, role, status
) -> None:
    person = person_of(participant)
    set_photo(by=participant, person=person, upload=image_file())
    Person.objects.filter(pk=person.pk).update(photo_visibility=visibility)
    response = login(roles[role]).get(f"/people/{person.public_id}/photo.jpg")
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "image/jpeg"
        assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"  # type: ignore[attr-defined]


def test_balance_counts_gender_and_age_only_with_consent(participant: User) -> None:
    from igf.people.queries import balance_subject  # noqa: PLC0415

    Person.objects.filter(user=participant).update(gender="woman", is_youth=True, country_id="KE")
    subject = balance_subject(person_of(participant))
    assert (subject.gender, subject.youth, subject.region) == (None, None, "african")
    Person.objects.filter(user=participant).update(counted_in_balance=True)
    subject = balance_subject(person_of(participant))
    assert (subject.gender, subject.youth) == ("woman", True)
