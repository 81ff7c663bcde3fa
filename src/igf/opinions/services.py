"""The rules of conversations: creating and opening them, statements and their moderation,
votes, the opinion map's recomputation, Pol.is import, a person leaving.

Refusals are `igf.core.errors` Refused (409), Invalid (400) and NotAllowed (403), with the
field `text` where a statement is refused. Reads (the Pol.is export, a person's data) are in
`queries`."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from igf.bodies.models import Body
from igf.core.activity import record_activity
from igf.core.errors import Invalid, NotAllowed, Refused
from igf.core.written import checked_language
from igf.opinions import tasks
from igf.opinions.enums import (
    ConversationStatus,
    Participation,
    StatementOrigin,
    StatementPolicy,
    StatementStatus,
    Visibility,
    VoteValue,
)
from igf.opinions.models import (
    STATEMENT_MAX_LENGTH,
    STORED_MAX_LENGTH,
    Conversation,
    ConversationMap,
    Participant,
    Statement,
    Vote,
)
from igf.opinions.participation import may_take_part
from igf.opinions.polis import (
    PolisConversation,
)
from igf.people.models import Person, User

# At most one computation per conversation in this window; later votes wait for the next.
DEBOUNCE = timedelta(seconds=10)
# A request older than this whose computation never started is made again (worker restarted).
STALE_REQUEST = timedelta(minutes=10)
# Statements one participant may have awaiting moderation in one conversation.
MAX_PENDING_PER_AUTHOR = 10
# Addresses the app uses itself under /opinions/.
RESERVED_SLUGS = frozenset({"new"})

CONVERSATION_FIELDS = (
    "title",
    "description",
    "language",
    "participation",
    "visibility",
    "statement_policy",
    "attribution",
    "body",
)


def _unique_slug(title: str) -> str:
    base = slugify(title, allow_unicode=True)[:70] or "conversation"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or Conversation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def normalise_text(text: str) -> str:
    """A statement as typed, tidied: Unicode NFC, single spaces, no control characters."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in " \t\n")
    return " ".join(text.split())


@transaction.atomic
def create_conversation(
    *,
    by: User | None,
    title: str,
    description: str = "",
    language: str = "en",
    owner: models.Model | None = None,
    body: Body | None = None,
    participation: str = Participation.SIGNED_IN,
    visibility: str = Visibility.PUBLIC,
    statement_policy: str = StatementPolicy.BEFORE,
    moderators: Iterable[Person] = (),
    attribution: str = "",
    slug: str = "",
) -> Conversation:
    """Start a conversation (a draft, seen only by its moderators and the secretariat).

    `owner` is what it belongs to (a theme, session, body or document); a body owner also
    sets `body`. Side effects: its empty map row; one private activity entry.
    """
    if body is None and isinstance(owner, Body):
        body = owner
    conversation = Conversation.objects.create(
        title=title.strip(),
        slug=slug or _unique_slug(title),
        description=description,
        language=language,
        owner_type=ContentType.objects.get_for_model(owner) if owner is not None else None,
        owner_id=str(owner.pk) if owner is not None else "",
        body=body,
        participation=participation,
        visibility=visibility,
        statement_policy=statement_policy,
        attribution=attribution,
        created_by=by if getattr(by, "pk", None) else None,
    )
    conversation.moderators.set(list(moderators))
    ConversationMap.objects.create(conversation=conversation)
    record_activity(by=by, verb="conversation.created", target=conversation)
    return conversation


@transaction.atomic
def update_conversation(
    *, by: User, conversation: Conversation, changes: dict[str, Any]
) -> Conversation:
    """Change the conversation's settings in `changes`; unknown keys are refused.

    Side effects: one activity entry listing the changed fields (public once published).
    """
    unknown = set(changes) - set(CONVERSATION_FIELDS)
    if unknown:
        raise ValueError(f"Not conversation settings: {sorted(unknown)}")
    changed = [name for name, value in changes.items() if getattr(conversation, name) != value]
    for name in changed:
        setattr(conversation, name, changes[name])
    if changed:
        conversation.save(update_fields=changed)
        record_activity(
            by=by,
            verb="conversation.updated",
            target=conversation,
            public=conversation.status != ConversationStatus.DRAFT,
            data={"fields": changed},
        )
    return conversation


