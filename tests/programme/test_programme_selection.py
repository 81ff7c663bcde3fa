"""Selection and results: the ranked list with the balance of the selected set, decisions with
reasons, results published together, proposers told, statistics public."""

from __future__ import annotations

from django.core import mail

from igf.people.models import User
from igf.programme import services
from igf.programme.enums import Decision, ProposalStatus
from igf.programme.models import Call, Proposal, ProposalPerson, Session
from tests.factories import UserFactory, person_of
from tests.programme.factories import (
    AssignmentFactory,
    ReviewerFactory,
    ReviewFactory,
    closed,
    complete_proposal,
    open_call,
    score,
)


def reviewed_call() -> tuple[Call, list[Proposal]]:
    """A closed call with three proposals scored 5, 3 and 1 by a harsh and a lenient reviewer."""
    call = open_call()
    proposals = [complete_proposal(call, title=f"Proposal {name}") for name in ("A", "B", "C")]
    closed(call)
    harsh, lenient = ReviewerFactory.create(call=call), ReviewerFactory.create(call=call)
    for proposal, (low, high) in zip(proposals, ((3, 5), (2, 4), (1, 2)), strict=True):
        for reviewer, value, comment in ((harsh, low, "Harsh view"), (lenient, high, "Kind view")):
            review = ReviewFactory.create(
                assignment=AssignmentFactory.create(proposal=proposal, reviewer=reviewer),
                comment=f"{comment} of {proposal.title}",
            )
            score(review, value)
    return call, proposals


