"""Reads about conversations, filtered by what the viewer may see."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from igf.conduct.queries import hidden_ids
from igf.core.rules import is_secretariat
from igf.opinions.enums import ConversationStatus, Participation, StatementStatus, Visibility
from igf.opinions.mapping import position_of
from igf.opinions.models import Conversation, ConversationMap, Participant, Statement, Vote
from igf.opinions.participation import eligible_filter, may_take_part
from igf.opinions.polis import (
    PolisComment,
    PolisVote,
    write_comments,
    write_participants_votes,
    write_votes,
)
from igf.opinions.rules import person_of
from igf.people.models import Person, Viewer


def _count(model: type[models.Model], **filters: Any) -> Coalesce:
    rows = (
        model._default_manager.filter(conversation=OuterRef("pk"), **filters)
        .order_by()
        .values("conversation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows), 0)


def conversations_visible_to(user: Viewer) -> QuerySet[Conversation]:
    """Published conversations the viewer may read, with their moderators' drafts.

    The secretariat sees everything. Public conversations are for everyone; others for
    those who may take part (meeting conversations are asked of their meeting).
    """
    conversations = Conversation.objects.all()
    if is_secretariat(user):
        return conversations
    published = ~Q(status=ConversationStatus.DRAFT)
    person = person_of(user)
    if person is None:
        return conversations.filter(published, visibility=Visibility.PUBLIC)
    meeting_ids = [
        c.pk
        for c in conversations.filter(
            published,
            visibility=Visibility.PARTICIPANTS,
            participation=Participation.MEETING_PARTICIPANTS,
        )
        if may_take_part(c, person)
    ]
    return conversations.filter(
        (published & (Q(visibility=Visibility.PUBLIC) | eligible_filter(person)))
        | Q(pk__in=meeting_ids)
        | Q(moderators=person)
    ).distinct()


def conversation_list(user: Viewer) -> QuerySet[Conversation]:
    """Visible conversations with the figures the list shows, newest first."""
    return (
        conversations_visible_to(user)
        .select_related("map")
        .annotate(
            n_statements=_count(Statement, status=StatementStatus.ACCEPTED),
            n_participants=_count(Participant),
        )
        .defer("map__state", "map__result", "map__summary", "map__positions")
        .order_by("-created", "-pk")
    )


def conversations_of(owner: models.Model, user: Viewer) -> QuerySet[Conversation]:
    """The conversations that belong to `owner` (a theme, session, body or document) and
    that the viewer may read: what an owner's page lists."""
    return conversation_list(user).filter(
        owner_type=ContentType.objects.get_for_model(owner), owner_id=str(owner.pk)
    )


def get_conversation(slug: str, *, viewer: Viewer) -> Conversation:
    """A conversation by address. Drafts exist only for their moderators and the secretariat;
    whether the viewer may read a published one is the permission's to say."""
    try:
        conversation = Conversation.objects.select_related("body", "owner_type").get(slug=slug)
    except Conversation.DoesNotExist as error:
        raise Http404 from error
    if conversation.status == ConversationStatus.DRAFT:
        person = person_of(viewer)
        if not is_secretariat(viewer) and (
            person is None or not conversation.moderators.filter(pk=person.pk).exists()
        ):
            raise Http404
    return conversation


def get_statement(conversation: Conversation, number: Any) -> Statement:
    """Statement `number` of the conversation (any status), or Http404."""
    try:
        return Statement.objects.select_related("author").get(
            conversation=conversation, number=int(number)
        )
    except (Statement.DoesNotExist, TypeError, ValueError, OverflowError) as error:
        raise Http404 from error


def get_statement_at(slug: str, number: int, *, viewer: Viewer) -> Statement:
    """Statement `number` of the conversation at `slug`, for a page about the statement itself
    (its conversation found as `get_conversation` finds it), or Http404."""
    conversation = get_conversation(slug, viewer=viewer)
    statement = get_statement(conversation, number)
    statement.conversation = conversation
    return statement


def participant_of(conversation: Conversation, user: Viewer) -> Participant | None:
    person = person_of(user)
    if person is None:
        return None
    return Participant.objects.filter(conversation=conversation, person=person).first()


def shown_statements(conversation: Conversation) -> QuerySet[Statement]:
    accepted = Statement.objects.filter(conversation=conversation, status=StatementStatus.ACCEPTED)
    return accepted.exclude(pk__in=hidden_ids(Statement))  # hidden under the code of conduct


@dataclass(frozen=True)
class Progress:
    voted: int
    total: int

    @property
    def done(self) -> bool:
        return self.voted >= self.total


def progress(conversation: Conversation, participant: Participant | None) -> Progress:
    total = shown_statements(conversation).count()
    if participant is None:
        return Progress(0, total)
    voted = Vote.objects.filter(
        participant=participant, statement__status=StatementStatus.ACCEPTED
    ).count()
    return Progress(voted, total)


