"""Every list of the programme costs the same number of queries for one item as for three."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from igf.people.models import User
from igf.programme import services
from igf.programme.models import Call
from tests.factories import person_of
from tests.programme.factories import (
    AssignmentFactory,
    MeetingFactory,
    PersonRowFactory,
    ReviewerFactory,
    ReviewFactory,
    ThemeFactory,
    closed,
    complete_proposal,
    open_call,
    score,
)


def queries_for(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def reviewed(call: Call, n: int, viewer: User) -> None:
    """n more proposals, each reviewed twice, with the viewer named in and reviewing them."""
    reviewer = call.reviewers.filter(person=person_of(viewer)).first() or ReviewerFactory.create(
        call=call, person=person_of(viewer)
    )
    for _ in range(n):
        proposal = complete_proposal(call)
        PersonRowFactory.create(proposal=proposal, person=person_of(viewer))
        for who in (reviewer, ReviewerFactory.create(call=call)):
            review = ReviewFactory.create(
                assignment=AssignmentFactory.create(proposal=proposal, reviewer=who)
            )
            score(review, 3)


PAGES: list[tuple[str, Callable[[Call], str]]] = [
    ("index", lambda c: "/programme/"),
    ("meeting", lambda c: c.meeting.get_absolute_url()),
    ("call", lambda c: c.get_absolute_url()),
    ("statistics", lambda c: f"/programme/calls/{c.pk}/statistics/"),
    ("my proposals", lambda c: "/programme/proposals/mine/"),
    ("my reviews", lambda c: "/programme/reviews/"),
    ("manage", lambda c: f"/programme/calls/{c.pk}/manage/"),
    ("assignments", lambda c: f"/programme/calls/{c.pk}/assignments/"),
    ("ranking", lambda c: f"/programme/calls/{c.pk}/ranking/"),
    ("publish", lambda c: f"/programme/calls/{c.pk}/publish/"),
]


@pytest.mark.parametrize(("name", "url"), PAGES, ids=[p[0] for p in PAGES])
def test_lists_cost_the_same_for_one_item_and_three(
    secretariat: User, login, name: str, url: Callable[[Call], str]
) -> None:  # type: ignore[no-untyped-def]
    call = open_call()
    closed(call)
    client = login(secretariat)
    reviewed(call, 1, secretariat)
    ThemeFactory.create(meeting=call.meeting)
    MeetingFactory.create()
    client.get(url(call))  # warm caches (content types, countries)
    one = queries_for(client, url(call))
    reviewed(call, 2, secretariat)
    ThemeFactory.create(meeting=call.meeting)
    MeetingFactory.create()
    three = queries_for(client, url(call))
    assert one == three, (name, one, three)


def test_published_outcomes_and_proposal_pages_cost_the_same(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    call = open_call()
    closed(call)
    first = complete_proposal(call)
    services.set_selection(by=secretariat, call=call, selected={first.pk})
    services.publish_results(by=secretariat, call=call)
    client = login(None)
    one = queries_for(client, call.get_absolute_url())
    detail_one = queries_for(login(secretariat), first.get_absolute_url())
    other = open_call()
    closed(other)
    proposals = [complete_proposal(other) for _ in range(3)]
    for proposal in proposals:
        PersonRowFactory.create(proposal=proposal)
    services.set_selection(by=secretariat, call=other, selected={p.pk for p in proposals})
    services.publish_results(by=secretariat, call=other)
    assert queries_for(client, other.get_absolute_url()) == one
    assert queries_for(login(secretariat), proposals[0].get_absolute_url()) == detail_one


def test_review_page_costs_the_same_for_small_and_large_proposals(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    call = open_call()
    small, large = complete_proposal(call), complete_proposal(call)
    for _ in range(5):
        PersonRowFactory.create(proposal=large)
    closed(call)
    reviewer = ReviewerFactory.create(call=call, person=person_of(participant))
    client = login(participant)
    urls = [
        f"/programme/reviews/{AssignmentFactory.create(proposal=p, reviewer=reviewer).pk}/"
        for p in (small, large)
    ]
    client.get(urls[0])
    assert queries_for(client, urls[0]) == queries_for(client, urls[1])
