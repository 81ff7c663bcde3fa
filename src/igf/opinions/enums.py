"""Vocabularies of the opinions app: statuses, who may take part, how statements are moderated."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ConversationStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("conversation status", "Draft")
    OPEN = "open", pgettext_lazy("conversation status", "Open")
    CLOSED = "closed", pgettext_lazy("conversation status", "Closed")


class Participation(models.TextChoices):
    """Who may vote and add statements."""

    SIGNED_IN = "signed_in", _("Everyone signed in")
    BODY_MEMBERS = "body_members", _("Current members of the body")
    MEETING_PARTICIPANTS = "meeting_participants", _("Registered participants of the meeting")


class Visibility(models.TextChoices):
    """Who may read the statements and the results."""

    PUBLIC = "public", _("Everyone, without signing in")
    PARTICIPANTS = "participants", _("Only those who may take part")


class StatementPolicy(models.TextChoices):
    """Whether participants may add statements, and whether moderators see them first."""

    MODERATORS_ONLY = "moderators_only", _("Only moderators add statements")
    BEFORE = "before", _("Participants add statements; shown after a moderator accepts them")
    AFTER = "after", _("Participants add statements; shown at once, moderators may remove them")


class StatementStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("statement status", "Awaiting moderation")
    ACCEPTED = "accepted", pgettext_lazy("statement status", "Accepted")
    REJECTED = "rejected", pgettext_lazy("statement status", "Moderated out")


class StatementOrigin(models.TextChoices):
    SEED = "seed", pgettext_lazy("statement origin", "Seeded by a moderator")
    PARTICIPANT = "participant", pgettext_lazy("statement origin", "Written by a participant")
    IMPORTED = "imported", pgettext_lazy("statement origin", "Imported")


class VoteValue(models.IntegerChoices):
    """Pol.is's convention: agree +1, disagree -1, pass 0."""

    AGREE = 1, pgettext_lazy("vote", "Agree")
    DISAGREE = -1, pgettext_lazy("vote", "Disagree")
    PASS = 0, pgettext_lazy("vote", "Pass / unsure")