@transaction.atomic
def attach_conversation(
    *, by: User | None, conversation: Conversation, owner: models.Model | None
) -> Conversation:
    """Make the conversation belong to `owner` (a theme, session, body, document) or nothing.

    Side effects: `body` follows a body owner; one private activity entry.
    """
    conversation.owner_type = ContentType.objects.get_for_model(owner) if owner else None
    conversation.owner_id = str(owner.pk) if owner is not None else ""
    fields = ["owner_type", "owner_id"]
    if isinstance(owner, Body):
        conversation.body = owner
        fields.append("body")
    conversation.save(update_fields=fields)
    record_activity(by=by, verb="conversation.attached", target=conversation)
    return conversation


@transaction.atomic
def set_moderators(
    *, by: User, conversation: Conversation, moderators: Iterable[Person]
) -> Conversation:
    """Replace the conversation's moderators. Side effects: one private activity entry."""
    conversation.moderators.set(list(moderators))
    conversation.__dict__.pop("_moderator_ids", None)
    record_activity(by=by, verb="conversation.moderators_changed", target=conversation)
    return conversation


@transaction.atomic
def open_conversation(*, by: User | None, conversation: Conversation) -> Conversation:
    """Open the conversation for votes (from a draft, or again after closing).

    Side effects: `opened` set the first time; one public activity entry.
    """
    if conversation.status == ConversationStatus.OPEN:
        return conversation
    conversation.status = ConversationStatus.OPEN
    fields = ["status"]
    if conversation.opened is None:
        conversation.opened = timezone.now()
        fields.append("opened")
    conversation.save(update_fields=fields)
    record_activity(by=by, verb="conversation.opened", target=conversation, public=True)
    return conversation


@transaction.atomic
def close_conversation(*, by: User | None, conversation: Conversation) -> Conversation:
    """Close the conversation: no more votes or statements; the report becomes available.

    Side effects: `closed` set; the map recomputed once more with every vote; one public
    activity entry.
    """
    if conversation.status == ConversationStatus.CLOSED:
        return conversation
    conversation.status = ConversationStatus.CLOSED
    conversation.closed = timezone.now()
    conversation.save(update_fields=["status", "closed"])
    record_activity(by=by, verb="conversation.closed", target=conversation, public=True)
    transaction.on_commit(lambda: request_recompute(conversation.pk, soon=True))
    return conversation


def _participant(conversation: Conversation, person: Person) -> Participant:
    """The person's participant row in the conversation, created on first need.

    Concurrent first votes race to create it; the unique constraint lets one win and the
    others read the winner's row.
    """
    participant, _created = Participant.objects.get_or_create(
        conversation=conversation, person=person
    )
    return participant


def _next_number(conversation: Conversation) -> int:
    # The conversation row is locked, so two statements never take the same number.
    Conversation.objects.select_for_update().filter(pk=conversation.pk).first()
    highest = Statement.objects.filter(conversation=conversation).aggregate(n=Max("number"))["n"]
    return 0 if highest is None else highest + 1


