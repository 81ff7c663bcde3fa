"""Who may see and change what about people and organisations."""

from __future__ import annotations

from typing import TYPE_CHECKING

import rules

from igf.core.enums import Visibility
from igf.core.rules import (
    grant_model_permissions,
    is_secretariat,
    is_signed_in,
    reads_personal_data,
)

if TYPE_CHECKING:
    from igf.people.models import Person, Viewer


@rules.predicate
def is_self(user: Viewer, person: Person | None) -> bool:
    return person is not None and getattr(user, "pk", None) == person.user_id


def can_see_detail(user: Viewer, person: Person, visibility: str) -> bool:
    """Whether `user` may see one of `person`'s details shared with `visibility`."""
    if is_self(user, person) or reads_personal_data(user):
        return True
    if person.erased is not None:
        return False
    if visibility == Visibility.PUBLIC:
        return True
    return visibility == Visibility.PARTICIPANTS and bool(is_signed_in(user))


can_view_private_details = is_self | reads_personal_data
can_view_people_balance = is_secretariat

# One's own profile, data and account: every signed-in account has exactly one Person, so
# being signed in is the rule (no object to check it on).
rules.add_perm("people.change_own_profile", is_signed_in)
rules.add_perm("people.view_private_details", can_view_private_details)
rules.add_perm("people.view_people_balance", can_view_people_balance)
rules.add_perm("people.export_own_data", is_signed_in)
rules.add_perm("people.erase_own_account", is_signed_in)

# The secretariat runs people and the directory from the admin. Accounts are never deleted
# there: leaving the forum goes through erasure, which keeps the public record.
grant_model_permissions(
    "people",
    is_secretariat,
    {
        "user": ("view", "change"),
        "person": ("view", "change"),
        "organization": ("view", "add", "change", "delete"),
        "historicalorganization": ("view",),
        "affiliation": ("view", "add", "change", "delete"),
    },
)
