"""The programme's pages, for the checks on every page (weight, languages, escaping, axe)."""

from __future__ import annotations

from collections.abc import Callable

from igf.people.models import User
from igf.programme import services
from igf.programme.enums import SessionKind
from igf.programme.models import Assignment, Call
from tests.factories import person_of
from tests.pages import Page
from tests.programme.factories import (
    AssignmentFactory,
    ReviewerFactory,
    ReviewFactory,
    SessionTypeFactory,
    TemplateFactory,
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


def _staff(page: str) -> Callable[[User], str]:
    return lambda u: f"/programme/calls/{_closed_call(u).pk}/{page}/"


def _index(user: User) -> str:
    _call(user)
    return "/programme/"


def _mine(user: User) -> str:
    _own_proposal(user)
    return "/programme/proposals/mine/"


def _choose(user: User) -> str:
    call = _call(user)
    # A second session type, or the choice is skipped.
    TemplateFactory.create(
        call=call,
        session_type=SessionTypeFactory.create(meeting=call.meeting, kind=SessionKind.OPEN_FORUM),
    )
    return f"/programme/calls/{call.pk}/propose/"


def _new(user: User) -> str:
    call = _call(user)
    return f"/programme/calls/{call.pk}/propose/?type={call.templates.get().session_type_id}"


PAGES = [
    Page("programme", _index),
    Page("annual meeting", lambda u: _call(u).meeting.get_absolute_url()),
    Page("call for proposals", lambda u: _call(u).get_absolute_url()),
    Page("call statistics", _staff("statistics")),
    Page("proposal", _own_proposal, signed_in=True),
    Page("my proposals", _mine, signed_in=True),
    Page("choose session type", _choose, signed_in=True),
    Page("new proposal", _new, signed_in=True),
    Page("edit proposal", _edit, signed_in=True),
    Page("withdraw proposal", _withdraw, signed_in=True),
    Page("confirm participation", _confirm),
    Page("my reviews", _reviews, signed_in=True),
    Page("review", _review, signed_in=True),
    Page("conflict of interest", _conflict, signed_in=True),
    Page("manage call", _staff("manage"), signed_in=True),
    Page("assignments", _staff("assignments"), signed_in=True),
    Page("ranking", _staff("ranking"), signed_in=True),
    Page("decision", _decide, signed_in=True),
    Page("publish results", _staff("publish"), signed_in=True),
]
