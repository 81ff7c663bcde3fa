"""Signal receivers of the people app."""

from __future__ import annotations

from typing import Any

from igf.people.models import Person, User


def create_person_for_user(
    *, instance: User, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    """Every account has a Person from the moment it exists."""
    if created and not raw:
        Person.objects.get_or_create(user=instance)
