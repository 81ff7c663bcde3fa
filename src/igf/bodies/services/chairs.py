"""Chairs chosen the way a body's terms of reference say: appointed (by whom), elected by the
current members in a secret ballot, or rotating among the stakeholder groups; co-chairs
allowed. Each choice is recorded (ChairChoice and the public activity log) and the chair's
term ends with the chair's own membership (or the body's term length)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from igf.bodies import queries
from igf.bodies.enums import ChairMethod, ElectionStatus, Role
from igf.bodies.models import (
    Body,
    ChairCandidate,
    ChairChoice,
    ChairElection,
    ChairVoter,
    Membership,
    MembershipQuerySet,
)
from igf.core.activity import record_activity
from igf.core.enums import StakeholderGroup
from igf.core.errors import NotAllowed, Refused
from igf.people.models import Person, User


class ChairError(Refused):
    """A step in choosing a chair that the terms of reference refuse."""


def _seats(body: Body, on: date | None = None) -> MembershipQuerySet:
    return Membership.objects.current(on).filter(body=body, role__in=queries.seat_roles(body))


def _seat(body: Body, person: Person, on: date) -> Membership | None:
    return _seats(body, on).filter(person=person).order_by("-start").first()


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    return date(year, month, 28)


def _chair_term_end(body: Body, seat: Membership | None, start: date) -> date | None:
    """A chair's term follows the membership rules: it ends with the chair's own seat, and
    never later than one of the body's terms."""
    ends = [seat.end] if seat is not None and seat.end is not None else []
    if body.term_months:
        ends.append(_add_months(start, body.term_months) - timedelta(days=1))
    return min(ends) if ends else None


def _record_chair(
    *,
    by: User | None,
    body: Body,
    person: Person,
    method: str,
    start: date,
    appointed_by: str = "",
    election: ChairElection | None = None,
) -> ChairChoice:
    seat = _seat(body, person, start)
    # The previous chairs' terms end the day before the new one starts.
    Membership.objects.filter(body=body, role=Role.CHAIR, start__lt=start).filter(
        end__isnull=True
    ).update(end=start - timedelta(days=1))
    Membership.objects.filter(body=body, role=Role.CHAIR, start__lt=start, end__gte=start).update(
        end=start - timedelta(days=1)
    )
    membership = Membership.objects.create(
        body=body,
        person=person,
        role=Role.CHAIR,
        start=start,
        end=_chair_term_end(body, seat, start),
        stakeholder_group=seat.stakeholder_group if seat is not None else person.stakeholder_group,
    )
    choice = ChairChoice.objects.create(
        body=body,
        method=method,
        person=person,
        membership=membership,
        stakeholder_group=membership.stakeholder_group,
        appointed_by=appointed_by,
        election=election,
        decided_on=timezone.localdate(),
        recorded_by=by,
    )
    record_activity(
        by=by,
        verb="chair.chosen",
        target=body,
        public=True,
        data={"method": method, "person": person.pk},
    )
    return choice


def next_in_turn(body: Body) -> str:
    """For a rotating chair: the stakeholder group whose turn it is (after the last chair's)."""
    terms = queries.find_latest_terms(body)
    order = [g for g in (terms.rotation_order if terms else []) if g in StakeholderGroup.values]
    order = order or list(StakeholderGroup.values)
    last = body.chair_choices.exclude(stakeholder_group="").first()
    if last is None or last.stakeholder_group not in order:
        return str(order[0])
    return str(order[(order.index(last.stakeholder_group) + 1) % len(order)])


@transaction.atomic
def appoint_chairs(
    *, by: User, body: Body, people: Iterable[Person], start: date
) -> list[ChairChoice]:
    """Record the chair(s) chosen as the terms of reference say: appointed by whom they name,
    or, in rotation, from the stakeholder group in turn. Elected chairs come from a ballot.

    Side effects: the chairs' memberships (previous chairs' terms end the day before); one
    ChairChoice and one public activity entry per chair.
    """
    terms = queries.find_latest_terms(body)
    method = terms.chair_method if terms else ChairMethod.APPOINTED
    chosen = list(people)
    if method == ChairMethod.ELECTED:
        raise ChairError(
            _("The terms of reference say the members elect the chair: hold a ballot.")
        )
    allowed = terms.chairs if terms else 1
    if not chosen or len(chosen) > allowed:
        raise ChairError(
            _("The terms of reference provide for %(count)s chair(s).") % {"count": allowed},
            field="people",
        )
    for person in chosen:
        if _seat(body, person, start) is None:
            raise ChairError(
                _("%(name)s holds no seat in this body on %(day)s.")
                % {"name": person.public_name, "day": start.isoformat()},
                field="people",
            )
    if method == ChairMethod.ROTATING:
        turn = next_in_turn(body)
        for person in chosen:
            seat = _seat(body, person, start)
            group = seat.stakeholder_group if seat else ""
            if group != turn:
                raise ChairError(
                    _("It is the turn of the group “%(group)s” to chair.")
                    % {"group": StakeholderGroup(turn).label if turn else ""},
                    field="people",
                )
    return [
        _record_chair(
            by=by,
            body=body,
            person=person,
            method=method,
            start=start,
            appointed_by=terms.chair_appointed_by if terms else "",
        )
        for person in chosen
    ]


