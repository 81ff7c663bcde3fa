"""Registries that do something: requirement checks from each body's facts, bodies marked
inactive after a grace period, the NRI registry, reminders that run, proposals of new bodies."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client

from igf.bodies import services
from igf.bodies.enums import BodyStatus, InitiativeKind, ProposalStatus, Role
from igf.bodies.models import AnnualReport, Body, BodyProposal, Milestone
from igf.core.models import Country
from igf.people.models import User
from tests.bodies.factories import BodyFactory, body_type, member, person_in
from tests.conftest import client_for


def html(response: Any) -> str:
    return str(response.content.decode())


def coalition(**facts: Any) -> Body:
    """A Dynamic Coalition with members from three stakeholder groups and last year's report."""
    body = BodyFactory.create(
        type=body_type("dc"), name="Dynamic Coalition on Accessibility", slug="dc-access", **facts
    )
    for group in ("civil_society", "government", "technical_community"):
        member(body, person_in(group), group=group, start=date(2025, 1, 1))
    AnnualReport.objects.create(body=body, year=2025, text="Our year.")
    return body


def requirement_lines(page: str) -> list[str]:
    start = page.index('id="requirements-heading"')
    section = page[start : page.index("</section>", start)]
    return [
        " ".join(line.replace('<span class="ok">', "").replace('<span class="flag">', "").split())
        for line in section.replace("</span>", "").split("<li>")[1:]
    ]


@time_machine.travel("2026-12-07 10:00Z")
def test_open_membership_and_list_requirements_read_the_bodys_own_settings(db: None) -> None:
    body = coalition(membership_open=False, list_open=False, has_open_archives=True)
    page = html(Client().get("/bodies/dc-access/"))
    assert "Not met: Open membership</li>" in requirement_lines(page)[0] + "</li>"
    assert requirement_lines(page)[1].startswith("Not met: Open mailing list")
    assert "Join this body" not in html(
        client_for(person_in("youth").user).get("/bodies/dc-access/")
    )
    Body.objects.filter(pk=body.pk).update(membership_open=True, list_open=True)
    page = html(Client().get("/bodies/dc-access/"))
    assert [line.split(":")[0] for line in requirement_lines(page)] == ["Met"] * 5


@time_machine.travel("2026-12-07 10:00Z")
def test_unmet_requirements_show_in_the_registry_and_mark_the_body_inactive_after_grace(
    db: None,
) -> None:
    body = coalition(membership_open=True, list_open=False, has_open_archives=True)
    assert services.check_requirements(today=date(2026, 9, 1)) == 0
    body.refresh_from_db()
    assert (body.unmet_requirements, body.unmet_since, body.status) == (
        ["open_list"],
        date(2026, 9, 1),
        BodyStatus.ACTIVE,
    )
    unmet = html(Client().get("/bodies/", {"type": "dc", "requirements": "unmet"}))
    assert "Dynamic Coalition on Accessibility" in unmet
    assert "Not met:</span> Open mailing list" in unmet
    assert "Dynamic Coalition on Accessibility" not in html(
        Client().get("/bodies/", {"type": "dc", "requirements": "met"})
    )
    # After the type's grace period (90 days) the body is inactive, and its page says why.
    assert services.check_requirements(today=date(2026, 11, 30)) >= 1
    body.refresh_from_db()
    assert body.status == BodyStatus.INACTIVE
    page = html(Client().get("/bodies/dc-access/"))
    assert (
        "Inactive since Nov. 30, 2026: since Sept. 1, 2026 it has not met these requirements: "
        "Open mailing list." in page
    )
    # Meeting the requirement again makes it active.
    Body.objects.filter(pk=body.pk).update(list_open=True)
    services.check_requirements(today=date(2026, 12, 1))
    body.refresh_from_db()
    assert (body.status, body.inactive_since, body.unmet_since) == (BodyStatus.ACTIVE, None, None)


