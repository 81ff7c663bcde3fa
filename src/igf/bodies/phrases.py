"""Translated names of the seeded body types (custom types show the name typed in the admin)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

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
