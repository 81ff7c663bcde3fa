"""Vocabularies of the consultations app: document kinds, statuses, outcomes of comments."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# One vocabulary for every translation the forum keeps (documents and the other texts alike).
from igf.core.enums import TranslationStatus as TranslationStatus  # noqa: PLC0414 - re-exported


class DocumentKind(models.TextChoices):
    OUTPUT_REPORT = "output_report", _("Output report")
    TERMS_OF_REFERENCE = "terms_of_reference", _("Draft terms of reference")
    MESSAGES = "messages", _("Messages")
    BACKGROUND_PAPER = "background_paper", _("Background paper")
    COMPILATION = "compilation", _("Compilation of contributions")
    OTHER = "other", pgettext_lazy("document kind", "Other document")


class VersionStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("version status", "Draft, not public")
    PUBLISHED = "published", pgettext_lazy("version status", "Published")


class BlockKind(models.TextChoices):
    """What a paragraph of a version is, as Markdown blocks go."""

    HEADING = "heading", pgettext_lazy("paragraph kind", "Heading")
    PARAGRAPH = "paragraph", pgettext_lazy("paragraph kind", "Paragraph")
    LIST = "list", pgettext_lazy("paragraph kind", "List")
    TABLE = "table", pgettext_lazy("paragraph kind", "Table")
    QUOTE = "quote", pgettext_lazy("paragraph kind", "Quotation")
    CODE = "code", pgettext_lazy("paragraph kind", "Code")
    NOTE = "note", pgettext_lazy("paragraph kind", "Footnote")


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    PUBLISHED = "published", pgettext_lazy("comment status", "Published")
    HIDDEN = "hidden", pgettext_lazy("comment status", "Hidden by a moderator")


class DispositionOutcome(models.TextChoices):
    ACCEPTED = "accepted", pgettext_lazy("disposition", "Accepted")
    PARTLY_ACCEPTED = "partly_accepted", pgettext_lazy("disposition", "Partly accepted")
    NOT_ACCEPTED = "not_accepted", pgettext_lazy("disposition", "Not accepted")
    OUT_OF_SCOPE = "out_of_scope", pgettext_lazy("disposition", "Out of scope")


class FlagReason(models.TextChoices):
    """Why someone thinks a comment breaks the Code of Conduct."""

    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Abusive, harassing or hateful")
    PERSONAL_DATA = "personal_data", _("Reveals someone's personal data")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", pgettext_lazy("flag reason", "Something else")


class ModerationAction(models.TextChoices):
    APPROVE = "approve", _("Publish")
    HIDE = "hide", _("Hide")
    RESTORE = "restore", _("Restore")
    DISMISS = "dismiss", _("Keep published, dismiss the flags")


class QuestionnaireStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("questionnaire status", "Draft, not public")
    PUBLISHED = "published", pgettext_lazy("questionnaire status", "Published")


class CompilationStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("compilation status", "Draft, not public")
    PUBLISHED = "published", pgettext_lazy("compilation status", "Published")