def map_of(conversation: Conversation, *, with_positions: bool = False) -> ConversationMap | None:
    deferred = ["state", "result"] if with_positions else ["state", "result", "positions"]
    return ConversationMap.objects.filter(pk=conversation.pk).defer(*deferred).first()


def next_statement(
    conversation: Conversation,
    participant: Participant | None,
    stored: ConversationMap | None,
) -> Statement | None:
    """The statement to show next: one not yet voted on, drawn with the engine's routing
    priority as weight (as Pol.is does). The draw is seeded by the participant and their
    progress, so reloading the page shows the same statement."""
    candidates = shown_statements(conversation)
    if participant is not None:
        candidates = candidates.exclude(votes__participant=participant)
    pool = list(candidates.values_list("pk", "is_meta"))
    if not pool:
        return None
    priorities: dict[str, float] = (stored.summary.get("priorities", {}) if stored else {}) or {}
    known = [p for p in priorities.values() if p > 0]
    # New statements, not yet in the map, get the highest weight so they gather votes.
    fresh = max(known) if known else 1.0
    meta = [pk for pk, is_meta in pool if is_meta]
    if meta:
        # Statements about the conversation itself come first (Pol.is's priority 49).
        return Statement.objects.get(pk=min(meta))
    ids = [pk for pk, _ in pool]
    weights = [max(priorities.get(str(pk), fresh), 1e-9) for pk in ids]
    seed = (participant.pk if participant else 0) * 100_003 + len(ids)
    chosen = random.Random(seed).choices(ids, weights=weights, k=1)[0]  # noqa: S311 - routing, not security
    return Statement.objects.get(pk=chosen)


def votes_of(participant: Participant | None) -> QuerySet[Vote]:
    if participant is None:
        return Vote.objects.none()
    return (
        Vote.objects.filter(participant=participant, statement__status=StatementStatus.ACCEPTED)
        .select_related("statement")
        .order_by("statement__number")
    )


def statements_of(participant: Participant | None) -> QuerySet[Statement]:
    if participant is None:
        return Statement.objects.none()
    return Statement.objects.filter(author=participant).order_by("number")


def statements_for_moderation(conversation: Conversation, status: str = "") -> QuerySet[Statement]:
    statements = Statement.objects.filter(conversation=conversation).annotate(
        n_votes=Count("votes"),
        n_agree=Count("votes", filter=Q(votes__value=1)),
        n_disagree=Count("votes", filter=Q(votes__value=-1)),
        n_pass=Count("votes", filter=Q(votes__value=0)),
    )
    if status in StatementStatus.values:
        statements = statements.filter(status=status)
    return statements.order_by(
        # Pending first, then by number.
        models.Case(
            models.When(status=StatementStatus.PENDING, then=0),
            default=1,
            output_field=models.IntegerField(),
        ),
        "number",
    )


@dataclass(frozen=True)
class StatementFigures:
    """A statement as the results page shows it."""

    statement: Statement
    figures: dict[str, Any]
    by_stakeholder_group: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class GroupView:
    id: int
    size: int
    representative: list[StatementFigures]


@dataclass(frozen=True)
class Results:
    """The latest map of a conversation, with statement texts, for one viewer."""

    computed: datetime | None
    pending: bool
    summary: dict[str, Any]
    groups: list[GroupView]
    consensus_agree: list[StatementFigures]
    consensus_disagree: list[StatementFigures]
    divisive: list[StatementFigures]
    viewer: dict[str, Any] | None

    @property
    def ready(self) -> bool:
        return self.computed is not None and bool(self.summary)

    @property
    def stability(self) -> dict[str, Any] | None:
        """How sure the map is of its groups (`opinionmap.stability`), once computed."""
        figure = self.summary.get("stability")
        return figure if isinstance(figure, dict) else None

    @property
    def stable(self) -> bool:
        """False when the bootstrap says the groups would not come out the same again."""
        return self.stability is None or bool(self.stability.get("stable"))


