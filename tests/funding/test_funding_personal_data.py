"""Personal data in funding: the applicant's export holds their applications and awards; when
they leave, what they wrote goes and the amounts stay in the books. Public statistics through
the API hide categories of fewer than 5."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from igf.funding.models import Application, Award
from igf.people import services as people_services
from tests.funding.scene import Scene

pytestmark = pytest.mark.django_db


def test_export_holds_the_applicants_applications_and_awards(
    actors: dict[str, Any], scene: Scene, login
) -> None:  # type: ignore[no-untyped-def]
    Application.objects.filter(pk=scene.award.application_id).update(motivation="My reasons")
    data = login(actors["participant"]).get("/me/data.json").json()
    application = data["funding"]["applications"][0]
    assert (application["call"], application["motivation"], application["award"]["amount"]) == (
        "Travel support",
        "My reasons",
        "1000.00",
    )


def test_erasure_removes_what_the_applicant_wrote_and_keeps_the_amounts(
    actors: dict[str, Any], scene: Scene
) -> None:
    Application.objects.filter(pk=scene.award.application_id).update(
        motivation="My reasons", recommender_email="mentor@example.org", gender="woman"
    )
    Award.objects.filter(pk=scene.award.pk).update(trip_report="Went well")
    participant = actors["participant"]
    people_services.erase_account(by=participant, person=participant.person)
    application = Application.objects.get(pk=scene.award.application_id)
    assert (application.motivation, application.recommender_email, application.gender) == (
        "",
        "",
        "",
    )
    award = Award.objects.get(pk=scene.award.pk)
    assert (award.trip_report, award.amount) == ("", Decimal(1000))


def test_awardee_files_the_trip_report(actors: dict[str, Any], scene: Scene, login) -> None:  # type: ignore[no-untyped-def]
    client = login(actors["participant"])
    response = client.post(
        f"/funding/awards/{scene.award.pk}/report/", {"text": "I ran a workshop."}, follow=True
    )
    assert "Your trip report is filed. Thank you." in response.content.decode()
    scene.award.refresh_from_db()
    assert scene.award.trip_report == "I ran a workshop."
    assert scene.award.trip_report_filed is not None


def test_api_statistics_hide_small_categories(client: Client, scene: Scene) -> None:
    data = client.get(f"/api/v1/funding/calls/{scene.call.slug}/statistics").json()
    assert data["awards"] is None  # one award: fewer than 5
    assert data["by_gender"] == [{"category": "", "count": None}]
    assert client.get("/api/v1/funding/calls/nothing/statistics").status_code == 404