@transaction.atomic
def add_statement(
    *,
    by: User,
    conversation: Conversation,
    text: str,
    seed: bool = False,
    is_meta: bool = False,
    language: str = "",
) -> Statement:
    """Add a statement: seeded by a moderator (shown at once) or written by a participant
    (shown at once or after moderation, per the conversation's policy).

    Written in `language` (seeds: the conversation's language unless given; participants:
    the page's unless given). Refused (on the field `text`) when empty or too long
    (Invalid), already in the conversation, when the conversation is not open, when the
    author may not write here (NotAllowed), or when the author already has too many awaiting
    moderation. Side effects: the author's participant row created if needed; the map's
    routing refreshed when it is shown; one private activity entry (private so the log never
    names who wrote which statement).
    """
    text = normalise_text(text)
    if not text:
        raise Invalid(_("Write a statement."), field="text")
    if len(text) > STATEMENT_MAX_LENGTH:
        raise Invalid(
            _("A statement has at most %(n)d characters.") % {"n": STATEMENT_MAX_LENGTH},
            field="text",
        )
    existing = Statement.objects.filter(conversation=conversation).exclude(
        status=StatementStatus.REJECTED
    )
    folded = text.casefold()
    if any(t.casefold() == folded for t in existing.values_list("text", flat=True)):
        raise Refused(_("This statement is already in the conversation."), field="text")
    author = None
    if seed:
        status = StatementStatus.ACCEPTED
        origin = StatementOrigin.SEED
    else:
        person = by.person
        if conversation.status != ConversationStatus.OPEN:
            raise Refused(_("This conversation is not open."), field="text")
        if not conversation.takes_statements:
            raise NotAllowed(
                _("In this conversation only moderators add statements."), field="text"
            )
        if not may_take_part(conversation, person):
            raise NotAllowed(_("You cannot take part in this conversation."), field="text")
        author = _participant(conversation, person)
        pending = Statement.objects.filter(author=author, status=StatementStatus.PENDING)
        if pending.count() >= MAX_PENDING_PER_AUTHOR:
            raise Refused(
                _("You have %(n)d statements awaiting moderation; please wait for them.")
                % {"n": MAX_PENDING_PER_AUTHOR},
                field="text",
            )
        origin = StatementOrigin.PARTICIPANT
        status = (
            StatementStatus.ACCEPTED
            if conversation.statement_policy == StatementPolicy.AFTER
            else StatementStatus.PENDING
        )
    statement = Statement.objects.create(
        conversation=conversation,
        number=_next_number(conversation),
        text=text,
        language=checked_language(language or (conversation.language if seed else "")),
        author=author,
        origin=origin,
        status=status,
        is_meta=is_meta and seed,
        moderated_by=by if seed else None,
        moderated=timezone.now() if seed else None,
    )
    record_activity(by=by, verb="statement.added", target=conversation)
    return statement


@transaction.atomic
def moderate_statement(
    *, by: User, statement: Statement, status: str, is_meta: bool | None = None
) -> Statement:
    """Accept or moderate out a statement (and mark it as being about the conversation).

    Side effects: the map recomputed (soon) when what the engine counts changes; one
    private activity entry.
    """
    if status not in (StatementStatus.ACCEPTED, StatementStatus.REJECTED):
        raise ValueError(status)
    fields = []
    if statement.status != status:
        statement.status = status
        fields.append("status")
    if is_meta is not None and statement.is_meta != is_meta:
        statement.is_meta = is_meta
        fields.append("is_meta")
    if fields:
        statement.moderated_by = by
        statement.moderated = timezone.now()
        statement.save(update_fields=[*fields, "moderated_by", "moderated"])
        record_activity(
            by=by, verb="statement.moderated", target=statement.conversation, data={"to": status}
        )
        conversation_id = statement.conversation_id
        transaction.on_commit(lambda: request_recompute(conversation_id, soon=True))
    return statement


@transaction.atomic
def withdraw_statement(*, by: User, statement: Statement) -> None:
    """The author takes back a statement nobody has seen yet (awaiting moderation).

    Side effects: the statement deleted; one private activity entry.
    """
    if statement.status != StatementStatus.PENDING:
        raise Refused(_("Only statements awaiting moderation can be withdrawn."))
    person = getattr(by, "person", None)
    if statement.author is None or person is None or statement.author.person_id != person.pk:
        raise NotAllowed(_("Only its author can withdraw a statement."))
    conversation = statement.conversation
    statement.delete()
    record_activity(by=by, verb="statement.withdrawn", target=conversation)