@transaction.atomic
def open_chair_election(
    *, by: User, body: Body, closes: datetime, term_start: date
) -> ChairElection:
    """Open a secret ballot among the body's current members. Side effects: activity entry."""
    terms = queries.find_latest_terms(body)
    if terms is None or terms.chair_method != ChairMethod.ELECTED:
        raise ChairError(_("The terms of reference do not provide for an elected chair."))
    if body.chair_elections.filter(status=ElectionStatus.OPEN).exists():
        raise ChairError(_("An election is already open."))
    if closes <= timezone.now():
        raise ChairError(_("Voting must close in the future."), field="closes")
    election = ChairElection.objects.create(
        body=body,
        seats=terms.chairs,
        closes=closes,
        quorum=terms.election_quorum,
        term_start=term_start,
        electorate=_seats(body).values("person").distinct().count(),
    )
    record_activity(by=by, verb="chair.election_opened", target=body, public=True)
    return election


def _is_voter(election: ChairElection, person: Person) -> bool:
    return _seats(election.body).filter(person=person).exists()


@transaction.atomic
def nominate_for_chair(*, by: User, election: ChairElection, person: Person) -> ChairCandidate:
    """A member nominates a member (themselves included) while the election is open."""
    if election.status != ElectionStatus.OPEN or election.closes <= timezone.now():
        raise ChairError(_("This election is closed."))
    if not _is_voter(election, by.person):
        raise NotAllowed(_("Only current members nominate and vote."))
    if not _is_voter(election, person):
        raise ChairError(_("Only a current member may be a candidate."), field="person")
    candidate, _created = ChairCandidate.objects.get_or_create(election=election, person=person)
    return candidate


@transaction.atomic
def cast_ballot(*, by: User, election: ChairElection, choices: Iterable[int]) -> None:
    """A member votes for up to as many candidates as there are chairs to elect.

    The ballot raises each chosen candidate's count and records that the member has voted,
    in two tables with nothing linking them, so nobody can tell who voted for whom.
    """
    chosen = set(choices)
    if election.status != ElectionStatus.OPEN or election.closes <= timezone.now():
        raise ChairError(_("This election is closed."))
    if not _is_voter(election, by.person):
        raise NotAllowed(_("Only current members nominate and vote."))
    if not chosen or len(chosen) > election.seats:
        raise ChairError(
            _("Choose from 1 to %(count)s candidates.") % {"count": election.seats},
            field="choices",
        )
    candidates = ChairCandidate.objects.filter(election=election, pk__in=chosen)
    if candidates.count() != len(chosen):
        raise ChairError(_("Choose among the candidates."), field="choices")
    _voter, created = ChairVoter.objects.get_or_create(election=election, person=by.person)
    if not created:
        raise ChairError(_("You have already voted in this election."))
    candidates.update(votes=F("votes") + 1)
    ChairElection.objects.filter(pk=election.pk).update(voters=F("voters") + 1)


@transaction.atomic
def close_chair_election(*, by: User, election: ChairElection) -> ChairElection:
    """After voting closes: publish the counts; with the quorum and no tie for the last seat,
    the most voted become chairs (their term follows the membership rules).

    Side effects: status and result; chairs' memberships and ChairChoice records; public
    activity entry.
    """
    election.refresh_from_db()
    if election.status != ElectionStatus.OPEN:
        raise ChairError(_("This election is already closed."))
    if election.closes > timezone.now():
        raise ChairError(_("Voting is still open until it closes."))
    ranked = sorted(election.candidates.all(), key=lambda c: -c.votes)
    turnout = election.voters * 100 / election.electorate if election.electorate else 0
    if turnout < election.quorum or not ranked:
        election.status = ElectionStatus.NO_QUORUM
    elif len(ranked) > election.seats and (
        ranked[election.seats - 1].votes == ranked[election.seats].votes
    ):
        election.status = ElectionStatus.TIED
    else:
        election.status = ElectionStatus.ELECTED
    election.save(update_fields=["status"])
    if election.status == ElectionStatus.ELECTED:
        for candidate in ranked[: election.seats]:
            _record_chair(
                by=by,
                body=election.body,
                person=candidate.person,
                method=ChairMethod.ELECTED,
                start=election.term_start,
                election=election,
            )
    record_activity(
        by=by,
        verb="chair.election_closed",
        target=election.body,
        public=True,
        data={"status": election.status, "voters": election.voters},
    )
    return election
