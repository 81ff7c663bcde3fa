"""What the consultations keep when a person leaves the forum."""

from __future__ import annotations

from igf.consultations.models import Comment, Flag, Invitation
from igf.people.models import Person


def scrub_person(person: Person) -> None:
    """On erasure: comments and contributions stay, attributed to "former participant"; the
    country and stakeholder group recorded with them go, and so do the person's flags."""
    Comment.objects.filter(author=person).update(country=None, stakeholder_group="")
    Flag.objects.filter(flagged_by=person).delete()
    Invitation.objects.filter(person=person).delete()
