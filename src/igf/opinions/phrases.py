"""Translated labels used in more than one place: activity sentences, group names."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Registered into igf.core.phrases.ACTIVITY by the app's ready().
ACTIVITY: dict[str, tuple[Promise, Promise]] = {
    "conversation.created": (
        _("%(actor)s started the conversation %(object)s."),
        _("The conversation %(object)s was started."),
    ),
    "conversation.updated": (
        _("%(actor)s changed the settings of the conversation %(object)s."),
        _("The settings of the conversation %(object)s were changed."),
    ),
    "conversation.attached": (
        _("%(actor)s linked the conversation %(object)s to its topic."),
        _("The conversation %(object)s was linked to its topic."),
    ),
    "conversation.moderators_changed": (
        _("%(actor)s changed the moderators of the conversation %(object)s."),
        _("The moderators of the conversation %(object)s were changed."),
    ),
    "conversation.opened": (
        _("%(actor)s opened the conversation %(object)s."),
        _("The conversation %(object)s opened."),
    ),
    "conversation.closed": (
        _("%(actor)s closed the conversation %(object)s."),
        _("The conversation %(object)s closed."),
    ),
    "conversation.imported": (
        _("%(actor)s imported a Pol.is conversation into %(object)s."),
        _("A Pol.is conversation was imported into %(object)s."),
    ),
    "statement.added": (
        _("%(actor)s added a statement to the conversation %(object)s."),
        _("A statement was added to the conversation %(object)s."),
    ),
    "statement.moderated": (
        _("%(actor)s moderated a statement in the conversation %(object)s."),
        _("A statement was moderated in the conversation %(object)s."),
    ),
    "statement.withdrawn": (
        _("%(actor)s withdrew a statement from the conversation %(object)s."),
        _("A statement was withdrawn from the conversation %(object)s."),
    ),
}

LETTERS = "ABCDEFGHIJ"


def group_letter(group: int) -> str:
    return LETTERS[group] if 0 <= group < len(LETTERS) else str(group + 1)


def group_label(group: int) -> str:
    """An opinion group's name: "Group A", "Group B"..."""
    return gettext("Group %(letter)s") % {"letter": group_letter(group)}
