"""Documents drafted in the open: versions split into paragraphs that keep their identity,
comment periods, comments and their dispositions, and questionnaires compiled by a chair."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from igf.bodies.models import Body
from igf.consultations.enums import (
    BlockKind,
    CommentStatus,
    CompilationStatus,
    DispositionOutcome,
    DocumentKind,
    FlagReason,
    ModerationAction,
    QuestionnaireStatus,
    TranslationStatus,
    VersionStatus,
)
from igf.core.enums import StakeholderGroup
from igf.core.models import Country
from igf.core.written import (
    LANGUAGE_MAX_LENGTH,
    WRITTEN_IN,
    WRITTEN_IN_HELP,
    page_language,
    written_language_choices,
)
from igf.people.models import Organization, Person


class Document(models.Model):
    """A text a body (or the forum) drafts in the open: an output report, messages, a draft of
    terms of reference. It has numbered versions; each can go out for public comment.

    Created and changed through `consultations.services` (create_document, ...).
    """

    body = models.ForeignKey(
        Body,
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultation_documents",
        help_text=_("Leave empty for a document of the forum as a whole."),
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("web address"), max_length=120, unique=True, allow_unicode=True)
    kind = models.CharField(
        _("kind of document"),
        max_length=30,
        choices=DocumentKind.choices,
        default=DocumentKind.OUTPUT_REPORT,
    )
    language = models.CharField(
        _("language of the original"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    summary = models.TextField(_("summary (Markdown)"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    history = HistoricalRecords(excluded_fields=["created"])

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering: ClassVar[list[str]] = ["-created", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:document", kwargs={"slug": self.slug})


class Version(models.Model):
    """One version of a document. Its Markdown text is the source; its paragraphs are derived
    from it on every save (`services.save_version_text`). Published versions never change.

    `revision` grows with every save, so two editors saving the same draft are detected
    (optimistic locking) instead of one silently overwriting the other.
    """

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    text = models.TextField(_("text (Markdown)"), blank=True)
    note = models.TextField(
        _("what changed"),
        blank=True,
        help_text=_("A short note for readers on what changed since the previous version."),
    )
    source_name = models.CharField(_("imported from"), max_length=200, blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    updated = models.DateTimeField(_("last saved"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["created", "updated"])

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering: ClassVar[list[str]] = ["document", "number"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["document", "number"], name="consultations_version_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document}, v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse(
            "consultations:version", kwargs={"slug": self.document.slug, "number": self.number}
        )

    @property
    def is_published(self) -> bool:
        return self.status == VersionStatus.PUBLISHED


class Paragraph(models.Model):
    """One block of a version (paragraph, heading, list, table...) with a stable identity.

    `key` is the paragraph's identity across versions: a paragraph that is edited, moved or
    partly rewritten keeps its key, so comments and translations follow the right text.
    `origins` lists the keys, in the previous version, whose text went into this paragraph
    (two after a merge; the same one for both halves of a split; none for a new paragraph).
    """

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="paragraphs")
    key = models.CharField(_("identity"), max_length=16)
    position = models.PositiveIntegerField(_("position"))
    # Headings carry no number; every other block is numbered, as in a UN document.
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=BlockKind.choices, default=BlockKind.PARAGRAPH
    )
    level = models.PositiveSmallIntegerField(_("heading level"), default=0)
    text = models.TextField(_("text (Markdown)"))
    origins: models.JSONField[list[str], list[str]] = models.JSONField(
        _("derived from"), default=list, blank=True
    )
    # How similar the paragraph is to the one whose key it took (1.0 identical; None new).
    similarity = models.FloatField(null=True, blank=True)
    matched_by_editor = models.BooleanField(_("matching corrected by an editor"), default=False)

    class Meta:
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        ordering: ClassVar[list[str]] = ["version", "position"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["version", "key"], name="consultations_paragraph_key_unique"
            ),
            models.UniqueConstraint(
                fields=["version", "position"], name="consultations_paragraph_position_unique"
            ),
        ]

    def __str__(self) -> str:
        if self.number is not None:
            return str(_("paragraph %(number)s") % {"number": self.number})
        return self.text.lstrip("# ")[:80]

    def get_absolute_url(self) -> str:
        return reverse(
            "consultations:paragraph",
            kwargs={
                "slug": self.version.document.slug,
                "number": self.version.number,
                "key": self.key,
            },
        )

    @property
    def label(self) -> str:
        """How the paragraph is cited: "¶ 12", or the heading's words."""
        if self.number is not None:
            return f"¶ {self.number}"
        return self.text.lstrip("# ")[:60]

    @property
    def is_heading(self) -> bool:
        return self.kind == BlockKind.HEADING

    @property
    def is_note(self) -> bool:
        """A footnote gathered at the end of the text."""
        return self.kind == BlockKind.NOTE


