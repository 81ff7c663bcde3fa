"""Who may take part in a conversation: its participation limit, decided per person.

A conversation of a meeting is limited to the meeting's registered participants. The
meetings app sits below this one and cannot call into it, so the limit asks the owner
itself: an owner that registers participants implements the `RegisteringOwner` protocol
(`is_registered_participant(person) -> bool`). Until it does, nobody may take part in such
a conversation (default deny).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from django.db.models import Q

from igf.bodies.models import Membership
from igf.opinions.enums import Participation

if TYPE_CHECKING:
    from igf.opinions.models import Conversation
    from igf.people.models import Person


@runtime_checkable
class RegisteringOwner(Protocol):
    """An owner (a meeting) that knows who registered for it."""

    def is_registered_participant(self, person: Person) -> bool: ...


def may_take_part(conversation: Conversation, person: Person | None) -> bool:
    """Whether `person` passes the conversation's participation limit."""
    if person is None or person.erased is not None:
        return False
    if conversation.participation == Participation.SIGNED_IN:
        return True
    if conversation.participation == Participation.BODY_MEMBERS:
        return (
            conversation.body_id is not None
            and Membership.objects.current()
            .filter(body_id=conversation.body_id, person=person)
            .exists()
        )
    if conversation.participation == Participation.MEETING_PARTICIPANTS:
        owner = conversation.owner
        return isinstance(owner, RegisteringOwner) and bool(owner.is_registered_participant(person))
    return False


def eligible_filter(person: Person | None) -> Q:
    """The conversations `person` may take part in, as far as the database can tell.

    Meeting conversations are decided by their owner, in Python (`may_take_part`).
    """
    if person is None or person.erased is not None:
        return Q(pk__in=[])
    current = Membership.objects.current().filter(person=person).values("body_id")
    return Q(participation=Participation.SIGNED_IN) | Q(
        participation=Participation.BODY_MEMBERS, body_id__in=current
    )
