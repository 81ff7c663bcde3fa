"""Platform-wide roles as django-rules predicates; apps compose their own from these."""

from __future__ import annotations

import rules
from django.conf import settings

from igf.core.accounts import Account


@rules.predicate
def is_signed_in(user: Account) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and bool(
        getattr(user, "is_active", False)
    )


@rules.predicate
def is_superuser(user: Account) -> bool:
    return bool(getattr(user, "is_superuser", False)) and bool(getattr(user, "is_active", False))


is_secretariat = is_superuser | rules.is_group_member(settings.IGF_SECRETARIAT_GROUP)
is_staff_member = is_secretariat | rules.is_staff


@rules.predicate
def holds_second_factor(user: Account) -> bool:
    """Whether the account has set up a second factor (looked up once per request's user)."""
    if not getattr(user, "is_authenticated", False):
        return False
    known = getattr(user, "_igf_second_factor", None)
    if known is None:
        from allauth.mfa.models import Authenticator  # noqa: PLC0415 - app registry ready

        known = Authenticator.objects.filter(user=user).exists()
        user._igf_second_factor = known  # type: ignore[union-attr]
    return bool(known)


# Personal details a page shows only to the secretariat (who wrote an anonymous comment, a
# participant's private details) need the second factor too, also on pages that everyone
# may open: without one, the secretariat sees what a participant sees.
reads_personal_data = is_secretariat & holds_second_factor


def grant_model_permissions(
    app_label: str, predicate: object, models: dict[str, tuple[str, ...]]
) -> None:
    """Give `predicate` Django's model permissions (for the admin) on some of an app's models.

    `models` maps a model name to the actions allowed on it ("view", "add", "change",
    "delete"); the app itself becomes visible in the admin index. Where the app already
    defines a permission of the same name (an object-level rule), the two are combined: either
    grants it.
    """
    _grant(app_label, predicate)
    for model, actions in models.items():
        for action in actions:
            _grant(f"{app_label}.{action}_{model}", predicate)


def _grant(name: str, predicate: object) -> None:
    if rules.perm_exists(name):
        rules.set_perm(name, rules.permissions.permissions[name] | predicate)
    else:
        rules.add_perm(name, predicate)


rules.add_perm("core.view_staff_pages", is_secretariat)
rules.add_perm("core.view_private_activity", is_secretariat)
grant_model_permissions(
    "core",
    is_secretariat,
    {
        "country": ("view",),
        "activityentry": ("view",),
        "forum": ("view", "change"),
        "forumtext": ("view", "add", "change", "delete"),
    },
)
