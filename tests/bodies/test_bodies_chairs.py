"""Chairs chosen the way the terms of reference say: a secret ballot among the members, an
appointment (by whom) or a rotation among stakeholder groups; co-chairs allowed."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import time_machine
from django.test import Client
from django.utils import timezone

from igf.bodies import queries, services
from igf.bodies.enums import ChairMethod, ElectionStatus, Role
from igf.bodies.models import Body, ChairChoice, ChairVoter, Membership
from igf.core.models import ActivityEntry
from igf.people.models import Person, User
from tests.bodies.factories import BodyFactory, body_type, member, person_in
from tests.conftest import client_for


def html(response: Any) -> str:
    return str(response.content.decode())


def body_with_terms(**chair_rules: Any) -> tuple[Body, list[Person]]:
    body = BodyFactory.create(type=body_type("mag"), name="Advisory Group", slug="ag")
    people = []
    for group in ("government", "civil_society", "private_sector", "technical_community"):
        person = person_in(group)
        member(body, person, group=group, start=date(2026, 1, 1), end=date(2027, 6, 30))
        people.append(person)
    body.terms_of_reference.create(
        version=1, text="Terms.", adopted_on=date(2026, 1, 1), adopted_by="Meeting 1",
        **chair_rules,
    )  # fmt: skip
    return body, people


@time_machine.travel("2026-12-07 10:00Z", tick=False)
def test_members_elect_the_chair_by_secret_ballot_and_only_counts_are_published(
    db: None, secretariat: User
) -> None:
    body, (ana, ben, cai, _dee) = body_with_terms(chair_method=ChairMethod.ELECTED)
    staff = client_for(secretariat)
    staff.post(
        "/bodies/ag/chair/election/",
        {"closes": "2026-12-14T10:00", "term_start": "2027-01-01"},
    )
    election = body.chair_elections.get()
    assert (election.status, election.electorate, election.quorum) == ("open", 4, 50)
    client_for(ana.user).post("/bodies/ag/chair/election/nominate/", {"person": ana.pk})
    client_for(cai.user).post("/bodies/ag/chair/election/nominate/", {"person": ben.pk})
    candidates = {c.person_id: c.pk for c in election.candidates.all()}
    for voter, choice in ((ana, ana), (ben, ana), (cai, ben)):
        client_for(voter.user).post(
            "/bodies/ag/chair/election/vote/", {"choices": [candidates[choice.pk]]}
        )
    again = client_for(cai.user).post(
        "/bodies/ag/chair/election/vote/", {"choices": [candidates[ana.pk]]}, follow=True
    )
    assert "You have already voted in this election." in html(again)
    # While voting runs, nobody sees counts; a member sees that they voted.
    page = html(client_for(cai.user).get("/bodies/ag/chair/"))
    assert "You have voted. Nobody can see whom you voted for." in page
    assert "Votes</th>" not in page
    # Ballots are not linked to voters: the "has voted" record names no candidate.
    assert {f.name for f in ChairVoter._meta.get_fields()} == {"id", "election", "person"}
    with time_machine.travel("2026-12-14 11:00Z", tick=False):
        staff.post("/bodies/ag/chair/election/close/")
        public = html(Client().get("/bodies/ag/chair/"))
    election.refresh_from_db()
    assert election.status == ElectionStatus.ELECTED
    assert "3 of 4 members voted." in public
    assert f'<td>{ana.public_name}</td><td class="num">2</td>' in public
    assert f'<td>{ben.public_name}</td><td class="num">1</td>' in public
    chair = Membership.objects.get(body=body, role=Role.CHAIR)
    # The chair's term follows the membership rules: it ends with the chair's own seat.
    assert (chair.person, chair.start, chair.end) == (ana, date(2027, 1, 1), date(2027, 6, 30))
    record = ChairChoice.objects.get()
    assert (record.method, record.election) == (ChairMethod.ELECTED, election)
    assert ActivityEntry.objects.filter(verb="chair.chosen", public=True).count() == 1


@time_machine.travel("2026-12-07 10:00Z", tick=False)
def test_without_the_quorum_nobody_is_elected(db: None, secretariat: User) -> None:
    body, (ana, *_rest) = body_with_terms(chair_method=ChairMethod.ELECTED, election_quorum=50)
    election = services.open_chair_election(
        by=secretariat, body=body, closes=timezone.now() + timedelta(days=1),
        term_start=date(2027, 1, 1),
    )  # fmt: skip
    candidate = services.nominate_for_chair(by=ana.user, election=election, person=ana)
    services.cast_ballot(by=ana.user, election=election, choices=[candidate.pk])
    with time_machine.travel("2026-12-09 10:00Z", tick=False):
        services.close_chair_election(by=secretariat, election=election)
    election.refresh_from_db()
    assert election.status == ElectionStatus.NO_QUORUM
    assert not Membership.objects.filter(body=body, role=Role.CHAIR).exists()
    assert "Quorum not reached" in html(Client().get("/bodies/ag/chair/"))


@time_machine.travel("2026-12-07 10:00Z", tick=False)
def test_a_rotating_chair_goes_to_the_group_in_turn(db: None, secretariat: User) -> None:
    body, (gov, civ, _private, _tech) = body_with_terms(
        chair_method=ChairMethod.ROTATING, rotation_order=["government", "civil_society"]
    )
    services.appoint_chairs(by=secretariat, body=body, people=[gov], start=date(2026, 2, 1))
    page = html(Client().get("/bodies/ag/chair/"))
    assert "Next in turn: Civil society." in page
    response = client_for(secretariat).post(
        "/bodies/ag/chair/appoint/", {"people": [gov.pk], "start": "2026-12-07"}, follow=True
    )
    assert "It is the turn of the group “Civil society” to chair." in html(response)
    client_for(secretariat).post(
        "/bodies/ag/chair/appoint/", {"people": [civ.pk], "start": "2026-12-07"}
    )
    current = Membership.objects.current().filter(body=body, role=Role.CHAIR)
    assert [m.person for m in current] == [civ]
    assert "Next in turn: Government." in html(Client().get("/bodies/ag/chair/"))


@time_machine.travel("2026-12-07 10:00Z", tick=False)
def test_appointed_co_chairs_are_recorded_with_who_appointed_them(
    db: None, secretariat: User
) -> None:
    body, (gov, civ, private, _tech) = body_with_terms(
        chair_method=ChairMethod.APPOINTED, chairs=2,
        chair_appointed_by="the UN Secretary-General and the MAG",
    )  # fmt: skip
    refused = client_for(secretariat).post(
        "/bodies/ag/chair/appoint/",
        {"people": [gov.pk, civ.pk, private.pk], "start": "2026-12-07"},
        follow=True,
    )
    assert "The terms of reference provide for 2 chair(s)." in html(refused)
    client_for(secretariat).post(
        "/bodies/ag/chair/appoint/", {"people": [gov.pk, civ.pk], "start": "2026-12-07"}
    )
    page = html(Client().get("/bodies/ag/chair/"))
    assert "by the UN Secretary-General and the MAG" in page
    assert "2 co-chairs" in page
    assert ChairChoice.objects.filter(method=ChairMethod.APPOINTED).count() == 2
    # A member who chairs still holds one seat, not two.
    assert len(queries.seats_on(body, date(2026, 12, 7))) == 4


def test_a_ballot_needs_an_elected_chair_in_the_terms(db: None, secretariat: User) -> None:
    body, _people = body_with_terms(chair_method=ChairMethod.APPOINTED)
    response = client_for(secretariat).post(
        "/bodies/ag/chair/election/",
        {"closes": (datetime.now() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),  # noqa: DTZ005
         "term_start": "2027-01-01"},
        follow=True,
    )  # fmt: skip
    assert "The terms of reference do not provide for an elected chair." in html(response)
    assert not body.chair_elections.exists()
