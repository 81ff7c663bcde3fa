"""Vocabularies of the bodies app: roles, capacities, statuses, composition dimensions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Role(models.TextChoices):
    """What a person does in a body. A person may hold different roles in different bodies."""

    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    CO_FACILITATOR = "co_facilitator", _("Co-facilitator")
    MEMBER = "member", _("Member")
    OBSERVER = "observer", _("Observer")
    SECRETARIAT_LIAISON = "secretariat_liaison", _("Secretariat liaison")
    RAPPORTEUR = "rapporteur", _("Rapporteur")


# The roles a body type gives by default (each type holds its own lists: BodyType.seat_roles,
# BodyType.lead_roles). Roles that hold a seat count in the body's size and balance; observers,
# liaisons and rapporteurs take part but do not hold one. Roles that lead a body may approve
# agendas, circulate documents and manage members' work.
DEFAULT_SEAT_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.CO_FACILITATOR, Role.MEMBER)
DEFAULT_LEAD_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.CO_FACILITATOR)


def default_seat_roles() -> list[str]:
    return [str(role) for role in DEFAULT_SEAT_ROLES]


def default_lead_roles() -> list[str]:
    return [str(role) for role in DEFAULT_LEAD_ROLES]


class Capacity(models.TextChoices):
    PERSONAL = "personal", _("In a personal capacity")
    ORGANIZATION = "organization", _("On behalf of an organisation")


class BodyStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("body status", "Active")
    INACTIVE = "inactive", pgettext_lazy("body status", "Inactive")
    CLOSED = "closed", pgettext_lazy("body status", "Closed")


class CompositionDimension(models.TextChoices):
    """The dimensions a body's composition targets may name (those of core.balance)."""

    STAKEHOLDER_GROUP = "stakeholder_group", _("Stakeholder group")
    REGION = "region", _("UN regional group")
    GENDER = "gender", _("Gender")
    DEVELOPING = "developing", _("From a developing country")
    YOUTH = "youth", _("Under 30")


class CallStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("call status", "Draft")
    OPEN = "open", pgettext_lazy("call status", "Open")
    CLOSED = "closed", pgettext_lazy("call status", "Closed for nominations")
    DECIDED = "decided", pgettext_lazy("call status", "Outcome published")


class NominationStatus(models.TextChoices):
    AWAITING_NOMINEE = "awaiting_nominee", _("Awaiting the nominee's confirmation")
    CANDIDATE = "candidate", _("Candidate")
    SELECTED = "selected", _("Selected")
    NOT_SELECTED = "not_selected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    DECLINED = "declined", _("Declined by the nominee")


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("milestone status", "Planned")
    IN_PROGRESS = "in_progress", pgettext_lazy("milestone status", "In progress")
    DONE = "done", pgettext_lazy("milestone status", "Done")
    DROPPED = "dropped", pgettext_lazy("milestone status", "Dropped")


class InitiativeKind(models.TextChoices):
    """The reach of a national, regional or youth IGF initiative (NRI)."""

    NATIONAL = "national", pgettext_lazy("initiative", "National")
    REGIONAL = "regional", pgettext_lazy("initiative", "Regional")
    YOUTH = "youth", pgettext_lazy("initiative", "Youth")


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("proposal of a body", "Awaiting review")
    SENT_BACK = "sent_back", pgettext_lazy("proposal of a body", "Sent back for changes")
    RECOGNISED = "recognised", pgettext_lazy("proposal of a body", "Recognised")
    WITHDRAWN = "withdrawn", pgettext_lazy("proposal of a body", "Withdrawn")


class NominationMethod(models.TextChoices):
    """How one stakeholder group's candidates come forward in a call for members."""

    OPEN = "open", _("Open nomination on this site (anyone may nominate, themselves included)")
    CONSTITUENCY = (
        "constituency",
        _(
            "Through the group's own process: the secretariat records the candidates it puts "
            "forward"
        ),
    )
    NONE = "none", _("No seats for this group in this call")


class ChairMethod(models.TextChoices):
    """How a body's terms of reference say its chair is chosen."""

    APPOINTED = "appointed", _("Appointed")
    ELECTED = "elected", _("Elected by the current members (secret ballot)")
    ROTATING = "rotating", _("Rotating among the stakeholder groups")


class ElectionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("chair election", "Nominations and voting")
    ELECTED = "elected", pgettext_lazy("chair election", "Result published")
    NO_QUORUM = "no_quorum", pgettext_lazy("chair election", "Quorum not reached")
    TIED = "tied", pgettext_lazy("chair election", "Tied: to be run again")
