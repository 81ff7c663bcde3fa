"""Vocabularies of the programme: session kinds and formats, the life of a proposal and its
people, review assignments, and the fields a proposal template may ask."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SessionKind(models.TextChoices):
    """The kinds of session an annual meeting has; the secretariat sets each one's rules."""

    WORKSHOP = "workshop", _("Workshop")
    OPEN_FORUM = "open_forum", _("Open forum")
    DAY_ZERO = "day_zero", _("Day 0 event")
    TOWN_HALL = "town_hall", _("Town hall")
    LIGHTNING_TALK = "lightning_talk", _("Lightning talk")
    LAUNCH_AWARD = "launch_award", _("Launch or award")
    NETWORKING = "networking", _("Networking session")
    DYNAMIC_COALITION = "dynamic_coalition", _("Dynamic Coalition session")
    BPF_PN = "bpf_pn", _("Best Practice Forum or Policy Network session")
    NRI = "nri", _("NRI collaborative session")
    MAIN = "main", _("Main session")
    OTHER = "other", pgettext_lazy("session kind", "Other")


class SessionFormat(models.TextChoices):
    ROUND_TABLE = "round_table", _("Round table")
    PANEL = "panel", _("Panel")
    DEBATE = "debate", _("Debate")
    BIRDS_OF_A_FEATHER = "birds_of_a_feather", _("Birds of a feather")
    BREAKOUT = "breakout", _("Break-out groups")
    FISHBOWL = "fishbowl", _("Fishbowl")
    TUTORIAL = "tutorial", _("Tutorial")
    PRESENTATION = "presentation", _("Presentation")
    OTHER = "other", pgettext_lazy("session format", "Other")


class Focus(models.TextChoices):
    POLICY = "policy", _("Policy discussion")
    CAPACITY = "capacity", _("Capacity building")


class ProposalStatus(models.TextChoices):
    """Where a proposal stands. Outcomes become visible only when the call's results are
    published; until then a decided proposal is still "submitted" to its proposer."""

    DRAFT = "draft", pgettext_lazy("proposal status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("proposal status", "Submitted")
    WITHDRAWN = "withdrawn", pgettext_lazy("proposal status", "Withdrawn")
    ACCEPTED = "accepted", pgettext_lazy("proposal status", "Accepted")
    ACCEPTED_WITH_CHANGES = "accepted_with_changes", _("Accepted with changes (merged)")
    REJECTED = "rejected", pgettext_lazy("proposal status", "Not accepted")


class Decision(models.TextChoices):
    """What the selection decided, recorded with a reason before results are published."""

    ACCEPT = "accept", pgettext_lazy("selection decision", "Accept")
    ACCEPT_WITH_CHANGES = "accept_with_changes", _("Accept with changes (merge)")
    REJECT = "reject", pgettext_lazy("selection decision", "Do not accept")


DECISION_OUTCOME = {
    Decision.ACCEPT: ProposalStatus.ACCEPTED,
    Decision.ACCEPT_WITH_CHANGES: ProposalStatus.ACCEPTED_WITH_CHANGES,
    Decision.REJECT: ProposalStatus.REJECTED,
}
OUTCOME_STATUSES = frozenset(DECISION_OUTCOME.values())
ACCEPTED_STATUSES = frozenset({ProposalStatus.ACCEPTED, ProposalStatus.ACCEPTED_WITH_CHANGES})


class ParticipantRole(models.TextChoices):
    """What a person does in a proposed session."""

    ORGANISER = "organiser", _("Organiser")
    SPEAKER = "speaker", _("Speaker")
    ONSITE_MODERATOR = "onsite_moderator", _("Onsite moderator")
    ONLINE_MODERATOR = "online_moderator", _("Online moderator")
    RAPPORTEUR = "rapporteur", pgettext_lazy("session role", "Rapporteur")


MODERATOR_ROLES = frozenset({ParticipantRole.ONSITE_MODERATOR, ParticipantRole.ONLINE_MODERATOR})
SUPPORT_ROLES = (
    ParticipantRole.ONSITE_MODERATOR,
    ParticipantRole.ONLINE_MODERATOR,
    ParticipantRole.RAPPORTEUR,
)


class Attendance(models.TextChoices):
    ONSITE = "onsite", _("Onsite")
    ONLINE = "online", _("Online")


class Confirmation(models.TextChoices):
    """Whether a person named in a proposal has confirmed taking part."""

    NOT_ASKED = "not_asked", _("Not asked yet (no e-mail address)")
    INVITED = "invited", _("Asked, no answer yet")
    CONFIRMED = "confirmed", pgettext_lazy("participation", "Confirmed")
    DECLINED = "declined", pgettext_lazy("participation", "Declined")


class AssignmentStatus(models.TextChoices):
    ASSIGNED = "assigned", pgettext_lazy("review assignment", "Assigned")
    CONFLICT = "conflict", _("Conflict of interest declared")
    REMOVED = "removed", pgettext_lazy("review assignment", "Removed by staff")


class TemplateField(models.TextChoices):
    """The parts of a proposal a call's template may ask for (the title is always asked)."""

    THEME = "theme", _("Theme and policy questions")
    DESCRIPTION = "description", _("Description")
    EXPECTED_OUTCOMES = "expected_outcomes", _("Expected outcomes")
    FORMAT = "format", _("Format and interaction")
    ORGANISERS = "organisers", _("Organisers")
    SPEAKERS = "speakers", _("Speakers")
    MODERATORS = "moderators", _("Moderators and rapporteur")
    SDGS = "sdgs", _("Related Sustainable Development Goals")
    FOCUS = "focus", _("Policy discussion or capacity building")
    DURATION = "duration", _("Duration")
    ACCESSIBILITY = "accessibility", _("Accessibility and language needs")
    PREVIOUS_REPORT = "previous_report", _("Report on the organisers' previous session")


class CallPhase(models.TextChoices):
    """Where a call stands, derived from its dates and whether its results are out."""

    DRAFT = "draft", pgettext_lazy("call phase", "Not published")
    UPCOMING = "upcoming", pgettext_lazy("call phase", "Opens soon")
    OPEN = "open", pgettext_lazy("call phase", "Open")
    REVIEW = "review", pgettext_lazy("call phase", "Closed, under review")
    RESULTS = "results", pgettext_lazy("call phase", "Results published")


class LinkKind(models.TextChoices):
    """What a link on a session's page leads to."""

    DOCUMENT = "document", pgettext_lazy("session link", "Document")
    SLIDES = "slides", pgettext_lazy("session link", "Slides")
    BACKGROUND = "background", _("Background reading")
    OUTPUT = "output", _("Output of the session")
    OTHER = "other", pgettext_lazy("session link", "Other")
