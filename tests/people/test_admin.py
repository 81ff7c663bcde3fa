"""Staff run the foundation from the admin; reviewing organisations goes through the service."""

from __future__ import annotations

from igf.core.models import ActivityEntry
from igf.people.models import Organization, User
from tests.factories import OrganizationFactory


def test_secretariat_lists_organisations_from_the_admin_with_a_log_entry(
    secretariat: User, login
) -> None:
    organization = OrganizationFactory.create(name="Pending Collective", listed=False)
    response = login(secretariat).post(
        "/admin/people/organization/",
        {"action": "list_in_directory", "_selected_action": [organization.pk]},
    )
    assert response.status_code == 302
    assert Organization.objects.get(pk=organization.pk).listed
    entry = ActivityEntry.objects.get(verb="organization.reviewed")
    assert (entry.actor, entry.public, entry.target_label) == (
        secretariat,
        True,
        "Pending Collective",
    )


def test_admin_pages_of_the_foundation_open_for_the_secretariat(secretariat: User, login) -> None:
    client = login(secretariat)
    for url in (
        "/admin/people/person/", "/admin/people/organization/", "/admin/people/user/",
        "/admin/core/country/", "/admin/core/activityentry/", "/admin/core/forum/",
    ):  # fmt: skip
        assert client.get(url).status_code == 200, url


def test_secretariat_cannot_raise_anyones_rights_in_the_admin(
    secretariat: User, participant: User, login
) -> None:
    client = login(secretariat)
    url = f"/admin/people/user/{secretariat.pk}/change/"
    response = client.post(
        url,
        {
            "email": secretariat.email, "is_active": "on", "is_staff": "on",
            "is_superuser": "on", "date_joined_0": "2026-01-01", "date_joined_1": "00:00",
        },
    )  # fmt: skip
    assert response.status_code == 302  # the form was saved, without the role fields
    secretariat.refresh_from_db()
    assert secretariat.is_superuser is False
    assert login(participant).get("/admin/people/user/").status_code == 302
