"""The opinions app's open data: what the public pages show, as JSON."""

from __future__ import annotations

from django.test import Client

from igf.opinions.enums import ConversationStatus
from tests.opinions.factories import ConversationFactory, two_camps


def test_public_conversations_are_listed_and_drafts_are_not(client: Client, db: None) -> None:
    public = ConversationFactory.create(title="Open data")
    draft = ConversationFactory.create(status=ConversationStatus.DRAFT)
    slugs = [c["slug"] for c in client.get("/api/v1/opinions").json()["items"]]
    assert public.slug in slugs
    assert draft.slug not in slugs
    assert client.get(f"/api/v1/opinions/{draft.slug}").status_code == 404


def test_results_carry_groups_consensus_and_how_stable_they_are(client: Client, db: None) -> None:
    conversation = ConversationFactory.create()
    users, statements = two_camps(conversation)
    detail = client.get(f"/api/v1/opinions/{conversation.slug}").json()
    numbers = {s["number"] for s in detail["statement_list"]}
    assert {s.number for s in statements} <= numbers
    results = client.get(f"/api/v1/opinions/{conversation.slug}/results").json()
    assert results["k"] == 2
    assert sorted(g["size"] for g in results["groups"]) == [12, 12]
    assert results["stability"]["stable"] is True
    shown = {r["statement"] for g in results["groups"] for r in g["representative"]}
    assert shown <= numbers
    body = str(results) + str(detail)
    assert all(u.email not in body and u.person.display_name not in body for u in users)
