"""What the opinions app does when the people app tells it something about a person."""

from __future__ import annotations

from typing import Any

from igf.opinions import queries, services
from igf.people.models import Person


def unlink_erased_person(*, person: Person, **kwargs: Any) -> None:
    """A person left the forum: their votes stay counted, linked to nobody."""
    services.unlink_person(person)


def export_section(person: Person) -> dict[str, Any]:
    return queries.personal_data(person)
