"""Platform-wide roles as django-rules predicates; apps compose their own from these."""

from __future__ import annotations

import rules
from django.conf import settings


@rules.predicate
def is_signed_in(user: object) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and bool(
        getattr(user, "is_active", False)
    )


@rules.predicate
def is_superuser(user: object) -> bool:
    return bool(getattr(user, "is_superuser", False)) and bool(getattr(user, "is_active", False))


is_secretariat = is_superuser | rules.is_group_member(settings.IGF_SECRETARIAT_GROUP)
is_staff_member = is_secretariat | rules.is_staff

rules.add_perm("core.view_staff_pages", is_secretariat)
rules.add_perm("core.view_private_activity", is_secretariat)