def results(conversation: Conversation, user: Viewer) -> Results:
    """What the results page shows. Nothing in it names anyone; the viewer's own place on
    the map is added for the viewer alone."""
    participant = participant_of(conversation, user)
    stored = map_of(conversation, with_positions=participant is not None)
    summary: dict[str, Any] = stored.summary if stored is not None else {}
    ids: set[int] = set()
    for group in summary.get("groups", []):
        ids.update(r["statement"] for r in group["representative"])
    for side in ("agree", "disagree"):
        ids.update(c["statement"] for c in summary.get("consensus", {}).get(side, []))
    ids.update(d["statement"] for d in summary.get("divisive", []))
    # Statements moderated out since the computation are not shown again.
    texts = {s.pk: s for s in shown_statements(conversation).filter(pk__in=ids)}
    by_group = summary.get("by_stakeholder_group", {})

    def figures(items: list[dict[str, Any]]) -> list[StatementFigures]:
        return [
            StatementFigures(
                statement=texts[item["statement"]],
                figures=item,
                by_stakeholder_group=by_group.get(str(item["statement"]), {}),
            )
            for item in items
            if item["statement"] in texts
        ]

    viewer = None
    if participant is not None and stored is not None:
        viewer = position_of(stored.positions, participant.pk)
    consensus = summary.get("consensus", {})
    return Results(
        computed=stored.computed if stored is not None else None,
        pending=bool(stored.pending) if stored is not None else False,
        summary=summary,
        groups=[
            GroupView(id=g["id"], size=g["size"], representative=figures(g["representative"]))
            for g in summary.get("groups", [])
        ],
        consensus_agree=figures(consensus.get("agree", [])),
        consensus_disagree=figures(consensus.get("disagree", [])),
        divisive=figures(summary.get("divisive", [])),
        viewer=viewer,
    )


def personal_data(person: Person) -> dict[str, Any]:
    """What the opinions app holds about a person, for their data export."""
    participations = Participant.objects.filter(person=person).select_related("conversation")
    out = []
    for participant in participations.order_by("pk"):
        votes = participant.votes.select_related("statement").order_by("statement__number")
        out.append(
            {
                "conversation": participant.conversation.title,
                "address": participant.conversation.get_absolute_url(),
                "joined": participant.joined.isoformat(),
                "votes": [
                    {
                        "statement": v.statement.number,
                        "text": v.statement.text,
                        "vote": {1: "agree", -1: "disagree", 0: "pass"}[v.value],
                        "first_voted": v.created.isoformat(),
                        "last_changed": v.updated.isoformat(),
                    }
                    for v in votes
                ],
                "statements": [
                    {
                        "number": s.number,
                        "text": s.text,
                        "status": s.status,
                        "written": s.created.isoformat(),
                    }
                    for s in participant.statements.order_by("number")
                ],
            }
        )
    return {"conversations": out}


EXPORTED_STATUS = {
    StatementStatus.ACCEPTED: 1,
    StatementStatus.PENDING: 0,
    StatementStatus.REJECTED: -1,
}


def polis_export(conversation: Conversation) -> dict[str, str]:
    """The conversation in Pol.is's open-data format: {file name: CSV text}.

    Participants are numbered 0, 1, 2... in the order they joined: the files name nobody.
    Groups come from the latest map.
    """
    participant_ids = list(
        Participant.objects.filter(conversation=conversation)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    number_of = {pk: i for i, pk in enumerate(participant_ids)}
    statements = list(Statement.objects.filter(conversation=conversation).order_by("number"))
    number_of_statement = {s.pk: s.number for s in statements}
    votes = list(
        Vote.objects.filter(conversation=conversation)
        .order_by("updated", "pk")
        .values_list("participant_id", "statement_id", "value", "updated")
    )
    agrees: dict[int, int] = {}
    disagrees: dict[int, int] = {}
    by_participant: dict[int, dict[int, int]] = {pk: {} for pk in participant_ids}
    for pid, sid, value, _when in votes:
        agrees[sid] = agrees.get(sid, 0) + int(value == 1)
        disagrees[sid] = disagrees.get(sid, 0) + int(value == -1)
        by_participant[pid][number_of_statement[sid]] = value
    written: dict[int, int] = {}
    for s in statements:
        if s.author_id is not None:
            written[s.author_id] = written.get(s.author_id, 0) + 1
    stored = ConversationMap.objects.filter(pk=conversation.pk).only("result").first()
    group_of: dict[int, int | None] = {}
    if stored is not None:
        for row in stored.result.get("participants", []):
            group_of[int(row["id"])] = row.get("group")
    comments = write_comments(
        (
            PolisComment(
                id=s.number,
                author=number_of.get(s.author_id) if s.author_id is not None else None,
                time=s.created,
                moderated=EXPORTED_STATUS[StatementStatus(s.status)],
                text=s.text,
            ),
            agrees.get(s.pk, 0),
            disagrees.get(s.pk, 0),
        )
        for s in statements
    )
    votes_csv = write_votes(
        PolisVote(number_of[pid], number_of_statement[sid], value, when)
        for pid, sid, value, when in votes
    )
    wide = write_participants_votes(
        [s.number for s in statements],
        (
            (number_of[pk], group_of.get(pk), written.get(pk, 0), by_participant[pk])
            for pk in participant_ids
        ),
    )
    return {"comments.csv": comments, "votes.csv": votes_csv, "participants-votes.csv": wide}
