"""Travel support: eligibility with its reasons, applications that keep every input, the
award optimiser within budget and balance targets, awards paid through the ledger, and
statistics that hide categories of fewer than 5 people."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import time_machine

from igf.core.errors import Refused
from igf.funding import support
from igf.funding.awards import Candidate, Target, choose
from igf.funding.eligibility import Facts, check
from igf.funding.enums import ApplicationStatus, CallKind, EntryKind
from igf.funding.models import Application, Award, Entry, SupportCall
from igf.people.models import User
from tests.bodies.factories import BodyFactory, member
from tests.factories import UserFactory, country
from tests.funding.factories import contribute, finance_user, make_donor, make_fund

TODAY = dt.date(2026, 3, 10)


# --- Pure rules ----------------------------------------------------------------------------------


def test_eligible_applicant_sees_every_rule_met_with_its_reason() -> None:
    result = check(
        Facts(country_name="Nepal", ldc=True, lldc=True, contributions=("Speaker",), partial=True)
    )
    assert result.eligible
    assert [str(rule.reason) for rule in result.rules] == [
        "Nepal is on the UN list of least developed countries.",
        "You are an active contributor: Speaker.",
    ]
    assert result.bonus == 2.0  # never funded before, and partial funding


def test_applicant_from_elsewhere_without_contributions_is_told_why_not() -> None:
    result = check(Facts(country_name="France", funded_before=True, missing_trip_report=True))
    assert not result.eligible
    reasons = [str(rule.reason) for rule in result.rules if not rule.passed]
    assert reasons[0].startswith("France is not a least developed country")
    assert "The trip report of your last award is missing." in reasons
    assert len(reasons) == 3


def test_optimiser_maximises_score_within_budget() -> None:
    candidates = [
        Candidate(1, 9.0, 3000, {}),
        Candidate(2, 5.0, 1000, {}),
        Candidate(3, 5.0, 1000, {}),
        Candidate(4, 5.0, 1000, {}),
    ]
    selection = choose(candidates, budget=3000)
    assert selection.chosen == (2, 3, 4)  # 15 > 9
    assert (selection.spent, selection.total_score, selection.optimal) == (3000, 15.0, True)


def test_optimiser_meets_a_balance_target_at_some_cost_in_score() -> None:
    candidates = [Candidate(i, 9.0, 1000, {"gender": "man"}) for i in range(1, 5)] + [
        Candidate(i, 5.0, 1000, {"gender": "woman"}) for i in range(5, 9)
    ]
    selection = choose(candidates, budget=4000, targets=[Target("gender", "woman", 0.5)])
    assert len(selection.chosen) == 4
    assert selection.balance["gender"] == {"man": 0.5, "woman": 0.5}
    assert selection.total_score == 28.0


def test_impossible_targets_are_reported_not_ignored() -> None:
    candidates = [Candidate(1, 9.0, 1000, {"gender": "man"})]
    selection = choose(candidates, budget=1000, targets=[Target("gender", "woman", 0.5)])
    assert selection.feasible is True
    assert selection.chosen == ()  # nobody awarded is the only way
    impossible = choose(candidates, budget=-1)
    assert impossible.feasible is False


# --- With the database ---------------------------------------------------------------------------


def _call(**kwargs: Any) -> SupportCall:
    clerk = finance_user()
    fund = make_fund(slug="support", threshold=100000)
    contribute(clerk, fund, make_donor(), "50000", on=dt.date(2026, 1, 5))
    defaults: dict[str, Any] = {
        "fund": fund,
        "kind": CallKind.TRAVEL,
        "title": "Travel support for IGF 2026",
        "slug": "travel-2026",
        "criteria": "Open to **active contributors**.",
        "opens": dt.date(2026, 3, 1),
        "closes": dt.date(2026, 4, 1),
        "budget": Decimal(10000),
        "max_award": Decimal(2500),
    }
    defaults.update(kwargs)
    return SupportCall.objects.create(**defaults)


def _contributor() -> User:
    user = UserFactory.create()
    member(BodyFactory.create(), user.person)
    return user


COMPLETE = {
    "country": "NP",
    "stakeholder_group": "civil_society",
    "gender": "woman",
    "preferences": ["youth"],
    "partial": "on",
    "amount": "2000",
    "motivation": "I run a community network.",
    "give_back": "A workshop at home.",
    "recommender_name": "Ana Mentor",
    "recommender_email": "ana@example.org",
}


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC), tick=False)
def test_draft_keeps_what_was_written_and_shows_what_is_missing(login) -> None:  # type: ignore[no-untyped-def]
    call = _call()
    client = login(_contributor())
    client.post(
        f"/funding/calls/{call.slug}/apply/", {"motivation": "Half a thought", "submit": "0"}
    )
    html = client.get(f"/funding/calls/{call.slug}/apply/").content.decode()
    assert "Half a thought" in html
    assert "Still missing before you can submit:" in html
    assert "Say in which country you live." in html


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC), tick=False)
def test_complete_application_of_an_active_contributor_is_submitted(login) -> None:  # type: ignore[no-untyped-def]
    call = _call()
    user = _contributor()
    mentor = UserFactory.create(email="ana@example.org", display_name="Ana Mentor")
    client = login(user)
    response = client.post(
        f"/funding/calls/{call.slug}/apply/", {**COMPLETE, "submit": "1"}, follow=True
    )
    html = response.content.decode()
    assert "Your application is submitted." in html
    assert "Nepal is on the UN list of least developed countries." in html
    application = Application.objects.get(applicant=user)
    assert (application.status, application.amount) == (ApplicationStatus.SUBMITTED, Decimal(2000))
    assert application.recommender == mentor.person
    # The recommender confirms from the e-mail's link; then the application counts for awards.
    path = support.recommendation_path(application)
    page = login(mentor).get(path).content.decode()
    assert "names you as the community member who recommends" in page
    assert login(user).get(path).status_code == 403
    login(mentor).post(path)
    application.refresh_from_db()
    assert application.recommendation_confirmed is not None


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC), tick=False)
def test_recommender_without_an_account_is_refused(login) -> None:  # type: ignore[no-untyped-def]
    call = _call()
    user = _contributor()
    response = login(user).post(f"/funding/calls/{call.slug}/apply/", {**COMPLETE, "submit": "1"})
    assert "The recommender must be a member of the platform" in response.content.decode()
    assert Application.objects.get(applicant=user).status == ApplicationStatus.DRAFT


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC), tick=False)
def test_submission_without_contributions_is_refused_and_the_input_kept(login) -> None:  # type: ignore[no-untyped-def]
    call = _call()
    user = UserFactory.create()
    response = login(user).post(f"/funding/calls/{call.slug}/apply/", {**COMPLETE, "submit": "1"})
    html = response.content.decode()
    assert "The application does not meet the call&#x27;s criteria." in html
    assert "The platform has no record of you organising" in html
    assert Application.objects.get(applicant=user).motivation == "I run a community network."


def _scored(call: SupportCall, n: int, gender: str, score: str) -> list[Application]:
    made = []
    for _ in range(n):
        made.append(
            Application.objects.create(
                call=call,
                applicant=UserFactory.create(),
                status=ApplicationStatus.SUBMITTED,
                country=country("KE"),
                stakeholder_group="civil_society",
                gender=gender,
                amount=Decimal(1000),
                score=Decimal(score),
                recommendation_confirmed=dt.datetime(2026, 2, 1, tzinfo=dt.UTC),
            )
        )
    return made


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 4, 10, 12, tzinfo=dt.UTC), tick=False)
def test_awards_are_decided_within_budget_paid_through_the_ledger_and_counted(
    secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    call = _call(
        budget=Decimal(10000),
        balance_targets=[{"dimension": "gender", "category": "woman", "minimum": 0.5}],
    )
    _scored(call, 8, "man", "9")
    _scored(call, 6, "woman", "6")
    client = login(secretariat)
    page = client.get(f"/funding/calls/{call.slug}/awards/").content.decode()
    assert "Proposed: 10 awards, 10000 of 10000.00" in page
    client.post(f"/funding/calls/{call.slug}/awards/", {"reason": "Highest scores, balanced."})
    awards = Award.objects.filter(application__call=call).order_by("pk")
    first = awards[0]
    assert awards.count() == 10
    assert awards.filter(application__gender="woman").count() == 5
    entry = support.pay_award(by=finance_user("Payer"), award=first, on=TODAY)
    assert (entry.kind, entry.category, entry.recipient_country_id, entry.paid_for) == (
        EntryKind.EXPENDITURE,
        "travel",
        "KE",
        first,
    )
    with pytest.raises(Refused):
        support.pay_award(by=finance_user("Again"), award=first, on=TODAY)
    statistics = support.award_statistics(call)
    assert statistics.total == 10
    assert [(row.label, row.count) for row in statistics.by_gender] == [("Man", 5), ("Woman", 5)]
    public = login(None).get(f"/funding/calls/{call.slug}/").content.decode()
    assert "10 awards." in public
    assert Entry.objects.filter(fund=call.fund, kind=EntryKind.EXPENDITURE).count() == 1


@pytest.mark.django_db
def test_statistics_hide_categories_of_fewer_than_five() -> None:
    call = _call()
    for application in _scored(call, 6, "man", "5") + _scored(call, 2, "woman", "5"):
        application.status = ApplicationStatus.AWARDED
        application.save()
    rows = support.award_statistics(call).by_gender
    assert [(row.label, row.count) for row in rows] == [("Man", 6), ("Woman", None)]


@pytest.mark.django_db
def test_panel_scores_blind_and_the_scores_are_kept(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    call = _call()
    application = _scored(call, 1, "woman", "5")[0]
    Application.objects.filter(pk=application.pk).update(motivation="Community networks")
    client = login(secretariat)
    page = client.get(f"/funding/calls/{call.slug}/scores/").content.decode()
    assert "Community networks" in page
    assert application.applicant.person.display_name not in page
    client.post(f"/funding/calls/{call.slug}/scores/", {f"score-{application.pk}": "8.5"})
    application.refresh_from_db()
    assert application.score == Decimal("8.5")
    response = client.post(f"/funding/calls/{call.slug}/scores/", {f"score-{application.pk}": "11"})
    assert response.status_code == 409
    application.refresh_from_db()
    assert application.score == Decimal("8.5")


@pytest.mark.django_db
def test_mag_funding_is_first_come_first_served_within_the_budget() -> None:
    call = _call(kind=CallKind.MAG, slug="mag-2026", budget=Decimal(2000))
    late, early, middle = _scored(call, 3, "man", "9")
    for application, day in ((early, 1), (middle, 2), (late, 3)):
        application.submitted = dt.datetime(2026, 3, day, tzinfo=dt.UTC)
        application.score = Decimal(10 - day)
        application.save()
    selection = support.propose_awards(call)
    assert selection.chosen == tuple(sorted((early.pk, middle.pk)))
    assert selection.spent == 2000
