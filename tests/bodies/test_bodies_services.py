"""The forum's rules for bodies, through the services: appointments, calls, reports, lists."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from igf.bodies import queries, services
from igf.bodies.enums import CallStatus, NominationStatus, Role
from igf.bodies.models import Body, Call, CompositionTarget, Membership, Subscription
from igf.core.errors import NotAllowed, Refused
from igf.core.links import site_url
from igf.core.models import ActivityEntry, Country
from igf.people.models import User
from tests.bodies.factories import BodyFactory, CallFactory, body_type, member, person_in

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def _today():  # type: ignore[no-untyped-def]
    with time_machine.travel(datetime(2026, 11, 25, 12, tzinfo=UTC), tick=False):
        yield


def mag_like() -> Body:
    body = BodyFactory.create(type=body_type("mag"), max_consecutive_terms=3, target_size_max=50)
    CompositionTarget.objects.create(
        body=body,
        dimension="stakeholder_group",
        category="government",
        maximum=Decimal("0.40"),
        hard=True,
    )
    return body


def test_appointment_breaking_an_enforced_rule_is_refused_without_a_reason(
    secretariat: User,
) -> None:
    body = mag_like()
    for _ in range(2):
        member(body, person_in("government"), group="government")
    member(body, person_in("civil_society"))
    appointment = queries.Appointment(person=person_in("government"), role=Role.MEMBER, start=TODAY)
    with pytest.raises(services.CompositionRuleError) as refused:
        services.appoint_member(by=secretariat, body=body, appointment=appointment)
    assert refused.value.check.refusals[0].values["category"] == "government"
    assert body.memberships.count() == 3


def test_override_is_saved_with_its_reason_and_logged(secretariat: User) -> None:
    body = mag_like()
    member(body, person_in("government"), group="government")
    appointment = queries.Appointment(
        person=person_in("government"),
        role=Role.MEMBER,
        start=TODAY,
        stakeholder_group="government",
    )
    membership = services.appoint_member(
        by=secretariat, body=body, appointment=appointment, override_reason="Host country seat"
    )
    assert membership.override_reason == "Host country seat"
    entry = ActivityEntry.objects.get(verb="membership.appointed")
    assert entry.data["overridden"] == ["share_above_maximum"]
    assert entry.data["reason"] == "Host country seat"
    assert entry.public is True


def test_a_fourth_consecutive_term_is_refused(secretariat: User) -> None:
    body = mag_like()
    person = person_in("civil_society")
    for year in (2024, 2025, 2026):
        member(body, person, start=date(year, 1, 1), end=date(year, 12, 31))
    appointment = queries.Appointment(person=person, role=Role.MEMBER, start=date(2027, 1, 1))
    with pytest.raises(services.CompositionRuleError) as refused:
        services.appoint_member(by=secretariat, body=body, appointment=appointment)
    assert refused.value.check.refusals[0].finding == "too_many_terms"


def test_open_bodies_can_be_joined_and_left(participant: User) -> None:
    body = BodyFactory.create(type=body_type("dc"))
    membership = services.join_body(by=participant, body=body)
    assert (membership.role, membership.start) == (Role.MEMBER, TODAY)
    assert Subscription.objects.get(body=body, person=participant.person).active
    services.leave_body(by=participant, body=body)
    assert not body.memberships.current().filter(person=participant.person).exists()
    assert not Subscription.objects.get(body=body, person=participant.person).active


def test_appointed_bodies_cannot_be_joined(participant: User) -> None:
    with pytest.raises(Refused):
        services.join_body(by=participant, body=mag_like())


def test_rotation_plan_lists_ending_terms_renewals_and_seats_to_fill() -> None:
    body = mag_like()
    body.target_size_max = 4
    body.save()
    CompositionTarget.objects.create(
        body=body, dimension="stakeholder_group", category="private_sector", minimum=Decimal("0.25")
    )
    veteran = person_in("government")
    for year in (2024, 2025, 2026):
        member(body, veteran, start=date(year, 1, 1), end=date(year, 12, 31), group="government")
    newcomer = member(
        body, person_in("civil_society"), start=date(2026, 1, 1), end=date(2026, 12, 31)
    )
    member(body, person_in("civil_society"), start=date(2026, 1, 1), end=date(2027, 12, 31))
    plan = queries.plan_rotation(body, date(2027, 1, 1))
    assert {m.person_id for m in plan.ending} == {veteran.pk, newcomer.person_id}
    assert [m.person_id for m in plan.eligible_for_renewal] == [newcomer.person_id]
    assert (plan.staying, plan.seats_to_fill) == (1, 3)
    assert [(n.category, n.seats) for n in plan.needs] == [("private_sector", 1)]


def test_turnover_counts_seats_given_to_new_members() -> None:
    body = mag_like()
    returning = person_in("civil_society")
    member(body, returning, start=date(2025, 1, 1), end=date(2025, 12, 31))
    member(body, returning, start=date(2026, 1, 1), end=date(2026, 12, 31))
    member(body, start=date(2026, 1, 1), end=date(2026, 12, 31))
    figure = queries.turnover(body, 2026)
    assert (figure.renewed, figure.seats) == (1, 2)


def test_terms_of_reference_versions_number_themselves(secretariat: User) -> None:
    body = mag_like()
    first = services.adopt_terms_of_reference(
        by=secretariat, body=body, text="v1", adopted_on=TODAY, adopted_by="Meeting 1"
    )
    second = services.adopt_terms_of_reference(
        by=secretariat, body=body, text="v2", adopted_on=TODAY, adopted_by="Meeting 2"
    )
    assert (first.version, second.version) == (1, 2)


def open_call(body: Body, **kwargs: object) -> Call:
    now = timezone.now()
    return CallFactory.create(
        body=body,
        status=CallStatus.OPEN,
        opens=now - timedelta(days=1),
        closes=now + timedelta(days=1),
        **kwargs,
    )


def test_nominating_someone_else_waits_for_their_confirmation(
    participant: User, other_participant: User, django_capture_on_commit_callbacks
) -> None:
    call = open_call(mag_like())
    with django_capture_on_commit_callbacks(execute=True):
        nomination = services.nominate(
            by=participant,
            call=call,
            nominee=other_participant.person,
            stakeholder_group="civil_society",
            country=Country.objects.get(iso2="BR"),
            expertise="x",
            motivation="y",
        )
    assert nomination.status == NominationStatus.AWAITING_NOMINEE
    assert mail.outbox[-1].to == [other_participant.email]
    assert mail.outbox[-1].subject == f"You have been nominated: {call.title}"
    assert f"/bodies/nominations/{nomination.pk}/" in mail.outbox[-1].body
    with pytest.raises(NotAllowed):
        services.answer_nomination(by=participant, nomination=nomination, accept=True)
    services.answer_nomination(by=other_participant, nomination=nomination, accept=True)
    assert nomination.status == NominationStatus.CANDIDATE


def test_the_nominee_is_told_in_the_language_they_chose(
    participant: User, other_participant: User, django_capture_on_commit_callbacks
) -> None:
    other_participant.language = "fr"
    other_participant.save(update_fields=["language"])
    call = open_call(mag_like())
    with django_capture_on_commit_callbacks(execute=True):
        services.nominate(
            by=participant,
            call=call,
            nominee=other_participant.person,
            stakeholder_group="civil_society",
            country=Country.objects.get(iso2="BR"),
            expertise="x",
            motivation="y",
        )
    assert mail.outbox[-1].subject == f"Votre candidature a été proposée : {call.title}"


def test_a_refused_decision_writes_to_nobody(
    secretariat: User, django_capture_on_commit_callbacks
) -> None:
    call = open_call(mag_like())
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Refused):
        services.decide_call(
            by=secretariat, call=call, selected={999: "?"}, not_selected={}, outcome=""
        )
    assert mail.outbox == []


def test_a_closed_call_refuses_nominations(participant: User) -> None:
    call = open_call(mag_like())
    with (
        time_machine.travel(call.closes + timedelta(seconds=1)),
        pytest.raises(Refused, match="not open"),
    ):
        services.nominate(
            by=participant,
            call=call,
            nominee=participant.person,
            stakeholder_group="civil_society",
            country=Country.objects.get(iso2="BR"),
            expertise="x",
            motivation="y",
        )


def test_deciding_a_call_appoints_tells_every_candidate_and_publishes(
    secretariat: User, django_capture_on_commit_callbacks
) -> None:
    body = mag_like()
    call = open_call(body)
    chosen, other = person_in("civil_society"), person_in("private_sector")
    nominations = [
        services.nominate(
            by=p.user,
            call=call,
            nominee=p,
            stakeholder_group=p.stakeholder_group,
            country=Country.objects.get(iso2="KE"),
            expertise="x",
            motivation="y",
        )
        for p in (chosen, other)
    ]
    with pytest.raises(Refused, match="still open"):
        services.decide_call(by=secretariat, call=call, selected={}, not_selected={}, outcome="")
    with (
        time_machine.travel(call.closes + timedelta(hours=1)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.decide_call(
            by=secretariat,
            call=call,
            selected={nominations[0].pk: "Strong regional expertise"},
            not_selected={nominations[1].pk: "Fewer seats than candidates"},
            outcome="Appointed.",
        )
    call.refresh_from_db()
    assert call.status == CallStatus.DECIDED
    membership = Membership.objects.get(body=body, person=chosen)
    assert (membership.start, membership.end) == (call.term_start, call.term_end)
    assert [n.status for n in queries.appointed(call)] == [NominationStatus.SELECTED]
    told = {m.to[0]: m.body for m in mail.outbox}
    assert "You were selected" in told[chosen.user.email]
    assert "Your personal details are not published." in told[other.user.email]


def test_missing_annual_report_flags_the_body_after_the_deadline() -> None:
    body = BodyFactory.create(type=body_type("dc"), established=date(2015, 1, 1))
    assert queries.report_is_overdue(body, today=date(2026, 3, 30)) is False
    assert queries.report_is_overdue(body, today=date(2026, 4, 1)) is True
    body.annual_reports.create(year=2025, text="We met four times.")
    assert queries.report_is_overdue(body, today=date(2026, 4, 1)) is False


def test_list_messages_go_to_every_subscriber_with_a_way_to_leave(
    participant: User, django_capture_on_commit_callbacks
) -> None:
    body = BodyFactory.create(type=body_type("bpf"))
    author = participant.person
    member(body, author)
    subscriber = person_in("government")
    member(body, subscriber)
    for person in (author, subscriber):
        Subscription.objects.create(body=body, person=person)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(by=participant, body=body, subject="Draft ready", text="Please read.")
    sent = {m.to[0]: m for m in mail.outbox}
    message = sent[subscriber.user.email]
    assert message.subject.endswith("Draft ready")
    token = Subscription.objects.get(body=body, person=subscriber).token
    assert f"/bodies/list/unsubscribe/{token}/" in message.body
    assert message.extra_headers["List-Unsubscribe"].endswith(f"/bodies/list/unsubscribe/{token}/>")


def test_only_members_post_to_a_list(participant: User) -> None:
    body = BodyFactory.create(type=body_type("bpf"))
    with pytest.raises(NotAllowed, match="Only members"):
        services.post_message(by=participant, body=body, subject="Hi", text="Hello")


def test_list_footer_is_in_each_subscribers_language(
    participant: User, django_capture_on_commit_callbacks
) -> None:
    body = BodyFactory.create(type=body_type("bpf"))
    member(body, participant.person)
    subscriber = person_in("government")
    subscriber.user.language = "fr"
    subscriber.user.save(update_fields=["language"])
    Subscription.objects.create(body=body, person=subscriber)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(by=participant, body=body, subject="Draft", text="Please read.")
    (message,) = mail.outbox
    token = Subscription.objects.get(body=body, person=subscriber).token
    assert message.body.endswith(
        f"Pour vous désabonner de cette liste\xa0:\xa0{site_url()}/bodies/list/unsubscribe/{token}/"
    )
