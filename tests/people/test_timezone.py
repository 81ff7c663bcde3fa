"""Choosing the time zone that every time is shown in."""

from __future__ import annotations

from django.test import Client

from igf.people.models import User
from tests.factories import person_of


def test_visitor_time_zone_is_kept_for_the_session(client: Client, db: None) -> None:
    response = client.post("/timezone/", {"timezone": "Asia/Kolkata", "next": "/organisations/"})
    assert response["Location"] == "/organisations/"
    page = client.get("/").content.decode()
    assert "Times are shown in Asia/Kolkata." in page


def test_signed_in_time_zone_is_saved_on_the_profile(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    login(participant).post("/timezone/", {"timezone": "America/Bogota"})
    assert person_of(participant).timezone == "America/Bogota"
    assert "Times are shown in America/Bogota." in login(participant).get("/").content.decode()


def test_unknown_time_zone_is_refused_with_a_message(client: Client, db: None) -> None:
    response = client.post("/timezone/", {"timezone": "Mars/Olympus_Mons"})
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert "Times are shown in UTC." in client.get("/").content.decode()


def test_time_zone_page_offers_the_browser_zone_until_one_is_chosen(
    client: Client, db: None
) -> None:
    assert "data-offer-browser-zone" in client.get("/timezone/").content.decode()
    client.post("/timezone/", {"timezone": "Europe/Paris"})
    assert "data-offer-browser-zone" not in client.get("/timezone/").content.decode()
