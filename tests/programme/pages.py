"""The programme's pages, for the checks on every page (weight, languages, escaping, axe)."""

from __future__ import annotations

from igf.people.models import User
from igf.programme import services
from igf.programme.models import Assignment, Call
from tests.factories import person_of
from tests.pages import Page
from tests.programme.factories import (
    AssignmentFactory,
    ReviewerFactory,
    ReviewFactory,
    closed,
    complete_proposal,
    open_call,
    score,
)


def _call(user: User) -> Call:
    call = open_call()
    for _ in range(3):
        complete_proposal(call)
    return call


def _closed_call(user: User) -> Call:
    call = _call(user)
    closed(call)
    for proposal in call.proposals.all():
        for _ in range(2):
            review = ReviewFactory.create(
                assignment=AssignmentFactory.create(
                    proposal=proposal, reviewer=ReviewerFactory.create(call=call)
                )
            )
            score(review, 4)
    return call


def _own_proposal(user: User) -> str:
    call = _call(user)
    return complete_proposal(call, person_of(user)).get_absolute_url()


def _edit(user: User) -> str:
    call = _call(user)
    return f"{complete_proposal(call, person_of(user)).get_absolute_url()}edit/"


def _withdraw(user: User) -> str:
    call = _call(user)
    return f"{complete_proposal(call, person_of(user)).get_absolute_url()}withdraw/"


def _confirm(user: User) -> str:
    proposal = complete_proposal(_call(user))
    row = proposal.people.filter(role="speaker").first()
    assert row is not None
    return f"/programme/confirm/{services.invitation_token(row)}/"


def _assignment(user: User) -> Assignment:
    call = _closed_call(user)
    reviewer = ReviewerFactory.create(call=call, person=person_of(user))
    return AssignmentFactory.create(proposal=call.proposals.first(), reviewer=reviewer)


def _review(user: User) -> str:
    return f"/programme/reviews/{_assignment(user).pk}/"


def _conflict(user: User) -> str:
    return f"/programme/reviews/{_assignment(user).pk}/conflict/"


def _reviews(user: User) -> str:
    _assignment(user)
    return "/programme/reviews/"


def _decide(user: User) -> str:
    proposal = _closed_call(user).proposals.first()
    assert proposal is not None
    return f"/programme/proposals/{proposal.pk}/decision/"


PAGES = [
    Page("programme", lambda u: (_call(u), "/programme/")[1]),
    Page("annual meeting", lambda u: _call(u).meeting.get_absolute_url()),
    Page("call for proposals", lambda u: _call(u).get_absolute_url()),
    Page("call statistics", lambda u: f"/programme/calls/{_closed_call(u).pk}/statistics/"),
    Page("accepted proposal", _own_proposal, signed_in=True),
    Page("my proposals", lambda u: (_own_proposal(u), "/programme/proposals/mine/")[1], signed_in=True),
    Page("choose session type", lambda u: f"/programme/calls/{_call(u).pk}/propose/", signed_in=True),
    Page(
        "new proposal",
        lambda u: (
            lambda c: f"/programme/calls/{c.pk}/propose/?type={c.templates.get().session_type_id}"
        )(_call(u)),
        signed_in=True,
    ),
    Page("edit proposal", _edit, signed_in=True),
    Page("withdraw proposal", _withdraw, signed_in=True),
    Page("confirm participation", _confirm),
    Page("my reviews", _reviews, signed_in=True),
    Page("review", _review, signed_in=True),
    Page("conflict of interest", _conflict, signed_in=True),
    Page("manage call", lambda u: f"/programme/calls/{_closed_call(u).pk}/manage/", signed_in=True),
    Page(
        "assignments", lambda u: f"/programme/calls/{_closed_call(u).pk}/assignments/", signed_in=True
    ),
    Page("ranking", lambda u: f"/programme/calls/{_closed_call(u).pk}/ranking/", signed_in=True),
    Page("decision", _decide, signed_in=True),
    Page("publish results", lambda u: f"/programme/calls/{_closed_call(u).pk}/publish/", signed_in=True),
]
