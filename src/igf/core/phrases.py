"""Translated labels used in more than one place: activity sentences, balance labels."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# What each kind of activity-log entry says, as a whole sentence (so translators can make the
# verb agree with its subject): with a named actor, and without one (done by the platform).
ACTIVITY: dict[str, tuple[Promise, Promise]] = {
    "person.joined": (_("%(actor)s joined the forum."), _("A participant joined the forum.")),
    "person.profile_updated": (
        _("%(actor)s updated their profile."),
        _("A profile was updated."),
    ),
    "person.erased": (_("A participant left the forum."), _("A participant left the forum.")),
    "organization.created": (
        _("%(actor)s added %(object)s to the organisation directory."),
        _("%(object)s was added to the organisation directory."),
    ),
    "organization.reviewed": (
        _("%(actor)s published %(object)s in the organisation directory."),
        _("%(object)s was published in the organisation directory."),
    ),
    "affiliation.listed": (
        _("%(actor)s chose to be listed with %(object)s."),
        _("A participant chose to be listed with %(object)s."),
    ),
}


def activity_sentence(verb: str, actor: str | None, target: str) -> str:
    """The translated sentence for one activity entry; unknown verbs show as they are."""
    sentences = ACTIVITY.get(verb)
    if sentences is None:
        return f"{actor or ''} {verb} {target}".strip()
    with_actor, without_actor = sentences
    template = with_actor if actor else without_actor
    return str(template) % {"actor": actor or "", "object": target}


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
