"""Review: reviewers enlisted from the evaluating body, assigned automatically and explainably,
blind in every page they reach, conflicts reassigned, scores saved with history."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.core import mail
from django.utils import timezone

from igf.bodies.models import Body, BodyType, Membership
from igf.people.models import Organization, User
from igf.programme import queries, services
from igf.programme.enums import AssignmentStatus
from igf.programme.models import Assignment, Call, Conflict, Review, Score
from igf.programme.services import ProgrammeError
from tests.factories import AffiliationFactory, UserFactory, country, person_of
from tests.programme.factories import (
    AssignmentFactory,
    ReviewerFactory,
    closed,
    complete_proposal,
    open_call,
    reviewer_user,
)

GROUPS = (
    "government", "private_sector", "civil_society", "technical_community", "intergovernmental",
)  # fmt: skip


@pytest.fixture
def call(db: None) -> Call:
    return open_call(reviewers_per_proposal=3)


def mag_with_members(call: Call, n: int) -> Body:
    body = Body.objects.create(type=BodyType.objects.get(slug="mag"), name="MAG", slug="mag-test")
    call.meeting.evaluating_body = body
    call.meeting.save()
    for index in range(n):
        user = UserFactory.create(display_name=f"Member {index}")
        person = user.person
        person.country = country(("KE", "FR", "BR", "IN", "PL")[index % 5])
        person.stakeholder_group = GROUPS[index % 5]
        person.save()
        Membership.objects.create(
            body=body,
            person=person,
            start=timezone.localdate() - dt.timedelta(days=30),
            stakeholder_group=GROUPS[index % 5],
        )
    return body


def test_enlisting_makes_current_members_reviewers_with_group_and_region(call: Call) -> None:
    body = mag_with_members(call, 5)
    Membership.objects.create(
        body=body,
        person=UserFactory.create().person,
        start=timezone.localdate() - dt.timedelta(days=400),
        end=timezone.localdate() - dt.timedelta(days=10),
    )
    assert services.enlist_reviewers(by=None, call=call) == 5
    assert services.enlist_reviewers(by=None, call=call) == 0
    assert sorted(call.reviewers.values_list("region", flat=True)) == [
        "african", "asia_pacific", "eastern_european", "latin_american_caribbean", "weog",
    ]  # fmt: skip
    assert set(call.reviewers.values_list("stakeholder_group", flat=True)) == set(GROUPS)


def test_assignment_waits_for_the_call_to_close(call: Call) -> None:
    with pytest.raises(ProgrammeError):
        services.assign_reviewers(by=None, call=call)


def test_assignment_gives_each_proposal_k_reviewers_and_explains_why(
    call: Call, secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    mag_with_members(call, 10)
    services.enlist_reviewers(by=None, call=call)
    for _ in range(6):
        complete_proposal(call)
    closed(call)
    plan = services.assign_reviewers(by=secretariat, call=call)
    assert len(plan.assignments) == 18
    per_proposal = Counter(
        Assignment.objects.filter(proposal__call=call).values_list("proposal_id", flat=True)
    )
    assert set(per_proposal.values()) == {3}
    loads = Counter(Assignment.objects.values_list("reviewer_id", flat=True))
    assert max(loads.values()) - min(loads.values()) <= 1
    page = login(secretariat).get(f"/programme/calls/{call.pk}/assignments/").content.decode()
    assert "a stakeholder group and a region not yet among this proposal&#x27;s reviewers" in page
    # Running it again fills nothing more.
    assert services.assign_reviewers(by=secretariat, call=call).assignments == ()


def test_each_reviewer_hears_once_how_many_proposals_they_have_to_review(
    call: Call, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    mag_with_members(call, 4)
    services.enlist_reviewers(by=None, call=call)
    for _ in range(4):
        complete_proposal(call)
    closed(call)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        plan = services.assign_reviewers(by=None, call=call)
    loads = Counter(item.reviewer for item in plan.assignments)
    assert len(mail.outbox) == len(loads)
    for reviewer in call.reviewers.select_related("person__user"):
        (message,) = [m for m in mail.outbox if m.to == [reviewer.person.user.email]]
        assert message.subject == f"Proposals to review: {call.title}"
        assert f"You have {loads[reviewer.pk]} new proposals to review" in message.body
        assert "/programme/reviews/" in message.body
    # Nothing new, nothing sent.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.assign_reviewers(by=None, call=call)
    assert mail.outbox == []


def test_reviewers_never_get_proposals_from_their_own_organisation(call: Call) -> None:
    organization = Organization.objects.create(name="Open Net Lab", slug="open-net-lab")
    _user, reviewer = reviewer_user(call)
    reviewer.organization = organization
    reviewer.save()
    for _ in range(4):
        ReviewerFactory.create(call=call)
    ours = complete_proposal(call)
    ours.people.filter(role="organiser").update(organization_name="OPEN  net lab")
    linked = complete_proposal(call)
    AffiliationFactory.create(person=linked.proposer, organization=organization)
    closed(call)
    services.assign_reviewers(by=None, call=call)
    given = set(reviewer.assignments.values_list("proposal_id", flat=True))
    assert ours.pk not in given
    assert linked.pk not in given


def test_review_is_blind_on_every_page_the_reviewer_reaches(call: Call, login) -> None:  # type: ignore[no-untyped-def]
    proposer = UserFactory.create(display_name="Zebulon Proposer")
    proposal = complete_proposal(call, person_of(proposer), title="Blind test session")
    proposal.people.update(organization_name="Acme Secret Org")
    closed(call)
    user, reviewer = reviewer_user(call)
    assignment = AssignmentFactory.create(proposal=proposal, reviewer=reviewer)
    client = login(user)
    pages = [
        client.get("/programme/reviews/").content.decode(),
        client.get(f"/programme/reviews/{assignment.pk}/").content.decode(),
        client.get(f"/programme/reviews/{assignment.pk}/conflict/").content.decode(),
    ]
    assert "Blind test session" in pages[1]
    names = ["Zebulon", "Acme Secret Org", *(r.name for r in proposal.people.all() if r.name)]
    for page in pages:
        for name in names:
            assert name not in page.split("<main", 1)[1]
    assert "Organisers from developing countries" in pages[1]
    assert "1 of 2" in pages[1]
    assert "Diversity of the speakers" in pages[1]
    assert "This proposal meets the minimum criteria." in pages[1]
    # The proposal's own page stays closed to the reviewer.
    assert client.get(proposal.get_absolute_url()).status_code == 404
    # The reviewer's data export holds their reviews, never the proposers' names.
    export = client.get("/me/data.json").content.decode()
    assert "Zebulon" not in export


def test_a_reviewer_scores_every_criterion_with_a_comment(call: Call, login) -> None:  # type: ignore[no-untyped-def]
    proposal = complete_proposal(call)
    other = complete_proposal(call, title="Similar session")
    closed(call)
    user, reviewer = reviewer_user(call)
    assignment = AssignmentFactory.create(proposal=proposal, reviewer=reviewer)
    criteria = list(call.criteria.all())
    client = login(user)
    incomplete = client.post(f"/programme/reviews/{assignment.pk}/", {"comment": "Fine."})
    assert incomplete.status_code == 200
    assert "Give a score from 1 to 5." in incomplete.content.decode()
    data = {f"criterion_{c.pk}": str(index + 2) for index, c in enumerate(criteria)}
    response = client.post(
        f"/programme/reviews/{assignment.pk}/",
        {**data, "comment": "Strong and clear.", "merge_with": str(other.pk)},
    )
    assert response.status_code == 302
    review = Review.objects.get()
    assert review.merge_with == other
    assert sorted(review.scores.values_list("value", flat=True)) == [2, 3, 4, 5]
    client.post(
        f"/programme/reviews/{assignment.pk}/",
        {**data, f"criterion_{criteria[0].pk}": "5", "comment": "Changed my mind."},
    )
    score = Score.objects.get(review=review, criterion=criteria[0])
    assert score.value == 5
    assert score.history.count() == 2
    page = client.get("/programme/reviews/").content.decode()
    assert "done" in page
    hostile = client.post(
        f"/programme/reviews/{assignment.pk}/",
        {**data, f"criterion_{criteria[1].pk}": "9", "comment": "x", "merge_with": "abc"},
    )
    assert hostile.status_code == 200


def test_a_conflict_of_interest_reassigns_the_proposal(call: Call, login) -> None:  # type: ignore[no-untyped-def]
    proposal = complete_proposal(call)
    closed(call)
    user, reviewer = reviewer_user(call)
    others = [ReviewerFactory.create(call=call, stakeholder_group=g) for g in GROUPS[:3]]
    assignment = AssignmentFactory.create(proposal=proposal, reviewer=reviewer)
    client = login(user)
    empty = client.post(f"/programme/reviews/{assignment.pk}/conflict/", {})
    assert "Say briefly" in empty.content.decode()
    response = client.post(
        f"/programme/reviews/{assignment.pk}/conflict/", {"reason": "My sister organises it."}
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.CONFLICT
    assert Conflict.objects.get().reason == "My sister organises it."
    replacement = Assignment.objects.get(proposal=proposal, status=AssignmentStatus.ASSIGNED)
    assert replacement.reviewer in others
    assert replacement.explanation["replacement"] is True
    assert client.get(f"/programme/reviews/{assignment.pk}/").status_code == 403
    # Assignment never gives the pair again.
    closed(call)
    services.assign_reviewers(by=None, call=call)
    assert not Assignment.objects.filter(
        proposal=proposal, reviewer=reviewer, status=AssignmentStatus.ASSIGNED
    ).exists()


def test_staff_adjust_assignments_by_hand(call: Call, secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    proposal = complete_proposal(call)
    closed(call)
    reviewer = ReviewerFactory.create(call=call)
    client = login(secretariat)
    url = f"/programme/calls/{call.pk}/assignments/"
    response = client.post(url, {"number": str(proposal.number), "reviewer": str(reviewer.pk)})
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.explanation == {"manual": True}
    assert "Assigned by the secretariat." in client.get(url).content.decode()
    assert (
        "No submitted proposal"
        in client.post(url, {"number": "999", "reviewer": str(reviewer.pk)}).content.decode()
    )
    client.post(url, {"remove": str(assignment.pk)})
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.REMOVED
    assert client.post(url, {"remove": "nonsense"}).status_code == 302
    named = ReviewerFactory.create(call=call, person=proposal.proposer)
    page = client.post(url, {"number": str(proposal.number), "reviewer": str(named.pk)})
    assert "This reviewer is named in the proposal." in page.content.decode()


def test_manage_page_enlists_and_assigns(call: Call, secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    mag_with_members(call, 6)
    complete_proposal(call)
    client = login(secretariat)
    url = f"/programme/calls/{call.pk}/manage/"
    page = client.post(url, {"action": "enlist"}, follow=True).content.decode()
    assert "6 reviewers added from the evaluating body." in page
    page = client.post(url, {"action": "assign"}, follow=True).content.decode()
    assert "Reviewers are assigned once the call has closed." in page
    closed(call)
    page = client.post(url, {"action": "assign"}, follow=True).content.decode()
    assert "3 assignments made; empty places left: 0." in page
    assert "Choose an action." in client.post(url, {"action": "x"}, follow=True).content.decode()


def test_reviews_cannot_change_after_the_results(call: Call) -> None:
    proposal = complete_proposal(call)
    closed(call)
    assignment = AssignmentFactory.create(proposal=proposal)
    Call.objects.filter(pk=call.pk).update(results_published=timezone.now())
    assignment.refresh_from_db()
    with pytest.raises(ProgrammeError):
        services.save_review(
            by=assignment.reviewer.person.user,
            assignment=assignment,
            scores={c.pk: 3 for c in call.criteria.all()},
            comment="Late",
        )


def test_review_scores_feed_the_ranking_in_constant_queries(
    call: Call, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        complete_proposal(call)
    closed(call)
    with django_assert_max_num_queries(12):
        rows = queries.ranked_proposals(call)
    assert len(rows) == 3


def test_my_reviews_offers_only_proposals_the_reviewer_may_still_open(call: Call, login) -> None:  # type: ignore[no-untyped-def]
    proposal = complete_proposal(call, title="Published already")
    closed(call)
    user, reviewer = reviewer_user(call)
    assignment = AssignmentFactory.create(proposal=proposal, reviewer=reviewer)
    Call.objects.filter(pk=call.pk).update(results_published=timezone.now())
    client = login(user)
    page = client.get("/programme/reviews/").content.decode()
    assert f'href="/programme/reviews/{assignment.pk}/"' not in page
    assert "Closed reviews" in page
    assert "Published already" in page.split("Closed reviews")[1]
    assert "closed, not reviewed" in page
    assert "No proposals are waiting for your review." in page


def test_my_reviews_links_each_proposal_under_review_to_a_page_that_opens(
    call: Call, login
) -> None:  # type: ignore[no-untyped-def]
    proposal = complete_proposal(call, title="Still under review")
    closed(call)
    user, reviewer = reviewer_user(call)
    assignment = AssignmentFactory.create(proposal=proposal, reviewer=reviewer)
    client = login(user)
    page = client.get("/programme/reviews/").content.decode()
    assert f'href="/programme/reviews/{assignment.pk}/"' in page
    assert "Closed reviews" not in page
    assert client.get(f"/programme/reviews/{assignment.pk}/").status_code == 200
