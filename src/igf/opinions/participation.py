"""Who may take part in a conversation: its participation limit, decided per person.

A conversation of a meeting is limited to the meeting's registered participants:
- of an annual meeting, or of one of its sessions: the people registered for the annual
  meeting (`schedule.Registration`);
- of a body's meeting: its registered observers, the people recorded present, and the
  body's current members;
- of any other owner that registers people: what the owner says, through the
  `RegisteringOwner` protocol (`is_registered_participant(person) -> bool`).
A conversation of anything else is never open to "registered participants" (default deny;
the settings form refuses that choice).
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
        return is_registered_for(conversation.owner, person)
    return False


def registers_people(owner: object) -> bool:
    """Whether `owner` is a meeting (or a session of one) that has registered participants."""
    from igf.meetings.models import Meeting  # noqa: PLC0415 - models load after this module
    from igf.programme.models import AnnualMeeting, Session  # noqa: PLC0415

    return isinstance(owner, AnnualMeeting | Session | Meeting | RegisteringOwner)


def is_registered_for(owner: object, person: Person) -> bool:
    """Whether `person` is a registered participant of the meeting `owner` (see above)."""
    from igf.meetings.enums import PRESENT  # noqa: PLC0415
    from igf.meetings.models import Attendance, Meeting, ObserverRegistration  # noqa: PLC0415
    from igf.programme.models import AnnualMeeting, Session  # noqa: PLC0415
    from igf.schedule.models import Registration  # noqa: PLC0415

    if isinstance(owner, Session):
        owner = owner.meeting
    if isinstance(owner, AnnualMeeting):
        return Registration.objects.filter(meeting=owner, person=person).exists()
    if isinstance(owner, Meeting):
        return (
            ObserverRegistration.objects.filter(meeting=owner, person=person).exists()
            or Attendance.objects.filter(meeting=owner, person=person, status__in=PRESENT).exists()
            or (
                owner.body_id is not None
                and Membership.objects.current()
                .filter(body_id=owner.body_id, person=person)
                .exists()
            )
        )
    if isinstance(owner, RegisteringOwner):
        return bool(owner.is_registered_participant(person))
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