def test_the_nri_registry_finds_the_igf_of_my_country(db: None) -> None:
    kenya = BodyFactory.create(
        type=body_type("nri"), name="Kenya IGF", slug="kenya-igf", country_id="KE",
        initiative_kind=InitiativeKind.NATIONAL, contact_email="info@kigf.example.org",
    )  # fmt: skip
    BodyFactory.create(
        type=body_type("nri"), name="Youth IGF Brazil", slug="youth-br", country_id="BR",
        initiative_kind=InitiativeKind.YOUTH,
    )  # fmt: skip
    BodyFactory.create(
        type=body_type("nri"), name="Pacific IGF", slug="pacific", region="Pacific",
        initiative_kind=InitiativeKind.REGIONAL,
    )  # fmt: skip
    page = html(Client().get("/bodies/", {"type": "nri"}))
    row = page[page.index(kenya.get_absolute_url()) :]
    row = row[: row.index("</tr>")]
    assert "<td>National</td>" in row
    assert "<td>Kenya</td>" in row
    assert "<td>African Group</td>" in row
    assert 'href="mailto:info@kigf.example.org"' in row
    youth = html(Client().get("/bodies/", {"type": "nri", "kind": "youth"}))
    assert "Youth IGF Brazil" in youth
    assert "Kenya IGF" not in youth
    by_region = html(Client().get("/bodies/initiatives/"))
    headings = [part.split("</h2>")[0].split(">")[-1] for part in by_region.split("<h2")[1:]]
    assert headings == [
        "African Group",
        "Latin American and Caribbean Group",
        "Regional and other initiatives",
    ]
    assert by_region.index("Kenya IGF") < by_region.index("Youth IGF Brazil")
    assert by_region.index("Youth IGF Brazil") < by_region.index("Pacific IGF")


