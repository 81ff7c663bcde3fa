"""The results page and the map behind it: groups, the viewer's dot, the spread, privacy,
and recomputation in the task queue (debounced, pages never wait)."""

from __future__ import annotations

from datetime import timedelta
from typing import cast

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from igf.opinions import mapping, services
from igf.opinions.models import ConversationMap
from igf.opinions.spread import measure_spread
from igf.people.models import User
from tests.factories import UserFactory
from tests.opinions.factories import ConversationFactory, StatementFactory, two_camps


def test_results_show_two_groups_and_what_sets_them_apart(client: Client, db: None) -> None:
    conversation = ConversationFactory.create()
    _users, statements = two_camps(conversation)
    page = client.get(f"/opinions/{conversation.slug}/results/").content.decode()
    assert "<strong>24</strong> participants" in page
    assert "<strong>2</strong> opinion groups" in page
    assert '<svg class="opinion-map"' in page
    assert 'role="img" aria-labelledby="map-title"' in page
    assert "Group A: 12 participants" in page
    assert "Group B: 12 participants" in page
    assert "100% of Group A agree, against 0% of everyone else." in page
    assert "Where most agree" in page
    assert statements[-1].text in page.split("Where most agree")[1].split("Where most disagree")[0]
    assert "The opinion map was last updated on" in page
    assert "You are in" not in page


def test_results_show_how_stakeholder_groups_spread(client: Client, db: None) -> None:
    conversation = ConversationFactory.create()
    two_camps(conversation, people=24, groups=("civil_society", "government"))
    page = client.get(f"/opinions/{conversation.slug}/results/").content.decode()
    section = page.split("Stakeholder groups and regions across the opinion groups")[1]
    civil = section.split("Civil society</th>")[1].split("</tr>")[0]
    government = section.split("Government</th>")[1].split("</tr>")[0]
    assert '<td class="num">12</td>' in civil
    assert "100%" in civil
    assert "100%" in government
    assert "Share agreeing, by stakeholder group" in page


def test_the_viewer_alone_sees_their_own_dot(login, db: None) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create()
    users, _ = two_camps(conversation)
    mine = login(users[0]).get(f"/opinions/{conversation.slug}/results/").content.decode()
    assert 'class="map-you">You</text>' in mine
    assert "You are in Group" in mine
    other = login(UserFactory.create()).get(f"/opinions/{conversation.slug}/results/")
    assert 'class="map-you"' not in other.content.decode()


def test_public_results_never_name_a_voter(client: Client, db: None) -> None:
    conversation = ConversationFactory.create()
    users, _ = two_camps(conversation)
    names = [u.person.display_name for u in users]
    for path in ("results/", ""):
        page = client.get(f"/opinions/{conversation.slug}/{path}").content.decode()
        assert not any(name in page for name in names)
    stored = ConversationMap.objects.get(pk=conversation.pk)
    assert not any(name in str(stored.summary) for name in names)


def test_small_categories_are_hidden_with_their_complements() -> None:
    spread = measure_spread(
        "stakeholder_group",
        {"civil_society": [20, 3, 9], "government": [2, 1, 1], "private_sector": [0, 10, 10]},
        [0, 1, 2],
    )
    civil, government, private = spread.rows
    assert government.total is None
    assert all(cell.count is None for cell in government.cells)
    assert civil.total == 32
    assert civil.cells[1].count is None  # 3 people
    # Another civil-society cell is hidden, else 3 = 32 - 20 - 9 could be worked out.
    assert sum(cell.count is None for cell in civil.cells) >= 2
    for column in range(3):
        hidden = sum(row.cells[column].count is None for row in spread.rows)
        assert hidden != 1
    assert private.cells[0].count == 0


def test_a_category_of_fewer_than_five_is_never_shown_in_a_page(client: Client, db: None) -> None:
    conversation = ConversationFactory.create()
    two_camps(conversation, people=24, groups=("civil_society", "civil_society"))
    stored = ConversationMap.objects.get(pk=conversation.pk)
    rows = {r["category"]: r for r in stored.summary["spread"]["stakeholder_group"]["rows"]}
    assert rows["civil_society"]["total"] == 24
    assert rows["government"]["total"] == 0


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_recomputation_is_debounced_and_pages_do_not_wait(
    participant: User, login, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    from django_tasks import default_task_backend  # noqa: PLC0415
    from django_tasks.backends.dummy import DummyBackend  # noqa: PLC0415

    backend = cast(DummyBackend, default_task_backend)

    conversation = ConversationFactory.create()
    statements = StatementFactory.create_batch(3, conversation=conversation)
    ConversationMap.objects.filter(pk=conversation.pk).update(computed=timezone.now())
    backend.clear()
    client = login(participant)
    for statement in statements:
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                f"/opinions/{conversation.slug}/vote/",
                {"statement": statement.pk, "vote": "agree"},
            )
    results = backend.results
    assert len(results) == 1
    stored = ConversationMap.objects.get(pk=conversation.pk)
    assert stored.pending
    assert stored.computed is not None
    assert results[0].task.run_after == stored.computed + services.DEBOUNCE
    page = client.get(f"/opinions/{conversation.slug}/results/").content.decode()
    assert (
        "The opinion map has not been drawn" in page
        or "being drawn" in page
        or ("An update with the latest votes is on its way." in page)
    )
    # The task, when it runs, clears the flag; the next vote enqueues again.
    mapping.recompute_map(conversation.pk)
    assert not ConversationMap.objects.get(pk=conversation.pk).pending
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/opinions/{conversation.slug}/vote/",
            {"statement": statements[0].pk, "vote": "pass"},
        )
    assert len(backend.results) == 2


