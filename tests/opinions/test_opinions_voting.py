"""Voting without JavaScript: one statement at a time, progress, changing a vote, refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from igf.core.errors import NotAllowed, Refused
from igf.opinions import services
from igf.opinions.enums import StatementStatus
from igf.opinions.models import ConversationMap, Participant, Statement, Vote
from igf.people.models import User
from tests.factories import UserFactory
from tests.opinions.factories import ConversationFactory, StatementFactory, vote


def _shown(html: str) -> str:
    return html.split('class="statement-text"', 1)[1].split(">", 1)[1].split("<", 1)[0]


def test_voting_shows_one_statement_and_counts_progress(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create()
    statements = {s.text: s for s in StatementFactory.create_batch(3, conversation=conversation)}
    client: Client = login(participant)
    seen = []
    for voted in range(3):
        page = client.get(conversation.get_absolute_url()).content.decode()
        assert f"You have voted on {voted} of 3 statements." in page
        text = _shown(page)
        assert page.count('class="statement-text"') == 1
        seen.append(text)
        response = client.post(
            f"/opinions/{conversation.slug}/vote/",
            {"statement": statements[text].pk, "vote": "agree"},
        )
        assert response.status_code == 302
    assert sorted(seen) == sorted(statements)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "You have voted on 3 of 3 statements." in page
    assert "You have voted on every statement. Thank you!" in page
    assert Vote.objects.filter(participant__person=participant.person, value=1).count() == 3


def test_reloading_shows_the_same_statement(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create()
    StatementFactory.create_batch(6, conversation=conversation)
    client = login(participant)
    first = _shown(client.get(conversation.get_absolute_url()).content.decode())
    again = _shown(client.get(conversation.get_absolute_url()).content.decode())
    assert first == again


def test_a_vote_can_be_changed_and_stays_one_row(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    statement = StatementFactory.create()
    slug = statement.conversation.slug
    client = login(participant)
    client.post(f"/opinions/{slug}/vote/", {"statement": statement.pk, "vote": "agree"})
    response = client.post(
        f"/opinions/{slug}/vote/",
        {"statement": statement.pk, "vote": "disagree", "from": "my-votes"},
        follow=True,
    )
    assert "Your vote is changed." in response.content.decode()
    assert list(Vote.objects.values_list("value", flat=True)) == [-1]
    page = client.get(f"/opinions/{slug}/my-votes/").content.decode()
    assert "<td>Disagree</td>" in page
    assert 'value="disagree" class="secondary" aria-describedby' in page
    assert 'aria-pressed="true"' in page


@pytest.mark.parametrize(
    "data",
    [
        {"statement": "999999", "vote": "agree"},
        {"statement": "abc", "vote": "agree"},
        {"statement": "-1", "vote": "agree"},
        {"statement": "99999999999999999999999", "vote": "agree"},
        {"vote": "agree"},
        {"statement": "STATEMENT", "vote": "maybe"},
        {"statement": "STATEMENT", "vote": ""},
        {"statement": "STATEMENT", "vote": "1"},
        {"statement": "PENDING", "vote": "agree"},
        {"statement": "REJECTED", "vote": "agree"},
        {"statement": "OTHER", "vote": "agree"},
        {"statement": "STATEMENT\x00", "vote": "agree"},
    ],
)
def test_hostile_votes_are_refused_without_changing_anything(
    participant: User, login, data: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create()
    names = {
        "STATEMENT": StatementFactory.create(conversation=conversation),
        "PENDING": StatementFactory.create(
            conversation=conversation, status=StatementStatus.PENDING
        ),
        "REJECTED": StatementFactory.create(
            conversation=conversation, status=StatementStatus.REJECTED
        ),
        "OTHER": StatementFactory.create(),
    }
    payload = dict(data)
    for name, statement in names.items():
        payload = {k: v.replace(name, str(statement.pk)) for k, v in payload.items()}
    summary_before = ConversationMap.objects.get(pk=conversation.pk).summary
    response = login(participant).post(f"/opinions/{conversation.slug}/vote/", payload, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "This vote is not one the conversation knows." in page
        or "This statement is not open for votes." in page
    )
    assert not Vote.objects.exists()
    assert not Participant.objects.filter(conversation=conversation).exists()
    assert ConversationMap.objects.get(pk=conversation.pk).summary == summary_before


def test_a_burst_of_the_same_vote_makes_one_row(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    statement = StatementFactory.create()
    client = login(participant)
    for value in ["agree"] * 20 + ["pass"]:
        client.post(
            f"/opinions/{statement.conversation.slug}/vote/",
            {"statement": statement.pk, "vote": value},
        )
    assert list(Vote.objects.values_list("value", flat=True)) == [0]


def test_closed_conversation_refuses_votes_in_the_service(participant: User) -> None:
    statement = StatementFactory.create(conversation__status="closed")
    with pytest.raises(Refused) as refused:
        vote(participant, statement, 1)
    assert refused.value.status == 409
    assert not Vote.objects.exists()


def test_adding_a_statement_waits_for_moderation_and_appears_once_accepted(
    participant: User, other_participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create()
    client = login(participant)
    response = client.post(
        f"/opinions/{conversation.slug}/statements/",
        {"text": "  Community  networks need spectrum.  "},
        follow=True,
    )
    assert "Your statement is shown once a moderator accepts it." in response.content.decode()
    statement = Statement.objects.get()
    assert statement.text == "Community networks need spectrum."
    assert statement.status == StatementStatus.PENDING
    others = login(other_participant).get(conversation.get_absolute_url()).content.decode()
    assert "Community networks need spectrum." not in others
    mine = client.get(f"/opinions/{conversation.slug}/my-votes/").content.decode()
    assert "Community networks need spectrum." in mine
    assert "Awaiting moderation" in mine
    moderator = UserFactory.create()
    conversation.moderators.add(moderator.person)
    login(moderator).post(
        f"/opinions/{conversation.slug}/statements/{statement.number}/moderate/",
        {"decision": "accepted"},
    )
    others = login(other_participant).get(conversation.get_absolute_url()).content.decode()
    assert "Community networks need spectrum." in others


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "Write a statement."),
        ("   ", "Write a statement."),
        ("x" * 281, "Ensure this value has at most 280 characters"),
        ("Existing idea", "This statement is already in the conversation."),
        ("EXISTING IDEA", "This statement is already in the conversation."),
        ("\x00\x01", "Null characters are not allowed."),
        ("\x01\x02", "Write a statement."),
    ],
)
def test_bad_statements_are_refused_next_to_the_field(
    participant: User, login, text: str, error: str
) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create()
    StatementFactory.create(conversation=conversation, text="Existing idea")
    response = login(participant).post(f"/opinions/{conversation.slug}/statements/", {"text": text})
    assert response.status_code == 400
    page = response.content.decode()
    assert error in page
    assert 'aria-invalid="true"' in page
    assert Statement.objects.count() == 1


def test_a_participant_cannot_flood_the_moderation_queue(participant: User) -> None:
    conversation = ConversationFactory.create()
    for n in range(services.MAX_PENDING_PER_AUTHOR):
        services.add_statement(by=participant, conversation=conversation, text=f"Idea {n}")
    with pytest.raises(Refused) as refused:
        services.add_statement(by=participant, conversation=conversation, text="One more")
    assert refused.value.field == "text"
    assert Statement.objects.count() == services.MAX_PENDING_PER_AUTHOR


def test_only_its_author_withdraws_a_pending_statement(
    participant: User, admin_user: User, login
) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create()
    statement = services.add_statement(by=participant, conversation=conversation, text="Mine")
    url = f"/opinions/{conversation.slug}/statements/{statement.number}/withdraw/"
    login(admin_user).post(url)
    assert Statement.objects.filter(pk=statement.pk).exists()
    response = login(participant).post(url, follow=True)
    assert "Your statement is withdrawn." in response.content.decode()
    assert not Statement.objects.filter(pk=statement.pk).exists()


def test_signed_out_visitors_are_invited_to_sign_in(client: Client, db: None) -> None:
    statement = StatementFactory.create()
    page = client.get(statement.conversation.get_absolute_url()).content.decode()
    assert "Sign in to take part." in page
    assert statement.text not in page


def test_body_conversation_admits_only_current_members(db: None, login) -> None:  # type: ignore[no-untyped-def]
    from datetime import date  # noqa: PLC0415

    from tests.opinions.factories import body, member  # noqa: PLC0415

    group = body()
    statement = StatementFactory.create(
        conversation__participation="body_members", conversation__body=group
    )
    current, former, outsider = UserFactory.create_batch(3)
    member(group, current.person)
    member(group, former.person, end=date(2021, 1, 1))
    for user, allowed in ((current, True), (former, False), (outsider, False)):
        page = login(user).get(statement.conversation.get_absolute_url()).content.decode()
        assert ('class="statement-text"' in page) is allowed
        if not allowed:
            with pytest.raises(NotAllowed):
                vote(user, statement, 1)
    assert Vote.objects.count() == 0


def test_a_conversation_of_an_annual_meeting_or_session_is_for_its_registered_people(
    participant: User, other_participant: User
) -> None:
    from igf.opinions.participation import may_take_part  # noqa: PLC0415
    from igf.schedule.models import Registration  # noqa: PLC0415
    from tests.programme.factories import MeetingFactory, SessionFactory  # noqa: PLC0415

    meeting = MeetingFactory.create()
    Registration.objects.create(meeting=meeting, person=participant.person)
    session = SessionFactory.create(meeting=meeting)
    for owner in (meeting, session):
        conversation = ConversationFactory.create(participation="meeting_participants")
        services.attach_conversation(by=None, conversation=conversation, owner=owner)
        conversation.refresh_from_db()
        assert may_take_part(conversation, participant.person)
        assert not may_take_part(conversation, other_participant.person)
    # Without a meeting to ask, nobody may take part (default deny).
    orphan = ConversationFactory.create(participation="meeting_participants")
    assert not may_take_part(orphan, participant.person)


def test_a_conversation_of_a_body_meeting_is_for_its_observers_attendees_and_members(
    participant: User, other_participant: User
) -> None:
    from igf.bodies.models import Membership  # noqa: PLC0415
    from igf.meetings.models import Attendance, ObserverRegistration  # noqa: PLC0415
    from igf.opinions.participation import may_take_part  # noqa: PLC0415
    from tests.meetings.factories import MeetingFactory  # noqa: PLC0415

    meeting = MeetingFactory.create()
    assert meeting.body is not None
    conversation = ConversationFactory.create(participation="meeting_participants")
    services.attach_conversation(by=None, conversation=conversation, owner=meeting)
    conversation.refresh_from_db()
    observer, present, member = (UserFactory.create().person for _ in range(3))
    ObserverRegistration.objects.create(meeting=meeting, person=observer)
    Attendance.objects.create(meeting=meeting, person=present, status="present_online")
    Membership.objects.create(
        body=meeting.body, person=member, start=timezone.localdate() - dt.timedelta(days=30)
    )
    for person in (observer, present, member):
        assert may_take_part(conversation, person)
    assert not may_take_part(conversation, other_participant.person)