def cast_vote(*, by: User, conversation: Conversation, statement_id: Any, value: Any) -> Vote:
    """Record the participant's vote on a statement, or change it.

    Refused (nothing changes) unless the conversation is open, the voter may take part
    (NotAllowed), the statement is one of this conversation's shown statements and the vote
    is agree, disagree or pass (Invalid). One row per participant and statement: the
    database's unique constraint and an upsert make concurrent identical requests write one
    row. Side effects: the voter's participant row created on the first vote; the map
    recomputation requested after commit (debounced). Votes write no activity entry: the
    log would become a record of who voted when, which the forum does not keep.
    """
    try:
        value = int(value)
        statement_pk = int(statement_id)
    except (TypeError, ValueError) as error:
        raise Invalid(_("This vote is not one the conversation knows.")) from error
    if value not in VoteValue.values:
        raise Invalid(_("This vote is not one the conversation knows."))
    if conversation.status != ConversationStatus.OPEN:
        raise Refused(_("This conversation is not open for votes."))
    person = getattr(by, "person", None)
    if person is None or not may_take_part(conversation, person):
        raise NotAllowed(_("You cannot take part in this conversation."))
    with transaction.atomic():
        statement = Statement.objects.filter(
            pk=statement_pk, conversation=conversation, status=StatementStatus.ACCEPTED
        ).first()
        if statement is None:
            raise Refused(_("This statement is not open for votes."))
        participant = _participant(conversation, person)
        now = timezone.now()
        Vote.objects.bulk_create(
            [
                Vote(
                    conversation=conversation,
                    participant=participant,
                    statement=statement,
                    value=value,
                    created=now,
                    updated=now,
                )
            ],
            update_conflicts=True,
            unique_fields=["participant", "statement"],
            update_fields=["value", "updated"],
        )
        conversation_id = conversation.pk
        transaction.on_commit(lambda: request_recompute(conversation_id))
    return Vote.objects.get(participant=participant, statement=statement)


def request_recompute(conversation_id: int, *, soon: bool = False) -> bool:
    """Ask the task queue to recompute a conversation's map, at most once per DEBOUNCE.

    The first request after a computation claims the map row (pending) and enqueues the
    task to run DEBOUNCE after the previous computation (at once with `soon`, or when the
    task backend cannot defer); later requests find it claimed and do nothing. Returns
    whether a task was enqueued. Pages never wait for it.
    """
    now = timezone.now()
    claimed = (
        ConversationMap.objects.filter(pk=conversation_id)
        .filter(Q(pending=False) | Q(requested__lt=now - STALE_REQUEST))
        .update(pending=True, requested=now)
    )
    if not claimed:
        if not ConversationMap.objects.filter(pk=conversation_id).exists():
            try:
                ConversationMap.objects.create(conversation_id=conversation_id)
            except IntegrityError:
                return False
            return request_recompute(conversation_id, soon=soon)
        return False
    last = (
        ConversationMap.objects.filter(pk=conversation_id)
        .values_list("computed", flat=True)
        .first()
    )
    task = tasks.recompute_conversation_map
    deferred = not soon and last is not None and last + DEBOUNCE > now
    if deferred and last is not None and task.get_backend().supports_defer:
        task = task.using(run_after=last + DEBOUNCE)
    task.enqueue(conversation_id=conversation_id)
    return True


def unlink_person(person: Person) -> int:
    """Cut the link between a person who left the forum and their participation.

    Their votes and statements stay counted, attributed to nobody. Returns the number of
    conversations concerned. Called inside the erasure transaction (`person_erased`).
    """
    return Participant.objects.filter(person=person).update(person=None)


