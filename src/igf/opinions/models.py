"""Conversations of short statements and votes, and the opinion map computed from them.

The mathematics lives in the `opinionmap` package; this app keeps the conversation, who took
part, what they voted, and the latest map (`ConversationMap`) the task queue computed.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from igf.bodies.models import Body
from igf.core.written import (
    LANGUAGE_MAX_LENGTH,
    WRITTEN_IN,
    WRITTEN_IN_HELP,
    page_language,
    written_language_choices,
)
from igf.opinions.enums import (
    ConversationStatus,
    Participation,
    StatementOrigin,
    StatementPolicy,
    StatementStatus,
    Visibility,
    VoteValue,
)
from igf.people.models import Person

# What a participant or moderator may write; imported statements (Pol.is allows longer
# ones) are kept whole up to STORED_MAX_LENGTH.
STATEMENT_MAX_LENGTH = 280
STORED_MAX_LENGTH = 1000


class Conversation(models.Model):
    """A question put to participants as short statements they agree or disagree with.

    It belongs to a theme, a session, a body or a document (`owner`, any model, so apps
    above this one attach conversations without this app importing them); `body` is set
    when the conversation is a body's, which participation limits use. Changed through
    `opinions.services` (create, update, open, close, moderators); history is kept.
    """

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("web address"), max_length=80, unique=True, allow_unicode=True)
    description = models.TextField(_("description (Markdown)"), blank=True)
    language = models.CharField(
        _("language of the statements"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
    )
    owner_type = models.ForeignKey(
        ContentType,
        verbose_name=_("belongs to (type)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner_id = models.CharField(_("belongs to (id)"), max_length=64, blank=True)
    owner = GenericForeignKey("owner_type", "owner_id")
    body = models.ForeignKey(
        Body,
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conversations",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ConversationStatus.choices,
        default=ConversationStatus.DRAFT,
    )
    participation = models.CharField(
        _("who may take part"),
        max_length=30,
        choices=Participation.choices,
        default=Participation.SIGNED_IN,
    )
    visibility = models.CharField(
        _("who may read the statements and results"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    statement_policy = models.CharField(
        _("statements from participants"),
        max_length=20,
        choices=StatementPolicy.choices,
        default=StatementPolicy.BEFORE,
    )
    moderators = models.ManyToManyField(
        Person,
        verbose_name=_("moderators"),
        blank=True,
        related_name="moderated_conversations",
    )
    attribution = models.TextField(
        _("source and licence"),
        blank=True,
        help_text=_("For imported conversations: where the data comes from and its licence."),
    )
    opened = models.DateTimeField(_("opened"), null=True, blank=True)
    closed = models.DateTimeField(_("closed"), null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["created"], m2m_fields=[moderators])

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering: ClassVar[list[str]] = ["-created", "-pk"]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["owner_type", "owner_id"]),
            models.Index(fields=["status", "-created"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("opinions:conversation", kwargs={"slug": self.slug})

    @property
    def is_open(self) -> bool:
        return self.status == ConversationStatus.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == ConversationStatus.CLOSED

    @property
    def takes_statements(self) -> bool:
        return self.statement_policy != StatementPolicy.MODERATORS_ONLY


class Participant(models.Model):
    """Someone who voted in one conversation: a person of the forum, or an imported voter.

    The votes hang on this row, not on the person, so that when a person leaves the forum
    (`person_erased`) the link to them is cut and their votes stay counted, unattributed.
    """

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opinion_participations",
    )
    joined = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering: ClassVar[list[str]] = ["conversation", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            # NULLs are distinct: imported and erased voters never collide.
            models.UniqueConstraint(
                fields=["conversation", "person"], name="one_participant_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id}/{self.pk}"


class Statement(models.Model):
    """One short statement participants vote on: seeded by a moderator or written by one of
    them. Changed through `opinions.services` (add, moderate, withdraw); history is kept."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="statements"
    )
    # Numbered from 0 within a conversation, as Pol.is's comment ids (exports keep them).
    number = models.PositiveIntegerField(_("number"))
    text = models.CharField(_("statement"), max_length=STORED_MAX_LENGTH)
    language = models.CharField(
        WRITTEN_IN,
        max_length=LANGUAGE_MAX_LENGTH,
        choices=written_language_choices(),
        default=page_language,
        help_text=WRITTEN_IN_HELP,
    )
    author = models.ForeignKey(
        Participant,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
    )
    origin = models.CharField(
        _("origin"),
        max_length=20,
        choices=StatementOrigin.choices,
        default=StatementOrigin.PARTICIPANT,
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatementStatus.choices,
        default=StatementStatus.PENDING,
    )
    is_meta = models.BooleanField(
        _("about the conversation itself"),
        default=False,
        help_text=_("Shown to everyone first, but left out of the opinion groups."),
    )
    created = models.DateTimeField(_("written"), default=timezone.now)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated = models.DateTimeField(_("moderated"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["created"])

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering: ClassVar[list[str]] = ["conversation", "number"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["conversation", "number"], name="one_statement_per_number"
            )
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["conversation", "status"]),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def is_shown(self) -> bool:
        """Accepted: shown to participants and voted on."""
        return self.status == StatementStatus.ACCEPTED

    @property
    def is_pending(self) -> bool:
        """Awaiting moderation: seen only by its author and the moderators."""
        return self.status == StatementStatus.PENDING

    @property
    def is_rejected(self) -> bool:
        """Moderated out."""
        return self.status == StatementStatus.REJECTED


class Vote(models.Model):
    """A participant's latest vote on a statement: agree, disagree or pass.

    One row per participant and statement, enforced by the database; changing one's mind
    updates the row (`opinions.services.cast_vote`).
    """

    # Kept on the row so that loading one conversation's votes is one index range.
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    value = models.SmallIntegerField(_("vote"), choices=VoteValue.choices)
    created = models.DateTimeField(_("first voted"), default=timezone.now)
    updated = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["participant", "statement"], name="one_vote_per_participant_and_statement"
            ),
            models.CheckConstraint(condition=Q(value__in=(-1, 0, 1)), name="vote_value_known"),
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["conversation", "updated"]),
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.statement_id} {self.value}"


class ConversationMap(models.Model):
    """The latest opinion map of a conversation, computed in the task queue.

    `state` is the engine's state (`EngineState.to_bytes`) for the next incremental update;
    `result` the engine's full result (`OpinionMap.to_dict`); `summary` the small part the
    pages read (groups, representative, consensus and divisive statements, the spread of
    stakeholder groups and regions, routing priorities); `positions` each participant's
    place on the map, packed, so the viewer's own dot is found without reading `result`.
    Written only by `opinions.mapping.recompute_map`.
    """

    conversation = models.OneToOneField(
        Conversation, on_delete=models.CASCADE, primary_key=True, related_name="map"
    )
    state = models.BinaryField(null=True, blank=True)
    result: models.JSONField[Any, Any] = models.JSONField(default=dict, blank=True)
    summary: models.JSONField[Any, Any] = models.JSONField(default=dict, blank=True)
    positions = models.BinaryField(null=True, blank=True)
    computed = models.DateTimeField(_("last updated"), null=True, blank=True)
    # Set by the first vote after a computation; the task clears it when it starts.
    pending = models.BooleanField(default=False)
    requested = models.DateTimeField(null=True, blank=True)
    n_votes = models.PositiveIntegerField(default=0)
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("opinion map")
        verbose_name_plural = _("opinion maps")

    def __str__(self) -> str:
        return str(self.conversation_id)
