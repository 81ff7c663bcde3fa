"""The bodies app's part of a person's data export and of their erasure."""

from __future__ import annotations

from typing import Any

from igf.bodies.enums import NominationStatus
from igf.bodies.models import Membership, Nomination, Subscription
from igf.people.models import Person


def export_bodies(person: Person) -> dict[str, Any]:
    return {
        "memberships": [
            {
                "body": m.body.name,
                "role": m.role,
                "start": m.start.isoformat(),
                "end": m.end.isoformat() if m.end else None,
            }
            for m in Membership.objects.filter(person=person).select_related("body")
        ],
        "nominations": [
            {
                "call": n.call.title,
                "status": n.status,
                "expertise": n.expertise,
                "motivation": n.motivation,
            }
            for n in Nomination.objects.filter(nominee=person).select_related("call")
        ],
        "mailing_lists": [
            s.body.name
            for s in Subscription.objects.filter(person=person, active=True).select_related("body")
        ],
    }


def erase_from_bodies(*, person: Person, **kwargs: Any) -> None:
    """Memberships are the public record and stay; candidacies that were not selected and
    list subscriptions are personal and go."""
    Nomination.objects.filter(nominee=person).exclude(status=NominationStatus.SELECTED).delete()
    Subscription.objects.filter(person=person).delete()
