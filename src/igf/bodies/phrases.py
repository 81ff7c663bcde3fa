"""Translated names of the seeded body types (custom types show the name typed in the admin)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from igf.bodies.composition import Finding, RuleFinding

if TYPE_CHECKING:
    from igf.bodies.models import BodyType

BODY_TYPES: dict[str, tuple[Promise, Promise]] = {
    "mag": (_("Multistakeholder Advisory Group"), _("Multistakeholder Advisory Groups")),
    "mag-working-group": (_("MAG working group"), _("MAG working groups")),
    "bpf": (_("Best Practice Forum"), _("Best Practice Forums")),
    "dc": (_("Dynamic Coalition"), _("Dynamic Coalitions")),
    "pn": (_("Policy Network"), _("Policy Networks")),
    "pn-mwg": (_("Policy Network working group"), _("Policy Network working groups")),
    "nri": (
        _("National, regional or youth IGF initiative"),
        _("National, regional and youth IGF initiatives"),
    ),
    "secretariat": (_("Secretariat"), _("Secretariats")),
    "working-group": (_("Working group"), _("Working groups")),
}


def body_type_name(body_type: BodyType, *, plural: bool = False) -> str:
    names = BODY_TYPES.get(body_type.slug)
    if names is None:
        return body_type.name_plural if plural else body_type.name
    return str(names[1] if plural else names[0])


def finding_message(finding: RuleFinding) -> str:
    """The translated sentence for one composition finding, with its figures."""
    from igf.core.phrases import category_label, dimension_label  # noqa: PLC0415
    from igf.core.templatetags.igf import percent  # noqa: PLC0415

    values = dict(finding.values)
    for key in ("share", "limit"):
        if isinstance(values.get(key), float):
            values[key] = percent(float(values[key]))  # type: ignore[arg-type]
    if "category" in values:
        values["category"] = category_label(str(values["category"]), str(values["dimension"]))
        values["dimension"] = dimension_label(str(values["dimension"]))
    count = int(values.get("people", 0) or 0)  # type: ignore[call-overload]
    kind = finding.finding
    if kind == Finding.SHARE_ABOVE_MAXIMUM:
        message = (
            _(
                "%(dimension)s, %(category)s: %(share)s of the seats, above the maximum of "
                "%(limit)s."
            )
            % values
            + " "
            + ngettext("One seat too many.", "%(n)s seats too many.", count) % {"n": count}
        )
    elif kind == Finding.SHARE_BELOW_MINIMUM:
        message = (
            _("%(dimension)s, %(category)s: %(share)s of the seats, below the target of %(limit)s.")
            % values
            + " "
            + ngettext("One seat short.", "%(n)s seats short.", count) % {"n": count}
        )
    elif kind == Finding.TOO_MANY_TERMS:
        maximum = int(values["maximum"])  # type: ignore[call-overload]
        message = (
            ngettext(
                "This would be consecutive term number %(terms)s; the body allows %(maximum)s "
                "consecutive term at most.",
                "This would be consecutive term number %(terms)s; the body allows %(maximum)s "
                "consecutive terms at most.",
                maximum,
            )
            % values
        )
    elif kind == Finding.TOO_FEW_STAKEHOLDER_GROUPS:
        required = int(values["required"])  # type: ignore[call-overload]
        message = (
            ngettext(
                "Members would come from %(count)s stakeholder groups; the body needs "
                "%(required)s at least.",
                "Members would come from %(count)s stakeholder groups; the body needs "
                "%(required)s at least.",
                required,
            )
            % values
        )
    elif kind in (Finding.ABOVE_TARGET_SIZE, Finding.BELOW_TARGET_SIZE):
        size = int(values["size"])  # type: ignore[call-overload]
        above = kind == Finding.ABOVE_TARGET_SIZE
        message = (
            ngettext(
                "The body would have %(size)s member, more than its target size of %(limit)s.",
                "The body would have %(size)s members, more than its target size of %(limit)s.",
                size,
            )
            if above
            else ngettext(
                "The body would have %(size)s member, fewer than its target size of %(limit)s.",
                "The body would have %(size)s members, fewer than its target size of %(limit)s.",
                size,
            )
        ) % values
    else:
        message = str(
            _("This organisation already has a representative; organisations delegate one.")
        )
    return message


ACTIVITY: dict[str, tuple[Promise, Promise]] = {
    "membership.appointed": (
        _("%(actor)s recorded a membership: %(object)s."),
        _("A membership was recorded: %(object)s."),
    ),
    "membership.joined": (_("%(actor)s joined %(object)s."), _("Someone joined %(object)s.")),
    "membership.ended": (
        _("%(actor)s ended a membership: %(object)s."),
        _("A membership ended: %(object)s."),
    ),
    "terms.adopted": (
        _("%(actor)s recorded new terms of reference of %(object)s."),
        _("New terms of reference of %(object)s were recorded."),
    ),
    "call.opened": (
        _("%(actor)s opened the call “%(object)s”."),
        _("The call “%(object)s” opened."),
    ),
    "call.nominated": (
        _("%(actor)s made a nomination in “%(object)s”."),
        _("A nomination was made in “%(object)s”."),
    ),
    "call.nomination_answered": (
        _("%(actor)s answered a nomination in “%(object)s”."),
        _("A nomination in “%(object)s” was answered."),
    ),
    "call.decided": (
        _("%(actor)s published the outcome of “%(object)s”."),
        _("The outcome of “%(object)s” was published."),
    ),
    "report.submitted": (
        _("%(actor)s filed an annual report of %(object)s."),
        _("An annual report of %(object)s was filed."),
    ),
    "milestone.added": (
        _("%(actor)s added “%(object)s” to a workplan."),
        _("“%(object)s” was added to a workplan."),
    ),
    "milestone.updated": (
        _("%(actor)s updated the milestone “%(object)s”."),
        _("The milestone “%(object)s” was updated."),
    ),
    "list.posted": (
        _("%(actor)s wrote to the mailing list of %(object)s."),
        _("A message was sent to the mailing list of %(object)s."),
    ),
    "body.inactive": (
        _("%(actor)s marked %(object)s inactive: requirements unmet."),
        _("%(object)s was marked inactive: its requirements were not met."),
    ),
    "body.active_again": (
        _("%(actor)s marked %(object)s active again."),
        _("%(object)s meets its requirements again and is active."),
    ),
    "proposal.submitted": (
        _("%(actor)s proposed a new body: %(object)s."),
        _("A new body was proposed: %(object)s."),
    ),
    "proposal.recognised": (
        _("%(actor)s recognised the proposed body %(object)s."),
        _("The proposed body %(object)s was recognised."),
    ),
    "proposal.sent_back": (
        _("%(actor)s sent the proposal %(object)s back for changes."),
        _("The proposal %(object)s was sent back for changes."),
    ),
    "chair.chosen": (
        _("%(actor)s recorded the choice of a chair of %(object)s."),
        _("A chair of %(object)s was chosen."),
    ),
    "chair.election_opened": (
        _("%(actor)s opened the election of the chair of %(object)s."),
        _("The election of the chair of %(object)s opened."),
    ),
    "chair.election_closed": (
        _("%(actor)s published the result of the election of the chair of %(object)s."),
        _("The result of the election of the chair of %(object)s was published."),
    ),
    "call.created": (
        _("%(actor)s created the call “%(object)s”."),
        _("The call “%(object)s” was created."),
    ),
}