def test_a_stale_request_is_made_again(db: None) -> None:
    conversation = ConversationFactory.create()
    ConversationMap.objects.filter(pk=conversation.pk).update(
        pending=True, requested=timezone.now() - timedelta(hours=1)
    )
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        assert services.request_recompute(conversation.pk)
        assert not services.request_recompute(conversation.pk)


def test_incremental_update_agrees_with_a_full_recompute(participant: User, db: None) -> None:
    conversation = ConversationFactory.create()
    _users, statements = two_camps(conversation)
    first = ConversationMap.objects.get(pk=conversation.pk)
    for statement in statements:
        services.cast_vote(
            by=participant, conversation=conversation, statement_id=statement.pk, value=1
        )
    updated = mapping.recompute_map(conversation.pk)
    assert updated is not None
    assert updated.summary["n_participants"] == 25
    assert updated.summary["n_votes"] == first.summary["n_votes"] + len(statements)
    ConversationMap.objects.filter(pk=conversation.pk).update(state=None)
    full = mapping.recompute_map(conversation.pk)
    assert full is not None
    assert sorted(g["size"] for g in full.summary["groups"]) == sorted(
        g["size"] for g in updated.summary["groups"]
    )


def test_moderating_out_a_statement_removes_it_from_the_results(client: Client, db: None) -> None:
    conversation = ConversationFactory.create()
    _users, statements = two_camps(conversation)
    moderator = UserFactory.create()
    services.moderate_statement(by=moderator, statement=statements[-1], status="rejected")
    mapping.recompute_map(conversation.pk)
    page = client.get(f"/opinions/{conversation.slug}/results/").content.decode()
    assert statements[-1].text not in page
    assert statements[1].text in page


def test_conversation_list_queries_do_not_grow(client: Client, db: None) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/opinions/").status_code == 200
        return len(queries)

    StatementFactory.create()
    one = count()
    StatementFactory.create_batch(2)
    assert count() == one
    page = client.get("/opinions/").content.decode()
    assert page.count('<td class="num">1</td>') >= 3


def test_moderation_list_queries_do_not_grow(login, db: None) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create()
    moderator = UserFactory.create()
    conversation.moderators.add(moderator.person)
    client = login(moderator)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/opinions/{conversation.slug}/moderate/").status_code == 200
        return len(queries)

    StatementFactory.create(conversation=conversation)
    one = count()
    StatementFactory.create_batch(2, conversation=conversation)
    assert count() == one


def test_my_votes_queries_do_not_grow(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create()
    client = login(participant)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/opinions/{conversation.slug}/my-votes/").status_code == 200
        return len(queries)

    for statement in StatementFactory.create_batch(1, conversation=conversation):
        services.cast_vote(
            by=participant, conversation=conversation, statement_id=statement.pk, value=1
        )
    one = count()
    for statement in StatementFactory.create_batch(2, conversation=conversation):
        services.cast_vote(
            by=participant, conversation=conversation, statement_id=statement.pk, value=1
        )
    assert count() == one


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_results_render_in_arabic_and_chinese(client: Client, db: None, language: str) -> None:
    conversation = ConversationFactory.create()
    two_camps(conversation)
    client.cookies["django_language"] = language
    page = client.get(f"/opinions/{conversation.slug}/results/").content.decode()
    assert f'lang="{language}"' in page


XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_titles_and_statements_are_escaped_everywhere(login, secretariat: User) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create(
        title=XSS, description=XSS, attribution=XSS, status="closed"
    )
    conversation.moderators.add(secretariat.person)
    two_camps(conversation, people=10, statements=4)
    StatementFactory.create(conversation=conversation, text=XSS)
    mapping.recompute_map(conversation.pk)
    client = login(secretariat)
    for path in ("", "results/", "report/", "moderate/", "my-votes/", "settings/"):
        html = client.get(f"/opinions/{conversation.slug}/{path}").content.decode()
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html, path
    assert "<script>alert" not in client.get("/opinions/").content.decode()
    csv = client.get(f"/opinions/{conversation.slug}/export/comments.csv").content.decode()
    # Data stays data in the export (quoted as CSV); it is never rendered as HTML.
    assert '"<script>alert(""x"")</script>' in csv


def test_the_map_keeps_how_sure_it_is_of_its_groups(client: Client, db: None) -> None:
    conversation = ConversationFactory.create()
    two_camps(conversation)
    stored = ConversationMap.objects.get(pk=conversation.pk)
    assert stored.summary["stability"]["stable"] is True
    assert stored.summary["stability"]["mean_ari"] > 0.8


def test_groups_that_would_not_come_back_are_not_shown_as_camps(client: Client, db: None) -> None:
    conversation = ConversationFactory.create()
    _users, statements = two_camps(conversation)
    stored = ConversationMap.objects.get(pk=conversation.pk)
    stored.summary["stability"] = {**stored.summary["stability"], "stable": False}
    stored.save(update_fields=["summary"])
    page = client.get(f"/opinions/{conversation.slug}/results/").content.decode()
    assert "This conversation shows no stable groups" in page
    assert "What sets each group apart" not in page
    assert statements[-1].text in page.split("Where most agree")[1]