def test_ranking_orders_by_normalised_score_with_spread_and_flags(
    db: None, secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    call, (a, b, c) = reviewed_call()
    page = login(secretariat).get(f"/programme/calls/{call.pk}/ranking/").content.decode()
    assert page.index(f"{a.reference} Proposal A") < page.index(f"{b.reference} Proposal B")
    assert page.index(f"{b.reference} Proposal B") < page.index(f"{c.reference} Proposal C")
    assert "+1.15" in page
    assert "reviewers disagree" in page  # B: 2 and 4
    assert "organisers from developing countries" in page
    assert "Balance of the selected organisers" in page


def test_ticking_proposals_accepts_them_with_their_rank_as_reason_and_updates_the_balance(
    db: None, secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    call, (a, b, c) = reviewed_call()
    client = login(secretariat)
    url = f"/programme/calls/{call.pk}/ranking/"
    shown = [str(p.pk) for p in (a, b, c)]
    response = client.post(url, {"shown": shown, "selected": [str(a.pk), str(b.pk)]}, follow=True)
    assert "Selection saved: 2 decisions changed." in response.content.decode()
    a.refresh_from_db()
    assert a.decision == Decision.ACCEPT
    assert a.decision_reason == "Ranked 1 of 3 by normalised review score."
    assert a.status == ProposalStatus.SUBMITTED  # nobody is told before the results
    page = response.content.decode()
    assert '<td class="num">4</td>' in page  # two proposals' organisers selected
    client.post(url, {"shown": shown, "selected": [str(a.pk)]})
    b.refresh_from_db()
    assert b.decision == ""
    # Filtering shows part of the list; unticking is limited to what was shown.
    client.post(url + "?theme=999", {"shown": [str(c.pk)], "selected": []})
    a.refresh_from_db()
    assert a.decision == Decision.ACCEPT
    assert client.post(url, {"shown": ["x"], "selected": ["<script>"]}).status_code == 302


def test_a_decision_needs_a_reason_and_a_merge_names_its_partner(
    db: None, secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    _call, (a, b, _c) = reviewed_call()
    client = login(secretariat)
    url = f"/programme/proposals/{b.pk}/decision/"
    page = client.get(url).content.decode()
    assert "Kind view of Proposal B" in page  # staff read the reviews, with names
    refused = client.post(url, {"decision": "accept_with_changes", "reason": ""})
    assert "Give the reason for the decision." in refused.content.decode()
    assert "Name the proposal this one merges with." in refused.content.decode()
    client.post(
        url,
        {"decision": "accept_with_changes", "merge_with": str(a.pk), "reason": "Same topic as A."},
    )
    b.refresh_from_db()
    assert b.decision == Decision.ACCEPT_WITH_CHANGES
    assert b.merge_with == a
    assert b.history.count() >= 2


def test_publishing_tells_every_proposer_with_anonymous_comments_and_creates_sessions(
    db: None, secretariat: User, login, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    call, (a, b, c) = reviewed_call()
    proposer = UserFactory.create(email="proposer.a@example.org")
    a.proposer = person_of(proposer)
    a.save()
    services.set_selection(by=secretariat, call=call, selected={a.pk})
    services.record_decision(
        by=secretariat, proposal=b, decision="accept_with_changes", reason="Merge.", merge_with=a
    )
    mail.outbox.clear()
    client = login(secretariat)
    url = f"/programme/calls/{call.pk}/publish/"
    page = client.get(url).content.decode()
    assert "Not decided yet (will not be accepted)" in page
    assert "Tick the box" in client.post(url, {}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"confirm": "on", "note": "There were many strong proposals."})
        assert mail.outbox == []  # nothing leaves before the commit
    assert response.status_code == 302
    for proposal in (a, b, c):
        proposal.refresh_from_db()
    assert (a.status, b.status, c.status) == (
        ProposalStatus.ACCEPTED,
        ProposalStatus.ACCEPTED_WITH_CHANGES,
        ProposalStatus.REJECTED,
    )
    assert a.session is not None
    assert b.session == a.session
    assert Session.objects.count() == 1
    assert c.decision_reason == (
        "Not selected: Ranked 3 of 3 by normalised review score. There were many strong proposals."
    )
    message = next(m for m in mail.outbox if "proposer.a@example.org" in m.to)
    assert message.subject == f"Your session proposal {a.reference}: Accepted"
    assert "Harsh view of Proposal A" in message.body
    assert "Kind view of Proposal A" in message.body
    assert "Normalised score: +1.15 (mean 4.0 of 5 from 2 reviews; rank 1)." in message.body
    for reviewer_name in {r.person.public_name for r in call.reviewers.all()}:
        assert reviewer_name not in message.body
    # One message to each proposer and each organiser named with an address, each alone.
    organisers = ProposalPerson.objects.filter(proposal__in=(a, b, c), role="organiser").exclude(
        email=""
    )
    assert sorted(m.to for m in mail.outbox) == sorted(
        [[p.proposer.user.email] for p in (a, b, c)] + [[r.email] for r in organisers]
    )
    assert len(mail.outbox) == 6
    # Published together, once.
    assert "The results were published" in client.get(url).content.decode()
    assert client.post(url, {"confirm": "on"}, follow=True).status_code == 200
    # Accepted proposals are public now; the rejected one is not.
    anonymous = login(None)
    assert anonymous.get(a.get_absolute_url()).status_code == 200
    assert anonymous.get(c.get_absolute_url()).status_code == 404
    call_page = anonymous.get(call.get_absolute_url()).content.decode()
    assert "Accepted sessions" in call_page
    assert "Proposal A" in call_page
    assert "Proposal C" not in call_page
    # The proposer sees the outcome, reason and comments on the proposal's page.
    own = login(proposer).get(a.get_absolute_url()).content.decode()
    assert '<h2 id="outcome-heading">Outcome</h2>' in own
    assert "Harsh view of Proposal A" in own


def test_statistics_are_public_once_the_call_closes_with_rates_after_results(
    db: None, secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    call = open_call()
    complete_proposal(call)
    url = f"/programme/calls/{call.pk}/statistics/"
    assert login(None).get(url).status_code == 404
    closed(call)
    page = login(None).get(url).content.decode()
    assert "Digital trust" in page
    assert "Civil society" in page
    assert ">Acceptance rate</th>" not in page
    services.publish_results(by=secretariat, call=call)
    page = login(None).get(url).content.decode()
    assert ">Acceptance rate</th>" in page
    assert '<td class="num">0%</td>' in page


def test_results_wait_for_the_call_to_close(db: None, secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    call = open_call()
    page = login(secretariat).get(f"/programme/calls/{call.pk}/publish/").content.decode()
    assert "Results are published after the call has closed." in page
    response = login(secretariat).post(
        f"/programme/calls/{call.pk}/publish/", {"confirm": "on"}, follow=True
    )
    assert "Results are published after the call has closed." in response.content.decode()
    assert Call.objects.get().results_published is None


def test_the_home_page_points_to_open_calls(db: None, client) -> None:  # type: ignore[no-untyped-def]
    call = open_call(title="Call for workshops 2031")
    page = client.get("/").content.decode()
    assert "Calls for session proposals" in page
    assert call.get_absolute_url() in page
    index = client.get("/programme/").content.decode()
    assert "Call for workshops 2031" in index
    meeting = client.get(call.meeting.get_absolute_url()).content.decode()
    assert "How can trust be rebuilt online?" in meeting
    assert "Workshop" in meeting


def _main_session_proposal(call: Call) -> Proposal:
    """A proposal of a main session whose facilitators are one organiser from Kenya, one from
    France and a moderator from France: 1 of 3 from developing countries."""
    from igf.core.models import Country  # noqa: PLC0415
    from igf.programme.enums import ParticipantRole, SessionKind  # noqa: PLC0415
    from tests.programme.factories import SessionTypeFactory, TemplateFactory  # noqa: PLC0415

    main = SessionTypeFactory.create(meeting=call.meeting, kind=SessionKind.MAIN)
    TemplateFactory.create(call=call, session_type=main)
    proposal = complete_proposal(call, title="Main session on digital trust")
    proposal.session_type = main
    proposal.save(update_fields=["session_type"])
    proposal.people.filter(role=ParticipantRole.ONSITE_MODERATOR).update(
        country=Country.objects.get(iso2="FR")
    )
    return proposal


def test_selecting_a_main_session_short_of_developing_country_facilitators_warns(
    db: None, secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    call, (a, _b, _c) = reviewed_call()
    main = _main_session_proposal(call)
    client = login(secretariat)
    page = client.get(f"/programme/proposals/{main.pk}/decision/").content.decode()
    assert "1 of 3 (target: at least 50%)" in page
    response = client.post(
        f"/programme/proposals/{main.pk}/decision/",
        {"decision": "accept", "reason": "Strong theme."},
        follow=True,
    )
    page = response.content.decode()
    assert (
        f"{main.reference} is below its balance target: 1 of its 3 facilitators come from "
        "developing countries; the target is at least 50%."
    ) in page
    assert "Selected proposals below the facilitators' balance target" in page
    # A workshop has no such target: selecting one warns of nothing.
    response = client.post(
        f"/programme/proposals/{a.pk}/decision/",
        {"decision": "accept", "reason": "Best ranked."},
        follow=True,
    )
    assert f"{a.reference} is below its balance target" not in response.content.decode()


def test_a_main_session_with_half_its_facilitators_from_developing_countries_meets_the_target(
    db: None, secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    from igf.core.models import Country  # noqa: PLC0415
    from igf.programme.enums import ParticipantRole  # noqa: PLC0415

    call, _proposals = reviewed_call()
    main = _main_session_proposal(call)
    main.people.filter(role=ParticipantRole.ONSITE_MODERATOR).update(
        country=Country.objects.get(iso2="BR")
    )
    response = login(secretariat).post(
        f"/programme/proposals/{main.pk}/decision/",
        {"decision": "accept", "reason": "Strong theme."},
        follow=True,
    )
    page = response.content.decode()
    assert "is below its balance target" not in page
    assert "Selected proposals below the facilitators" not in page
