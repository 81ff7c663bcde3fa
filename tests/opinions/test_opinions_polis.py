"""Pol.is open-data files in and out, a person's data, and the demo.

Uses ../shared/data/polis/brexit-consensus and vtaiwan.uberx (CC BY 4.0, The Computational
Democracy Project)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from igf.core.errors import Invalid, Refused
from igf.opinions import mapping, polis, queries, services
from igf.opinions.enums import StatementStatus
from igf.opinions.models import Conversation, Participant, Statement, Vote
from igf.people import services as people_services
from igf.people.models import User
from tests.factories import UserFactory
from tests.opinions.factories import ConversationFactory, StatementFactory, two_camps, vote

POLIS = Path(settings.PROJECT_DIR).parent / "shared" / "data" / "polis"
BREXIT = POLIS / "brexit-consensus"
needs_data = pytest.mark.skipif(not BREXIT.exists(), reason="shared Pol.is data not present")


def _upload(path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/csv")


@needs_data
def test_import_of_a_real_polis_export_keeps_its_votes(login, db: None) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create(status="draft")
    moderator = UserFactory.create()
    conversation.moderators.add(moderator.person)
    response = login(moderator).post(
        f"/opinions/{conversation.slug}/import/",
        {"comments": _upload(BREXIT / "comments.csv"), "votes": _upload(BREXIT / "votes.csv")},
        follow=True,
    )
    page = response.content.decode()
    assert "Imported 50 statements, " in page
    with (BREXIT / "votes.csv").open(encoding="utf-8") as handle:
        latest = {(r["voter-id"], r["comment-id"]): r["vote"] for r in csv.DictReader(handle)}
    assert Vote.objects.filter(conversation=conversation).count() == len(latest)
    assert Participant.objects.filter(conversation=conversation, person=None).count() == len(
        {voter for voter, _ in latest}
    )
    mapping.recompute_map(conversation.pk)
    assert conversation.map.__class__.objects.get(pk=conversation.pk).summary["k"] >= 2


def test_export_then_import_round_trips(db: None) -> None:
    source = ConversationFactory.create()
    two_camps(source, people=10, statements=6)
    StatementFactory.create(
        conversation=source, text="=HYPERLINK(evil)", status=StatementStatus.REJECTED
    )
    files = queries.polis_export(source)
    header = files["participants-votes.csv"].splitlines()[0]
    assert header.startswith("participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1")
    assert "'=HYPERLINK(evil)" in files["comments.csv"]
    assert "@example.org" not in "".join(files.values())
    target = ConversationFactory.create()
    data = polis.read_conversation(files["comments.csv"], files["votes.csv"])
    counts = services.import_polis(by=None, conversation=target, data=data)
    assert counts == {"statements": 7, "participants": 10, "votes": 60}
    assert Statement.objects.get(conversation=target, number=6).text == "=HYPERLINK(evil)"
    assert Statement.objects.get(conversation=target, number=6).status == "rejected"
    again = queries.polis_export(target)
    assert again["votes.csv"].count("\n") == files["votes.csv"].count("\n")
    wide = polis.read_conversation(files["comments.csv"], None, files["participants-votes.csv"])
    assert len(wide.votes) == 60


def test_export_download_is_csv(login, db: None) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create()
    two_camps(conversation, people=6, statements=4)
    moderator = UserFactory.create()
    conversation.moderators.add(moderator.person)
    client = login(moderator)
    for name in ("comments", "votes", "participants-votes"):
        response = client.get(f"/opinions/{conversation.slug}/export/{name}.csv")
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert f"{name}.csv" in response["Content-Disposition"]
    assert client.get(f"/opinions/{conversation.slug}/export/passwords.csv").status_code == 404


HOSTILE = [
    ("comments.csv", b"not,a,polis,file\n1,2,3,4\n", "comments.csv lacks the columns"),
    (
        "comments.csv",
        b"timestamp,comment-id,moderated,comment-body\nabc,0,1,Hello\n",
        "the timestamp is not a time",
    ),
    (
        "comments.csv",
        b"timestamp,comment-id,moderated,comment-body\n1,0,5,Hello\n",
        "moderated must be 1, 0 or -1",
    ),
    (
        "comments.csv",
        b"timestamp,comment-id,moderated,comment-body\n1,0,1,A\n2,0,1,B\n",
        "appears twice",
    ),
    ("comments.csv", b"\xff\xfe\x00bad", "is not UTF-8 text"),
    (
        "comments.csv",
        b"timestamp,comment-id,moderated,comment-body\n1,99999999999999,1,A\n",
        "out of range",
    ),
    ("votes.csv", b"timestamp,comment-id,voter-id,vote\n1,7,1,1\n", "which comments.csv lacks"),
    ("votes.csv", b"timestamp,comment-id,voter-id,vote\n1,0,1,5\n", "a vote is 1, -1 or 0"),
    ("votes.csv", b"timestamp,comment-id,voter-id,vote\n1,0,x,1\n", "voter-id is not a number"),
    ("votes.csv", b"a\x00b\n", "votes.csv lacks the columns"),
]


@pytest.mark.parametrize(("name", "content", "error"), HOSTILE)
def test_hostile_import_files_are_refused_cleanly(login, db: None, name, content, error) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create()
    moderator = UserFactory.create()
    conversation.moderators.add(moderator.person)
    files = {
        "comments": SimpleUploadedFile(
            "comments.csv", b"timestamp,comment-id,moderated,comment-body\n1,0,1,Hello\n"
        ),
        "votes": SimpleUploadedFile("votes.csv", b"timestamp,comment-id,voter-id,vote\n1,0,1,1\n"),
    }
    files[name.removesuffix(".csv")] = SimpleUploadedFile(name, content)
    response = login(moderator).post(f"/opinions/{conversation.slug}/import/", files)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Statement.objects.filter(conversation=conversation).exists()


def test_a_file_that_is_not_a_polis_export_is_refused_as_invalid() -> None:
    with pytest.raises(Invalid) as refused:
        polis.read_conversation("not,a,polis,file\n1,2,3,4\n", "")
    assert refused.value.status == 400
    assert "comments.csv lacks the columns" in str(refused.value.message)


def test_import_into_a_conversation_with_statements_is_refused(db: None) -> None:
    statement = StatementFactory.create()
    data = polis.read_conversation(
        "timestamp,comment-id,moderated,comment-body\n1,0,1,Hello\n",
        "timestamp,comment-id,voter-id,vote\n1,0,1,1\n",
    )
    with pytest.raises(Refused):
        services.import_polis(by=None, conversation=statement.conversation, data=data)


def test_erasure_keeps_votes_counted_but_unlinked(participant: User, db: None) -> None:
    conversation = ConversationFactory.create()
    statement = StatementFactory.create(conversation=conversation)
    vote(participant, statement, 1)
    written = services.add_statement(by=participant, conversation=conversation, text="My idea")
    exported = people_services.export_personal_data(participant.person)
    assert exported["opinions"]["conversations"][0]["votes"][0]["vote"] == "agree"
    assert exported["opinions"]["conversations"][0]["statements"][0]["text"] == "My idea"
    people_services.erase_account(by=participant, person=participant.person)
    assert Vote.objects.get().participant.person is None
    author = Statement.objects.get(pk=written.pk).author
    assert author is not None
    assert author.person is None
    assert people_services.export_personal_data(participant.person)["opinions"] == {
        "conversations": []
    }


def test_report_of_a_closed_conversation_lists_every_statement(client: Client, db: None) -> None:
    conversation = ConversationFactory.create(status="closed")
    _users, statements = two_camps(conversation, people=10, statements=5)
    page = client.get(f"/opinions/{conversation.slug}/report/").content.decode()
    assert "Every statement" in page
    assert all(s.text in page for s in statements)
    assert "Report produced on" in page


def test_moderator_seeds_statements_and_closes_the_conversation(login, db: None) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create(status="draft")
    moderator = UserFactory.create()
    conversation.moderators.add(moderator.person)
    client = login(moderator)
    response = client.post(
        f"/opinions/{conversation.slug}/moderate/",
        {"statements": "First idea\n\nSecond idea\n"},
        follow=True,
    )
    assert "2 statements added." in response.content.decode()
    client.post(f"/opinions/{conversation.slug}/status/", {"action": "open"})
    assert Conversation.objects.get(pk=conversation.pk).status == "open"
    response = client.post(
        f"/opinions/{conversation.slug}/statements/0/moderate/", {"decision": "meta"}
    )
    assert Statement.objects.get(conversation=conversation, number=0).is_meta
    client.post(f"/opinions/{conversation.slug}/status/", {"action": "close"})
    assert Conversation.objects.get(pk=conversation.pk).closed is not None
    bad = client.post(f"/opinions/{conversation.slug}/moderate/", {"statements": "x" * 300})
    assert bad.status_code == 400
    assert "longer than 280 characters" in bad.content.decode()


def test_secretariat_creates_and_configures_a_conversation(
    secretariat: User, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    client = login(secretariat)
    bad = client.post("/opinions/new/", {"title": "", "participation": "body_members"})
    assert bad.status_code == 400
    assert "Give the conversation a title." in bad.content.decode()
    response = client.post(
        "/opinions/new/",
        {
            "title": "Connecting the next billion",
            "language": "en",
            "participation": "signed_in",
            "visibility": "public",
            "statement_policy": "after",
            "moderators": participant.email,
        },
    )
    conversation = Conversation.objects.get(title="Connecting the next billion")
    assert response["Location"] == f"/opinions/{conversation.slug}/moderate/"
    assert list(conversation.moderators.all()) == [participant.person]
    response = client.post(
        f"/opinions/{conversation.slug}/settings/",
        {
            "title": "Connecting the next billion people",
            "language": "fr",
            "participation": "body_members",
            "visibility": "public",
            "statement_policy": "after",
            "moderators": "nobody@example.org",
        },
    )
    page = response.content.decode()
    assert "Choose the body whose members take part." in page
    assert "No active account has the address nobody@example.org." in page


@pytest.mark.slow
@pytest.mark.skipif(not (POLIS / "vtaiwan.uberx").exists(), reason="shared data not present")
def test_demo_seeds_both_conversations_and_is_idempotent(db: None) -> None:
    from igf.core.demo import DemoContext  # noqa: PLC0415
    from igf.opinions import demo  # noqa: PLC0415
    from igf.people import demo as people_demo  # noqa: PLC0415

    people_demo.seed(DemoContext())
    demo.seed(DemoContext())
    counts = (Conversation.objects.count(), Vote.objects.count(), Statement.objects.count())
    demo.seed(DemoContext())
    assert (Conversation.objects.count(), Vote.objects.count(), Statement.objects.count()) == counts
    theme = Conversation.objects.get(slug=demo.THEME_SLUG)
    summary = theme.map.summary
    assert summary["k"] >= 2
    rows = {r["category"]: r for r in summary["spread"]["stakeholder_group"]["rows"]}
    civil = [c["share"] for c in rows["civil_society"]["cells"] if c["share"] is not None]
    assert max(civil) > 0.5  # civil society gathers in one group: real structure
    vtaiwan = Conversation.objects.get(slug=demo.VTAIWAN_SLUG)
    assert "CC BY 4.0" in vtaiwan.attribution
    assert vtaiwan.map.summary["n_participants"] == 1921
