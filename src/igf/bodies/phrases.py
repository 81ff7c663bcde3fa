"""Translated names of the seeded body types (custom types show the name typed in the admin)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

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
    messages = {
        Finding.TOO_MANY_TERMS: _(
            "This would be term %(terms)s in a row; the body allows at most %(maximum)s "
            "consecutive terms."
        ),
        Finding.SHARE_ABOVE_MAXIMUM: _(
            "%(category)s would hold %(share)s of the seats, above the maximum of %(limit)s "
            "(%(people)s too many)."
        ),
        Finding.SHARE_BELOW_MINIMUM: _(
            "%(category)s would hold %(share)s of the seats, below the target of %(limit)s "
            "(%(people)s short)."
        ),
        Finding.TOO_FEW_STAKEHOLDER_GROUPS: _(
            "Members would come from %(count)s stakeholder groups; the body needs at least "
            "%(required)s."
        ),
        Finding.ABOVE_TARGET_SIZE: _(
            "The body would have %(size)s members, above its target size of %(limit)s."
        ),
        Finding.BELOW_TARGET_SIZE: _(
            "The body would have %(size)s members, below its target size of %(limit)s."
        ),
        Finding.SECOND_REPRESENTATIVE: _(
            "This organisation already has a representative; organisations delegate one."
        ),
    }
    return str(messages[finding.finding]) % values


ACTIVITY: dict[str, tuple[Promise, Promise]] = {
    "membership.appointed": (
        _("%(actor)s recorded a membership: %(object)s."),
        _("A membership was recorded: %(object)s."),
    ),
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
}