def test_overdue_milestones_are_reminded_to_owner_and_leads_weekly(
    db: None, django_capture_on_commit_callbacks: Any
) -> None:
    body = BodyFactory.create(name="BPF on Cybersecurity", slug="bpf-cyber")
    lead = person_in("government")
    owner = person_in("civil_society")
    member(body, lead, role=Role.CO_FACILITATOR)
    member(body, owner)
    Milestone.objects.create(
        body=body, title="Draft the report", due=date(2026, 11, 1), owner=owner
    )
    Milestone.objects.create(body=body, title="Done already", due=date(2026, 10, 1), status="done")
    with (
        time_machine.travel("2026-12-07 10:00Z"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send_body_reminders")
        call_command("send_body_reminders")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([lead.user.email, owner.user.email])
    assert mail.outbox[0].subject == "Overdue milestone of BPF on Cybersecurity: Draft the report"
    assert "36 days ago" in mail.outbox[0].body
    mail.outbox.clear()
    with (
        time_machine.travel("2026-12-15 10:00Z"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send_body_reminders")
    assert len(mail.outbox) == 2


def test_missing_annual_reports_are_reminded_before_and_after_the_deadline(
    db: None, django_capture_on_commit_callbacks: Any
) -> None:
    body = BodyFactory.create(type=body_type("dc"), name="DC on Data", slug="dc-data")
    lead = person_in("government")
    member(body, lead, role=Role.CHAIR, start=date(2025, 1, 1))
    subjects = []
    for day in ("2027-02-01", "2027-03-05", "2027-03-06", "2027-04-02", "2027-04-20"):
        mail.outbox.clear()
        with time_machine.travel(f"{day} 10:00Z"), django_capture_on_commit_callbacks(execute=True):
            call_command("send_body_reminders")
        subjects.append([m.subject for m in mail.outbox if m.to == [lead.user.email]])
    assert subjects == [
        [],
        ["The annual report of DC on Data for 2026 is due soon"],
        [],
        ["The annual report of DC on Data for 2026 is overdue"],
        [],
    ]


def test_renewals_short_of_the_turnover_target_warn_the_secretariat(
    db: None, secretariat: User, django_capture_on_commit_callbacks: Any
) -> None:
    mag = BodyFactory.create(
        type=body_type("mag"), name="MAG", slug="mag-t", turnover_target=Decimal("0.33")
    )
    stayers = [person_in("government") for _ in range(6)]
    for person in stayers:
        member(mag, person, start=date(2026, 1, 1), end=date(2026, 12, 31))
        member(mag, person, start=date(2027, 1, 1), end=date(2027, 12, 31))
    member(mag, person_in("civil_society"), start=date(2027, 1, 1), end=date(2027, 12, 31))
    with (
        time_machine.travel("2027-01-10 10:00Z"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send_body_reminders")
        call_command("send_body_reminders")
    warnings = [m for m in mail.outbox if m.to == [secretariat.email]]
    assert [m.subject for m in warnings] == ["Renewals of MAG fall short of its turnover target"]
    assert "1 of the 7 seats of MAG went to people who did not hold one before (14%)" in (
        warnings[0].body
    )
    assert "target of 33%" in warnings[0].body


def test_a_body_is_proposed_reviewed_with_reasons_and_recognised(
    db: None, secretariat: User, django_capture_on_commit_callbacks: Any
) -> None:
    proposer = person_in("civil_society").user
    form = {
        "type": body_type("dc").pk,
        "name": "Dynamic Coalition on Community Networks",
        "summary": "Connecting the unconnected.",
        "description": "Purpose.",
        "contact_email": "dc3@example.org",
        "membership_open": "on",
        "list_open": "on",
        "has_open_archives": "on",
        "stakeholder_groups": ["civil_society", "technical_community"],
        "evidence": "Founders from two groups so far.",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(proposer).post("/bodies/proposals/new/", form)
    proposal = BodyProposal.objects.get()
    assert response["Location"] == f"/bodies/proposals/{proposal.pk}/"
    assert [m.to for m in mail.outbox] == [[secretariat.email]]
    staff = client_for(secretariat)
    page = html(staff.get(proposal.get_absolute_url()))
    assert "Not met:</span> Founders from at least 3 stakeholder groups" in page
    # Sent back with reasons, which the proposer reads; a decision without reasons is refused.
    assert "Give the reasons" in html(
        staff.post(proposal.get_absolute_url(), {"decision": "send_back", "reason": " "})
    ) or "This field is required." in html(
        staff.post(proposal.get_absolute_url(), {"decision": "send_back", "reason": " "})
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            proposal.get_absolute_url(),
            {"decision": "send_back", "reason": "Three stakeholder groups are needed."},
        )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SENT_BACK
    assert "Three stakeholder groups are needed." in mail.outbox[0].body
    assert "Three stakeholder groups are needed." in html(
        client_for(proposer).get(proposal.get_absolute_url())
    )
    client_for(proposer).post(
        f"/bodies/proposals/{proposal.pk}/edit/",
        {**form, "stakeholder_groups": ["civil_society", "technical_community", "government"]},
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    staff.post(proposal.get_absolute_url(), {"decision": "recognise", "reason": "All met."})
    proposal.refresh_from_db()
    body = proposal.body
    assert body is not None
    assert (body.name, body.membership_open, body.list_open, body.type.slug) == (
        "Dynamic Coalition on Community Networks",
        True,
        True,
        "dc",
    )
    assert body.memberships.get().person == proposer.person
    assert "Dynamic Coalition on Community Networks" in html(Client().get("/bodies/"))


def test_proposals_are_private_to_the_proposer_and_the_secretariat(db: None) -> None:
    proposer = person_in("civil_society").user
    proposal = BodyProposal.objects.create(
        type=body_type("nri"), name="IGF Atlantis", summary="s", description="d",
        contact_email="a@example.org", evidence="e", proposer=proposer.person,
    )  # fmt: skip
    stranger = person_in("government").user
    assert client_for(stranger).get(proposal.get_absolute_url()).status_code == 403
    assert "IGF Atlantis" not in html(client_for(stranger).get("/bodies/proposals/"))
    assert "IGF Atlantis" in html(client_for(proposer).get("/bodies/proposals/"))


@pytest.mark.parametrize("missing", ["initiative_kind", "country"])
def test_an_initiative_proposal_needs_its_kind_and_country_or_region(
    db: None, missing: str
) -> None:
    proposer = person_in("civil_society").user
    data: dict[str, Any] = {
        "initiative_kind": "national",
        "country": None,
        "region": "",
        "name": "IGF Atlantis",
        "summary": "s",
        "description": "d",
        "contact_email": "a@example.org",
        "evidence": "e",
        "stakeholder_groups": ["civil_society"],
    }
    if missing == "initiative_kind":
        data["initiative_kind"] = ""
        data["region"] = "Atlantic"
    with pytest.raises(services.ProposalError):
        services.propose_body(by=proposer, body_type=body_type("nri"), data=data)
    assert not BodyProposal.objects.exists()


def test_the_secretariat_creates_and_opens_a_call_with_a_method_per_group(
    db: None, secretariat: User
) -> None:
    body = BodyFactory.create(type=body_type("mag"), name="MAG", slug="mag-calls")
    staff = client_for(secretariat)
    assert "Create a call for members" in html(staff.get("/bodies/mag-calls/"))
    form = {
        "title": "MAG renewal 2027",
        "criteria": "Expertise.",
        "role": "member",
        "seats": "10",
        "opens": "2026-12-01T09:00",
        "closes": "2027-03-01T09:00",
        "term_start": "2027-04-01",
        "method_government": "constituency",
        "method_private_sector": "open",
        "method_civil_society": "open",
        "method_technical_community": "open",
        "method_intergovernmental": "none",
    }
    response = staff.post("/bodies/mag-calls/calls/new/", form)
    call = body.calls.get()
    assert response["Location"] == call.get_absolute_url()
    assert (call.status, call.seats, call.method_for("government")) == ("draft", 10, "constituency")
    participant = person_in("civil_society").user
    assert client_for(participant).get(call.get_absolute_url()).status_code == 404
    staff.post(f"/bodies/mag-calls/calls/{call.pk}/open/")
    call.refresh_from_db()
    assert call.status == "open"
    page = html(client_for(participant).get(call.get_absolute_url()))
    assert "Through the group&#x27;s own process" in page
    # A government candidate is not nominated on the site: the page says how, on the field.
    nominate = {
        "stakeholder_group": "government",
        "country": "KE",
        "expertise": "Policy.",
        "motivation": "Serve.",
    }
    page = html(client_for(participant).post(call.get_absolute_url(), nominate))
    assert "come forward through the group&#x27;s own process" in page
    assert not call.nominations.exists()
    client_for(participant).post(
        call.get_absolute_url(), {**nominate, "stakeholder_group": "civil_society"}
    )
    assert call.nominations.get().stakeholder_group == "civil_society"
    # The secretariat records the group's own candidates.
    services.nominate(
        by=secretariat, call=call, nominee=person_in("government"), stakeholder_group="government",
        country=Country.objects.get(iso2="KE"), expertise="e", motivation="m",
    )  # fmt: skip
    assert call.nominations.count() == 2


@pytest.mark.parametrize("count", [1, 3])
def test_initiatives_and_proposals_queries_do_not_grow(
    db: None, secretariat: User, count: int
) -> None:
    from django.db import connection  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

    proposer = person_in("civil_society")
    for n in range(count):
        BodyFactory.create(
            type=body_type("nri"), name=f"IGF {n}", slug=f"igf-{n}", country_id="KE",
            initiative_kind=InitiativeKind.NATIONAL,
        )  # fmt: skip
        BodyProposal.objects.create(
            type=body_type("dc"), name=f"DC {n}", summary="s", description="d",
            contact_email="dc@example.org", evidence="e", proposer=proposer,
        )  # fmt: skip
    staff = client_for(secretariat)
    counts = []
    for client, url in ((Client(), "/bodies/initiatives/"), (staff, "/bodies/proposals/")):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts == QUERY_COUNTS


QUERY_COUNTS = [1, 8]  # initiatives by region; proposals (session, user, second factor...)
