"""The books' pages as the finance team uses them: record, approve as the second person,
reverse with a reason."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from igf.funding.enums import EntryStatus
from igf.funding.models import Entry
from tests.funding.scene import Scene

pytestmark = pytest.mark.django_db


def test_finance_records_a_contribution_in_euros_through_the_form(
    actors: dict[str, Any], scene: Scene, login
) -> None:  # type: ignore[no-untyped-def]
    client = login(actors["finance"])
    response = client.post(
        f"/funding/{scene.fund.slug}/books/",
        {
            "kind": "cash",
            "on": "2025-04-01",
            "amount": "200.00",
            "currency": "EUR",
            "rate": "1.1",
            "rate_date": "2025-03-31",
            "donor": scene.posted.donor_id,
            "description": "Second instalment",
        },
        follow=True,
    )
    assert "The entry is posted." in response.content.decode()
    entry = Entry.objects.get(description="Second instalment")
    assert (entry.amount, entry.currency, entry.reporting_amount) == (
        Decimal(200),
        "EUR",
        Decimal(220),
    )


def test_expenditure_beyond_the_cash_is_refused_on_the_form(
    actors: dict[str, Any], scene: Scene, login
) -> None:  # type: ignore[no-untyped-def]
    client = login(actors["finance"])
    response = client.post(
        f"/funding/{scene.fund.slug}/books/",
        {
            "kind": "expenditure",
            "on": "2025-04-01",
            "amount": "900.00",
            "currency": "USD",
            "rate": "1",
            "rate_date": "2025-04-01",
            "category": "meetings",
            "description": "Venue",
        },
    )
    assert response.status_code == 200
    assert "The fund holds 500.00 USD: not enough for this entry." in response.content.decode()
    assert not Entry.objects.filter(description="Venue").exists()


def test_the_second_person_approves_and_the_entry_is_posted(
    actors: dict[str, Any], scene: Scene, login
) -> None:  # type: ignore[no-untyped-def]
    books = login(actors["other_finance"]).get(f"/funding/{scene.fund.slug}/books/")
    assert f'action="/funding/entries/{scene.pending.pk}/approve/"' in books.content.decode()
    mine = login(actors["finance"]).get(f"/funding/{scene.fund.slug}/books/")
    assert f'action="/funding/entries/{scene.pending.pk}/approve/"' not in mine.content.decode()
    login(actors["other_finance"]).post(f"/funding/entries/{scene.pending.pk}/approve/")
    scene.pending.refresh_from_db()
    assert scene.pending.status == EntryStatus.POSTED


def test_reversal_shows_on_the_public_page_with_its_reason(
    actors: dict[str, Any], scene: Scene, login
) -> None:  # type: ignore[no-untyped-def]
    login(actors["finance"]).post(
        f"/funding/entries/{scene.posted.pk}/reverse/",
        {"reason": "Recorded in the wrong fund", "on": "2025-03-05"},
    )
    html = login(None).get(f"/funding/{scene.fund.slug}/2025/").content.decode()
    assert f"reverses #{scene.posted.pk}: Recorded in the wrong fund" in html
    assert "<dd>0.00</dd>" in html  # the balance at the end of the year
