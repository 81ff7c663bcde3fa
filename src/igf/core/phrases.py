"""Translated labels used in more than one place: the activity log's verbs."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

VERBS: dict[str, Promise] = {
    "person.joined": _("joined the forum"),
    "person.profile_updated": _("updated their profile"),
    "person.erased": _("a participant left the forum"),
    "organization.created": _("added an organisation to the directory"),
    "organization.reviewed": _("listed an organisation in the directory"),
    "affiliation.listed": _("listed an affiliation"),
}


def verb_label(verb: str) -> str:
    label = VERBS.get(verb)
    return str(label) if label is not None else verb


DIMENSIONS: dict[str, Promise] = {
    "stakeholder_group": _("Stakeholder group"),
    "region": _("UN regional group"),
    "gender": _("Gender"),
    "developing": _("From a developing country"),
    "youth": _("Under 30"),
    "newcomer": _("First-time participant"),
}

ANSWERS: dict[str, Promise] = {
    "yes": _("Yes"),
    "no": _("No"),
    "unknown": _("Not known"),
}


def dimension_label(dimension: str) -> str:
    label = DIMENSIONS.get(str(dimension))
    return str(label) if label is not None else str(dimension)


def category_label(category: str, dimension: str) -> str:
    """The translated name of one category of one balance dimension."""
    from igf.core.enums import Gender, RegionGroup, StakeholderGroup  # noqa: PLC0415

    if category in ANSWERS:
        return str(ANSWERS[category])
    vocabulary = {
        "stakeholder_group": StakeholderGroup,
        "region": RegionGroup,
        "gender": Gender,
    }.get(str(dimension))
    if vocabulary is not None and category in vocabulary.values:
        return str(vocabulary(category).label)
    return category