class Translation(models.Model):
    """A version in another language, aligned with the original paragraph by paragraph.

    Its status (machine, draft, official) is shown wherever the translation is.
    """

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status of the translation"),
        max_length=12,
        choices=TranslationStatus.of_translations(),
        default=TranslationStatus.DRAFT,
    )
    revision = models.PositiveIntegerField(_("revision"), default=1)
    updated = models.DateTimeField(_("last saved"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["updated"])

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        ordering: ClassVar[list[str]] = ["version", "language"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["version", "language"], name="consultations_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.version} ({self.language})"

    def get_absolute_url(self) -> str:
        return reverse(
            "consultations:translation",
            kwargs={
                "slug": self.version.document.slug,
                "number": self.version.number,
                "language": self.language,
            },
        )

    @property
    def is_machine(self) -> bool:
        """Translated by a machine and not checked by anyone."""
        return self.status == TranslationStatus.MACHINE

    @property
    def is_official(self) -> bool:
        return self.status == TranslationStatus.OFFICIAL


class TranslatedParagraph(models.Model):
    """The translation of one paragraph; empty while not translated yet."""

    translation = models.ForeignKey(
        Translation, on_delete=models.CASCADE, related_name="paragraphs"
    )
    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.CASCADE, related_name="translated_paragraphs"
    )
    text = models.TextField(_("translation (Markdown)"), blank=True)

    class Meta:
        verbose_name = _("translated paragraph")
        verbose_name_plural = _("translated paragraphs")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["translation", "paragraph"],
                name="consultations_translated_paragraph_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.translation}: {self.paragraph}"


class CommentPeriod(models.Model):
    """The time during which a published version takes public comments.

    Comments are accepted only from `opens` (inclusive) to `closes` (exclusive), checked on
    the server at the moment of posting. Opened through `services.open_comment_period`.
    """

    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="periods")
    opens = models.DateTimeField(_("opens"))
    closes = models.DateTimeField(_("closes"))
    instructions = models.TextField(_("instructions for commenters (Markdown)"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    history = HistoricalRecords(excluded_fields=["created"])

    class Meta:
        verbose_name = _("comment period")
        verbose_name_plural = _("comment periods")
        ordering: ClassVar[list[str]] = ["-opens", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")),
                name="consultations_period_closes_after_it_opens",
            )
        ]

    def __str__(self) -> str:
        return str(
            _("Comments on %(version)s, %(opens)s to %(closes)s")
            % {
                "version": self.version,
                "opens": f"{self.opens:%Y-%m-%d}",
                "closes": f"{self.closes:%Y-%m-%d}",
            }
        )

    def get_absolute_url(self) -> str:
        return reverse("consultations:period", kwargs={"pk": self.pk})

    def is_open(self, now: Any = None) -> bool:
        moment = now or timezone.now()
        return bool(self.opens <= moment < self.closes)

    def has_closed(self, now: Any = None) -> bool:
        return bool((now or timezone.now()) >= self.closes)


class Comment(models.Model):
    """A participant's comment on a paragraph (or a passage of it), or on the whole document,
    or a reply to another comment. Posted through `services.post_comment`.

    The commenter's stakeholder group and country are recorded as they were when commenting,
    as the commenter confirmed them on the form. `anonymous` hides the name from the public;
    the secretariat still sees it.
    """

    period = models.ForeignKey(CommentPeriod, on_delete=models.PROTECT, related_name="comments")
    paragraph = models.ForeignKey(
        Paragraph,
        verbose_name=_("paragraph"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="comments",
    )
    passage = models.CharField(_("passage"), max_length=500, blank=True)
    passage_start = models.PositiveIntegerField(null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="consultation_comments"
    )
    on_behalf_of = models.ForeignKey(
        Organization,
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultation_comments",
    )
    anonymous = models.BooleanField(_("anonymous to the public"), default=False)
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=30, choices=StakeholderGroup.choices, blank=True
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("comment"), blank=True)
    language = models.CharField(
        WRITTEN_IN,
        max_length=LANGUAGE_MAX_LENGTH,
        choices=written_language_choices(),
        default=page_language,
        help_text=WRITTEN_IN_HELP,
    )
    file = models.FileField(_("file"), upload_to="consultations/comments/", blank=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    created = models.DateTimeField(_("posted"), default=timezone.now)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering: ClassVar[list[str]] = ["created", "pk"]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["period", "status"], name="consultations_comment_period"),
        ]

    def __str__(self) -> str:
        return str(_("Comment %(number)s") % {"number": self.pk})

    def get_absolute_url(self) -> str:
        return reverse("consultations:comment", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.status == CommentStatus.PUBLISHED

    @property
    def is_pending(self) -> bool:
        """Waiting for a moderator: seen only by its author and the moderators."""
        return self.status == CommentStatus.PENDING

    @property
    def is_hidden(self) -> bool:
        return self.status == CommentStatus.HIDDEN


class Disposition(models.Model):
    """How the drafters handled one comment: the outcome, why, and where in the next version.

    Drafted by the document's editors, then published (`services.publish_dispositions`), when
    the commenter is told by e-mail. A new version cannot be published before every comment
    on the previous one has a disposition.
    """

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="disposition")
    outcome = models.CharField(_("outcome"), max_length=20, choices=DispositionOutcome.choices)
    reason = models.TextField(_("reason"))
    addressed_in = models.ForeignKey(
        Paragraph,
        verbose_name=_("addressed in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="addressed_dispositions",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated = models.DateTimeField(_("last changed"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["updated"])

    class Meta:
        verbose_name = _("disposition")
        verbose_name_plural = _("dispositions")

    def __str__(self) -> str:
        return f"{self.comment}: {self.get_outcome_display()}"


class Flag(models.Model):
    """Someone's report that a comment breaks the Code of Conduct; resolved by a moderator."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="flags")
    flagged_by = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=20, choices=FlagReason.choices)
    note = models.TextField(_("details"), blank=True)
    created = models.DateTimeField(_("flagged"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        ordering: ClassVar[list[str]] = ["created", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["comment", "flagged_by"], name="consultations_one_flag_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.comment}: {self.get_reason_display()}"


class ModerationDecision(models.Model):
    """One decision of a moderator on a comment, with its reason. Never edited or deleted:
    together they are the moderation log the Code of Conduct asks for."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="moderation_decisions"
    )
    action = models.CharField(_("decision"), max_length=12, choices=ModerationAction.choices)
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)

    class Meta:
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation log")
        ordering: ClassVar[list[str]] = ["-decided_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.comment}: {self.get_action_display()}"

    @property
    def publishes(self) -> bool:
        """A comment awaiting moderation is published."""
        return self.action == ModerationAction.APPROVE

    @property
    def hides(self) -> bool:
        return self.action == ModerationAction.HIDE

    @property
    def restores(self) -> bool:
        """A hidden comment is published again."""
        return self.action == ModerationAction.RESTORE


class Questionnaire(models.Model):
    """Questions, grouped in sections, that a body sends out with a deadline.

    Invited people (or anyone, when open to all) contribute answers; the chair compiles them.
    Published through `services.publish_questionnaire`.
    """

    body = models.ForeignKey(
        Body,
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questionnaires",
        help_text=_("Leave empty for a questionnaire of the forum as a whole."),
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("web address"), max_length=120, unique=True, allow_unicode=True)
    introduction = models.TextField(_("introduction (Markdown)"), blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    deadline = models.DateTimeField(_("deadline"))
    open_to_all = models.BooleanField(
        _("anyone signed in may contribute"),
        default=True,
        help_text=_("Otherwise only the people invited may contribute."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=QuestionnaireStatus.choices,
        default=QuestionnaireStatus.DRAFT,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    history = HistoricalRecords(excluded_fields=["created"])

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering: ClassVar[list[str]] = ["-deadline", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:questionnaire", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == QuestionnaireStatus.PUBLISHED

    def is_open(self, now: Any = None) -> bool:
        moment = now or timezone.now()
        return self.is_published and bool(moment < self.deadline)

    def has_closed(self, now: Any = None) -> bool:
        return bool((now or timezone.now()) >= self.deadline)


class QuestionnaireSection(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="sections"
    )
    title = models.CharField(_("title"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"))

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering: ClassVar[list[str]] = ["questionnaire", "position"]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    section = models.ForeignKey(
        QuestionnaireSection, on_delete=models.CASCADE, related_name="questions"
    )
    text = models.TextField(_("question"))
    position = models.PositiveSmallIntegerField(_("position"))

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering: ClassVar[list[str]] = ["section", "position"]

    def __str__(self) -> str:
        return self.text[:80]


class Invitation(models.Model):
    """A person invited to contribute to a questionnaire that is not open to all."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="invitations"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["questionnaire", "person"], name="consultations_one_invitation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.questionnaire}"


class Contribution(models.Model):
    """One contributor's answers to a questionnaire, as themselves or for an organisation.

    Published after the deadline unless the contributor marked it confidential; the
    compiler sees every contribution. Submitted through `services.submit_contribution`.
    """

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="contributions"
    )
    number = models.PositiveIntegerField(_("number"))
    contributor = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="questionnaire_contributions"
    )
    on_behalf_of = models.ForeignKey(
        Organization,
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questionnaire_contributions",
    )
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("Only the compiler reads it; it is not published after the deadline."),
    )
    submitted = models.DateTimeField(_("submitted"), default=timezone.now)
    updated = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering: ClassVar[list[str]] = ["questionnaire", "number"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["questionnaire", "number"], name="consultations_contribution_number"
            ),
            models.UniqueConstraint(
                fields=["questionnaire", "contributor"],
                condition=Q(on_behalf_of__isnull=True),
                name="consultations_one_personal_contribution",
            ),
            models.UniqueConstraint(
                fields=["questionnaire", "contributor", "on_behalf_of"],
                name="consultations_one_contribution_per_organisation",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Contribution %(number)s") % {"number": self.number})


class Answer(models.Model):
    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering: ClassVar[list[str]] = ["contribution", "question__position"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["contribution", "question"], name="consultations_one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contribution}: {self.question}"


class Compilation(models.Model):
    """The chair's compilation of a questionnaire's contributions: points per section, each
    traced by footnote to the contributions that support it, as in a UN compilation.

    Once published it can become a document of its own and go out for comment.
    """

    questionnaire = models.OneToOneField(
        Questionnaire, on_delete=models.CASCADE, related_name="compilation"
    )
    introduction = models.TextField(_("introduction (Markdown)"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CompilationStatus.choices,
        default=CompilationStatus.DRAFT,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    document = models.ForeignKey(
        Document,
        verbose_name=_("document for comment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("compilation")
        verbose_name_plural = _("compilations")

    def __str__(self) -> str:
        return str(_("Compilation of %(questionnaire)s") % {"questionnaire": self.questionnaire})

    def get_absolute_url(self) -> str:
        return reverse("consultations:compilation", kwargs={"slug": self.questionnaire.slug})

    @property
    def is_published(self) -> bool:
        return self.status == CompilationStatus.PUBLISHED


class CompilationPoint(models.Model):
    """One point of a compilation, written by the compiler, with the contributions behind it."""

    compilation = models.ForeignKey(Compilation, on_delete=models.CASCADE, related_name="points")
    section = models.ForeignKey(
        QuestionnaireSection, on_delete=models.CASCADE, related_name="points"
    )
    text = models.TextField(_("point (Markdown)"))
    position = models.PositiveIntegerField(_("position"))
    contributions = models.ManyToManyField(
        Contribution, verbose_name=_("supported by"), related_name="citations", blank=True
    )
    history = HistoricalRecords(m2m_fields=[contributions])

    class Meta:
        verbose_name = _("compilation point")
        verbose_name_plural = _("compilation points")
        ordering: ClassVar[list[str]] = ["compilation", "section__position", "position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]
