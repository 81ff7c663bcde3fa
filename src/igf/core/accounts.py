"""The type of whoever is looking or acting, as core sees it.

Core sits below `people`, so it names Django's own account types; `people.models.Viewer`
(`User | AnonymousUser`) is the same thing for the apps above, since `User` is an
`AbstractUser`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser, AnonymousUser

Account: TypeAlias = "AbstractUser | AnonymousUser"
