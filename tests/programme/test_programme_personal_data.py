"""What the programme holds about a person: in their export, and scrubbed when they leave."""

from __future__ import annotations

import json

from igf.people import services as people_services
from igf.people.models import User
from igf.programme.models import ProposalPerson
from tests.factories import person_of
from tests.programme.factories import (
    AssignmentFactory,
    PersonRowFactory,
    ReviewerFactory,
    ReviewFactory,
    closed,
    complete_proposal,
    open_call,
    score,
)


def test_the_export_holds_proposals_roles_and_reviews(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    call = open_call()
    mine = complete_proposal(call, person_of(participant), title="My own session")
    other = complete_proposal(call)
    PersonRowFactory.create(
        proposal=other, person=person_of(participant), name="Amina P.", email="amina@example.net"
    )
    closed(call)
    reviewer = ReviewerFactory.create(call=call, person=person_of(participant))
    review = ReviewFactory.create(
        assignment=AssignmentFactory.create(proposal=other, reviewer=reviewer),
        comment="Clear and useful.",
        note_to_staff="Private note.",
    )
    score(review, 4)
    data = json.loads(login(participant).get("/me/data.json").content)["programme"]
    assert [p["title"] for p in data["proposals"]] == ["My own session"]
    assert data["proposals"][0]["number"] == mine.number
    named = [r for r in data["named_in_proposals"] if r["proposal"] == other.number]
    assert named[0]["email"] == "amina@example.net"
    assert named[0]["role"] == "speaker"
    assert data["reviews"][0]["comment"] == "Clear and useful."
    assert set(data["reviews"][0]["scores"].values()) == {4}


def test_leaving_keeps_proposals_as_former_participant_and_scrubs_details(
    participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    call = open_call()
    person = person_of(participant)
    proposal = complete_proposal(call, person, title="Stays in the record")
    row = PersonRowFactory.create(
        proposal=proposal,
        person=person,
        name="Amina Participant",
        email="amina@example.net",
        organization_name="Her Org",
        gender="woman",
    )
    reviewer = ReviewerFactory.create(call=call, person=person)
    people_services.erase_account(by=participant, person=person)
    row.refresh_from_db()
    assert (row.name, row.email, row.organization_name, row.gender) == ("", "", "", "")
    assert row.display_name == "former participant"
    proposal.refresh_from_db()
    assert proposal.title == "Stays in the record"
    assert proposal.proposer.public_name == "former participant"
    reviewer.refresh_from_db()
    assert not reviewer.active
    assert ProposalPerson.objects.filter(email="amina@example.net").count() == 0