IMPORTED_STATUS = {
    1: StatementStatus.ACCEPTED,
    # Unmoderated statements were shown in Pol.is (without strict moderation) and voted on.
    0: StatementStatus.ACCEPTED,
    -1: StatementStatus.REJECTED,
}
BATCH = 5000


@transaction.atomic
def import_polis(
    *, by: User | None, conversation: Conversation, data: PolisConversation
) -> dict[str, int]:
    """Load a Pol.is export into a conversation that has no statements yet.

    Voters become participants linked to nobody; statements keep their Pol.is numbers,
    texts, times and moderation (unmoderated ones count as shown, as Pol.is showed them);
    only each voter's latest vote on a statement is kept. Side effects: the map
    recomputed at once after commit; one private activity entry with the counts.
    """
    if Statement.objects.filter(conversation=conversation).exists():
        raise Refused(_("Import into a conversation that has no statements yet."))
    first_seen: dict[int, datetime] = {}
    for vote in data.votes:
        if vote.participant not in first_seen or vote.time < first_seen[vote.participant]:
            first_seen[vote.participant] = vote.time
    for comment in data.comments:
        if comment.author is not None and comment.author not in first_seen:
            first_seen[comment.author] = comment.time
    pids = sorted(first_seen)
    created = Participant.objects.bulk_create(
        [Participant(conversation=conversation, joined=first_seen[pid]) for pid in pids],
        batch_size=BATCH,
    )
    participant_of = {pid: p.pk for pid, p in zip(pids, created, strict=True)}
    statements = Statement.objects.bulk_create(
        [
            Statement(
                conversation=conversation,
                number=c.id,
                text=normalise_text(c.text)[:STORED_MAX_LENGTH],
                author_id=participant_of.get(c.author) if c.author is not None else None,
                origin=StatementOrigin.IMPORTED,
                status=IMPORTED_STATUS[c.moderated],
                created=c.time,
            )
            for c in data.comments
        ],
        batch_size=BATCH,
    )
    statement_of = {s.number: s.pk for s in statements}
    latest: dict[tuple[int, int], tuple[int, datetime, datetime]] = {}
    for vote in sorted(data.votes, key=lambda v: v.time):
        key = (vote.participant, vote.comment)
        first = latest[key][1] if key in latest else vote.time
        latest[key] = (vote.vote, first, vote.time)
    insert_votes(
        (
            conversation.pk,
            participant_of[pid],
            statement_of[cid],
            value,
            first,
            last,
        )
        for (pid, cid), (value, first, last) in latest.items()
    )
    counts = {"statements": len(statements), "participants": len(pids), "votes": len(latest)}
    record_activity(by=by, verb="conversation.imported", target=conversation, data=counts)
    conversation_id = conversation.pk
    transaction.on_commit(lambda: request_recompute(conversation_id, soon=True))
    return counts


def insert_votes(rows: Iterable[tuple[int, int, int, int, datetime, datetime]]) -> None:
    """Insert many votes at once, bypassing the ORM's per-object work (an import of 50,000
    votes takes a fraction of a second instead of several seconds). Rows are
    (conversation, participant, statement, value, created, updated)."""
    meta = Vote._meta
    columns = [
        str(cast(models.Field[Any, Any], meta.get_field(name)).column)
        for name in ("conversation", "participant", "statement", "value", "created", "updated")
    ]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - names from the model
        connection.ops.quote_name(meta.db_table),
        ", ".join(connection.ops.quote_name(c) for c in columns),
        ", ".join(["%s"] * len(columns)),
    )
    adapt: Any = connection.ops.adapt_datetimefield_value
    if connection.vendor == "sqlite":
        # The same text Django's SQLite backend stores, without its per-value checks.
        def adapt(moment: datetime) -> str:
            return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ")

    batch: list[tuple[Any, ...]] = []
    with connection.cursor() as cursor:
        for conversation, participant, statement, value, created, updated in rows:
            batch.append(
                (conversation, participant, statement, value, adapt(created), adapt(updated))
            )
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
