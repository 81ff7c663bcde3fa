"""What every service of the meetings app shares: its refusal, and how a change is recorded."""

from __future__ import annotations

from typing import TypeVar

from django.db import models

from igf.core.errors import Refused
from igf.meetings.models import Meeting
from igf.people.models import Person, User

Recorded = TypeVar("Recorded", bound=models.Model)


class MeetingError(Refused):
    """A change to a meeting's record that the forum's rules refuse (409); the message is
    translated and shown to the person, on the form's field when it names one."""


def person_of(user: User) -> Person:
    return Person.objects.get(user=user)


def changed_by(instance: Recorded, by: User | None) -> Recorded:
    """Name the user in the history record of the next save (requests name them anyway)."""
    instance._history_user = by  # type: ignore[attr-defined]  # django-simple-history's hook
    return instance


def is_public(meeting: Meeting) -> bool:
    """Whether the meeting's activity is shown to everyone (open meetings, consultations)."""
    return meeting.is_consultation or meeting.open_to_observers
