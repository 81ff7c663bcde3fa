"""The bodies pages as people use them."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from igf.bodies.enums import CallStatus, NominationStatus
from igf.bodies.models import CompositionTarget, Membership, Nomination, Subscription
from igf.people.models import Person, User
from tests.bodies.factories import BodyFactory, CallFactory, body_type, member, person_in

pytestmark = pytest.mark.django_db


def test_body_page_shows_members_balance_and_requirements(client: Client) -> None:
    body = BodyFactory.create(type=body_type("dc"), name="Dynamic Coalition on Libraries")
    member(body, person_in("civil_society"), role="co_facilitator")
    member(body, person_in("government"), group="government")
    page = client.get(body.get_absolute_url()).content.decode()
    assert "Dynamic Coalition on Libraries" in page
    assert "Co-facilitator" in page
    assert '<svg class="balance-bar"' in page
    assert "Not met:</span> Members from at least 3 stakeholder groups" in page
    assert "Met:</span> Open membership" in page


def test_gender_of_fewer_than_five_is_not_shown_on_public_pages(client: Client) -> None:
    body = BodyFactory.create()
    for _ in range(3):
        member(body, person_in("civil_society", gender="woman"))
    page = client.get(body.get_absolute_url()).content.decode()
    assert "fewer than 5" in page


def test_registry_filters_by_type_region_and_status(client: Client) -> None:
    BodyFactory.create(type=body_type("nri"), name="IGF Kenya", country_id="KE")
    BodyFactory.create(type=body_type("nri"), name="IGF Brazil", country_id="BR")
    BodyFactory.create(type=body_type("dc"), name="Coalition X")
    page = client.get("/bodies/", {"type": "nri", "region": "african"}).content.decode()
    assert "IGF Kenya" in page
    assert "IGF Brazil" not in page
    assert "Coalition X" not in page
    assert client.get("/bodies/", {"type": "<script>", "region": "\x00"}).status_code == 200


def test_registry_flags_bodies_without_their_annual_report(client: Client) -> None:
    BodyFactory.create(type=body_type("dc"), name="Quiet Coalition", established=date(2015, 1, 1))
    page = client.get("/bodies/").content.decode()
    assert "annual report missing" in page


@pytest.mark.parametrize("count", [1, 3])
def test_registry_queries_do_not_grow_with_bodies(client: Client, count: int) -> None:
    for _ in range(count):
        body = BodyFactory.create()
        member(body)
    client.get("/bodies/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/bodies/")
    assert len(queries) == 4


@pytest.mark.parametrize("count", [1, 3])
def test_type_comparison_queries_do_not_grow(client: Client, count: int) -> None:
    for _ in range(count):
        member(BodyFactory.create(type=body_type("dc")))
    client.get("/bodies/types/dc/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/bodies/types/dc/")
    assert response.status_code == 200
    assert len(queries) == 5


@pytest.mark.parametrize("count", [1, 3])
def test_body_page_queries_do_not_grow_with_members(client: Client, count: int) -> None:
    body = BodyFactory.create(type=body_type("mag"))
    for _ in range(count):
        member(body, person_in("government"))
    client.get(body.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        client.get(body.get_absolute_url())
    assert len(queries) == 15  # 11 of the body, 3 of its meetings section, 1 of its conversations


def test_appointing_shows_the_rules_before_saving(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    body = BodyFactory.create(type=body_type("mag"))
    CompositionTarget.objects.create(
        body=body, dimension="stakeholder_group", category="government", maximum="0.40", hard=True
    )
    member(body, person_in("government"), group="government")
    newcomer = person_in("government")
    client = login(secretariat)
    form = {
        "email": newcomer.user.email,
        "role": "member",
        "start": "2026-12-01",
        "capacity": "personal",
        "stakeholder_group": "government",
    }
    page = client.post(f"/bodies/{body.slug}/members/appoint/", form).content.decode()
    assert "This breaks enforced rules" in page
    assert "Stakeholder group, Government: 100% of the seats, above the maximum of 40%." in page
    assert not Membership.objects.filter(person=newcomer).exists()
    page = client.post(
        f"/bodies/{body.slug}/members/appoint/", {**form, "confirmed": "on"}
    ).content.decode()
    assert "give the reason to override it" in page
    response = client.post(
        f"/bodies/{body.slug}/members/appoint/",
        {**form, "confirmed": "on", "override_reason": "Host country"},
    )
    assert response.status_code == 302
    assert Membership.objects.get(person=newcomer).override_reason == "Host country"


def test_appointing_refuses_unknown_people_and_backwards_dates(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    body = BodyFactory.create()
    page = (
        login(secretariat)
        .post(
            f"/bodies/{body.slug}/members/appoint/",
            {
                "email": "nobody@example.org",
                "role": "member",
                "start": "2026-12-01",
                "end": "2026-01-01",
                "capacity": "organization",
            },
        )
        .content.decode()
    )
    assert "Nobody on the platform has this e-mail address." in page
    assert "The end comes before the start." in page
    assert "Name the organisation the member represents." in page
    assert 'value="nobody@example.org"' in page


def test_ending_a_membership(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    body = BodyFactory.create()
    membership = member(body)
    url = f"/bodies/{body.slug}/members/{membership.pk}/end/"
    page = login(secretariat).post(url, {"end": "2025-01-01"}).content.decode()
    assert "A membership cannot end before it starts." in page
    login(secretariat).post(url, {"end": "2026-06-30", "reason": "Resigned"})
    membership.refresh_from_db()
    assert membership.end == date(2026, 6, 30)


def test_join_and_leave_an_open_body(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    body = BodyFactory.create(type=body_type("dc"))
    client = login(participant)
    client.post(f"/bodies/{body.slug}/join/")
    assert body.memberships.current().filter(person=participant.person).exists()
    client.post(f"/bodies/{body.slug}/leave/")
    assert not body.memberships.current().filter(person=participant.person).exists()


def test_terms_of_reference_versions_and_their_differences(client: Client) -> None:
    body = BodyFactory.create()
    body.terms_of_reference.create(
        version=1,
        text="Members serve one year.",
        adopted_on=date(2024, 1, 1),
        adopted_by="Meeting of 1 January",
    )
    body.terms_of_reference.create(
        version=2,
        text="Members serve two years.",
        adopted_on=date(2025, 1, 1),
        adopted_by="Meeting of 1 January 2025",
    )
    assert client.get(f"/bodies/{body.slug}/terms/")["Location"] == f"/bodies/{body.slug}/terms/2/"
    page = client.get(f"/bodies/{body.slug}/terms/compare/", {"from": 1, "to": 2}).content.decode()
    assert '<del><span class="visually-hidden">[deleted: </span>one' in page
    assert '<ins><span class="visually-hidden">[inserted: </span>two' in page
    assert (
        client.get(f"/bodies/{body.slug}/terms/compare/", {"from": 1, "to": 9}).status_code == 404
    )


def test_secretariat_records_a_new_version(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    body = BodyFactory.create()
    response = login(secretariat).post(
        f"/bodies/{body.slug}/terms/adopt/",
        {"text": "## Mandate", "adopted_on": "2026-11-01", "adopted_by": "Decision 2026/7"},
    )
    assert response["Location"] == f"/bodies/{body.slug}/terms/1/"
    assert body.terms_of_reference.get().chair_method == "appointed"
    login(secretariat).post(
        f"/bodies/{body.slug}/terms/adopt/",
        {
            "text": "## Mandate\nThe members elect two co-chairs.",
            "adopted_on": "2026-12-01",
            "adopted_by": "Decision 2026/9",
            "chair_method": "elected",
            "chairs": "2",
            "election_quorum": "60",
        },
    )
    latest = body.terms_of_reference.get(version=2)
    assert (latest.chair_method, latest.chairs, latest.election_quorum) == ("elected", 2, 60)


def test_nominating_oneself_in_an_open_call(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    body = BodyFactory.create(type=body_type("mag"))
    now = timezone.now()
    call = CallFactory.create(
        body=body,
        status=CallStatus.OPEN,
        opens=now - timedelta(days=1),
        closes=now + timedelta(days=1),
    )
    client = login(participant)
    form = {
        "stakeholder_group": "civil_society",
        "country": "SN",
        "expertise": "Access",
        "motivation": "To serve",
    }
    assert client.post(call.get_absolute_url(), form).status_code == 302
    nomination = Nomination.objects.get(call=call)
    assert (nomination.nominee, nomination.status) == (
        participant.person,
        NominationStatus.CANDIDATE,
    )
    page = client.post(call.get_absolute_url(), form).content.decode()
    assert "This person has already been nominated in this call." in page


def test_candidates_are_never_listed_publicly(client: Client, participant: User) -> None:
    body = BodyFactory.create(type=body_type("mag"))
    now = timezone.now()
    call = CallFactory.create(
        body=body,
        status=CallStatus.OPEN,
        opens=now - timedelta(days=1),
        closes=now + timedelta(days=1),
    )
    Nomination.objects.create(
        call=call,
        nominee=participant.person,
        stakeholder_group="civil_society",
        country_id="SN",
        expertise="SECRET-EXPERTISE",
        motivation="m",
    )
    page = client.get(call.get_absolute_url()).content.decode()
    assert "Amina Participant" not in page
    assert "SECRET-EXPERTISE" not in page


def test_nominee_confirms_a_nomination(participant: User, other_participant: User, login) -> None:  # type: ignore[no-untyped-def]
    body = BodyFactory.create(type=body_type("mag"))
    now = timezone.now()
    call = CallFactory.create(
        body=body,
        status=CallStatus.OPEN,
        opens=now - timedelta(days=1),
        closes=now + timedelta(days=1),
    )
    login(participant).post(
        call.get_absolute_url(),
        {
            "nominee_email": other_participant.email,
            "stakeholder_group": "government",
            "country": "FR",
            "expertise": "e",
            "motivation": "m",
        },
    )
    nomination = Nomination.objects.get(call=call)
    url = f"/bodies/nominations/{nomination.pk}/"
    assert login(participant).get(url).status_code == 404
    login(other_participant).post(url, {"answer": "accept"})
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.CANDIDATE


def test_selection_view_shows_the_balance_of_the_choice(  # type: ignore[no-untyped-def]
    secretariat: User, login, django_capture_on_commit_callbacks
) -> None:
    body = BodyFactory.create(type=body_type("mag"))
    now = timezone.now()
    call = CallFactory.create(
        body=body,
        status=CallStatus.CLOSED,
        opens=now - timedelta(days=9),
        closes=now - timedelta(days=1),
    )
    a = Nomination.objects.create(
        call=call,
        nominee=person_in("government"),
        stakeholder_group="government",
        country_id="SN",
        expertise="e",
        motivation="m",
    )
    b = Nomination.objects.create(
        call=call,
        nominee=person_in("private_sector"),
        stakeholder_group="private_sector",
        country_id="FR",
        expertise="e",
        motivation="m",
    )
    client = login(secretariat)
    page = client.post(
        f"/bodies/{body.slug}/calls/{call.pk}/select/", {"selected": [a.pk], "preview": "1"}
    )
    assert '<td class="num">100%</td>' in page.content.decode()
    page = client.post(
        f"/bodies/{body.slug}/calls/{call.pk}/select/",
        {"selected": [a.pk], "decide": "1", f"reason_{a.pk}": "Expert"},
    )
    assert "Give a reason for every decision" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/bodies/{body.slug}/calls/{call.pk}/select/",
            {
                "selected": [a.pk],
                "decide": "1",
                f"reason_{a.pk}": "Expert",
                f"reason_{b.pk}": "Seats",
                "outcome": "One appointed.",
            },
        )
    assert response.status_code == 302
    public = Client().get(call.get_absolute_url()).content.decode()
    assert a.nominee.public_name in public
    assert b.nominee.public_name not in public
    assert len(mail.outbox) == 2


def test_report_upload_accepts_pdf_only(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    body = BodyFactory.create(type=body_type("dc"))
    member(body, participant.person, role="co_facilitator")
    client = login(participant)
    fake = SimpleUploadedFile(
        "report.pdf", b"<html>not a pdf</html>", content_type="application/pdf"
    )
    page = client.post(
        f"/bodies/{body.slug}/reports/", {"year": 2025, "file": fake}
    ).content.decode()
    assert "This file is not a PDF." in page
    pdf = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF", content_type="application/pdf")
    client.post(f"/bodies/{body.slug}/reports/", {"year": 2025, "file": pdf})
    response = Client().get(f"/bodies/{body.slug}/reports/2025.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_workplan_feed_is_valid_icalendar(client: Client) -> None:
    body = BodyFactory.create()
    body.milestones.create(title="Draft output", due=date(2026, 11, 1))
    calendar = Calendar.from_ical(client.get(f"/bodies/{body.slug}/workplan.ics").content)
    events = calendar.walk("VEVENT")
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events] == [
        ("Draft output", date(2026, 11, 1))
    ]


def test_leads_manage_the_workplan(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    body = BodyFactory.create()
    member(body, participant.person, role="co_facilitator")
    client = login(participant)
    client.post(
        f"/bodies/{body.slug}/workplan/",
        {"title": "Launch", "due": "2026-01-10", "status": "planned"},
    )
    milestone = body.milestones.get()
    page = client.get(f"/bodies/{body.slug}/workplan/").content.decode()
    assert "overdue" in page
    client.post(
        f"/bodies/{body.slug}/workplan/{milestone.pk}/",
        {"title": "Launch", "due": "2026-01-10", "status": "done"},
    )
    assert "overdue" not in client.get(f"/bodies/{body.slug}/workplan/").content.decode()


def test_mailing_list_archive_and_posting(
    participant: User, other_participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    body = BodyFactory.create(type=body_type("bpf"))
    member(body, participant.person)
    client = login(participant)
    client.post(f"/bodies/{body.slug}/list/subscribe/")
    client.post(f"/bodies/{body.slug}/list/", {"subject": "Agenda", "text": "See you Tuesday."})
    page = Client().get(f"/bodies/{body.slug}/list/").content.decode()
    assert "Agenda" in page
    assert "See you Tuesday." in page
    assert (
        login(other_participant)
        .post(f"/bodies/{body.slug}/list/", {"subject": "x", "text": "y"})
        .status_code
        == 404
    )
    token = Subscription.objects.get(person=participant.person).token
    Client().post(f"/bodies/list/unsubscribe/{token}/")
    assert not Subscription.objects.get(person=participant.person).active
    assert "Leave the list" in Client().get(f"/bodies/list/unsubscribe/{token}/").content.decode()


def test_composition_exports_hide_small_gender_counts(client: Client) -> None:
    body = BodyFactory.create(slug="small-body")
    for _ in range(2):
        member(body, person_in("civil_society", gender="woman"))
    rows = list(csv.DictReader(io.StringIO(client.get("/bodies/composition.csv").content.decode())))
    row = next(r for r in rows if r["body"] == "small-body")
    assert (row["seats"], row["stakeholder_group:civil_society"], row["gender:woman"]) == (
        "2",
        "2",
        "<5",
    )
    data = client.get("/bodies/small-body/composition.json").json()
    assert (data["seats"], data["gender:woman"]) == (2, None)
    assert client.get("/bodies/composition.json").json()["bodies"][0]["body"]


def test_rotation_planner_for_leads_and_secretariat(
    secretariat: User, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    body = BodyFactory.create(type=body_type("mag"))
    member(body, person_in("government"), start=date(2026, 1, 1), end=date(2026, 12, 31))
    page = (
        login(secretariat)
        .get(f"/bodies/{body.slug}/rotation/", {"on": "2027-01-01"})
        .content.decode()
    )
    assert "members stay." in page
    assert "1 seat to fill." in page
    assert login(participant).get(f"/bodies/{body.slug}/rotation/").status_code == 403


def test_erased_people_show_as_former_participants_on_bodies(
    client: Client, participant: User
) -> None:
    from igf.people.services import erase_account  # noqa: PLC0415

    body = BodyFactory.create(type=body_type("mag"))
    member(body, participant.person)
    erase_account(by=participant, person=Person.objects.get(user=participant))
    page = client.get(f"/bodies/{body.slug}/members/history/").content.decode()
    assert "former participant" in page
    assert "Amina Participant" not in page


def test_home_page_lists_open_calls(client: Client) -> None:
    body = BodyFactory.create(type=body_type("mag"))
    now = timezone.now()
    CallFactory.create(
        body=body,
        title="MAG renewal 2027",
        status=CallStatus.OPEN,
        opens=now - timedelta(days=1),
        closes=now + timedelta(days=9),
    )
    assert "MAG renewal 2027" in client.get("/").content.decode()


def test_data_export_and_erasure_cover_bodies(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    from igf.people.services import erase_account  # noqa: PLC0415

    body = BodyFactory.create(type=body_type("mag"))
    member(body, participant.person)
    now = timezone.now()
    call = CallFactory.create(
        body=body,
        status=CallStatus.OPEN,
        opens=now - timedelta(days=1),
        closes=now + timedelta(days=1),
    )
    Nomination.objects.create(
        call=call,
        nominee=participant.person,
        stakeholder_group="government",
        country_id="FR",
        expertise="PRIVATE-EXPERTISE",
        motivation="m",
    )
    data = login(participant).get("/me/data.json").json()
    assert data["bodies"]["memberships"][0]["body"] == body.name
    assert data["bodies"]["nominations"][0]["expertise"] == "PRIVATE-EXPERTISE"
    erase_account(by=participant, person=Person.objects.get(user=participant))
    assert not Nomination.objects.filter(expertise="PRIVATE-EXPERTISE").exists()
    assert Membership.objects.filter(body=body).count() == 1
