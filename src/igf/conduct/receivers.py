"""The code of conduct's part of a person's data export, and of their erasure."""

from __future__ import annotations

from typing import Any

from igf.conduct.models import Acceptance, Action, Report
from igf.people.models import Person


def export_section(person: Person) -> dict[str, Any]:
    """Versions accepted, reports made (with their status), and decisions about the person.

    Who reported the person is not theirs to know and is left out.
    """
    return {
        "accepted_versions": [
            {"version": a.code.version, "accepted": a.accepted.isoformat()}
            for a in Acceptance.objects.filter(person=person).select_related("code")
        ],
        "reports_made": [
            {
                "created": r.created.isoformat(),
                "about": r.subject_label,
                "meeting": r.meeting,
                "occurred": r.occurred.isoformat() if r.occurred else None,
                "description": r.description,
                "status": r.status,
            }
            for r in Report.objects.filter(reporter=person)
        ],
        "decisions_about_me": [
            {
                "created": a.created.isoformat(),
                "outcome": a.outcome,
                "reasons": a.reasons,
                "suspended_until": a.suspended_until.isoformat() if a.suspended_until else None,
            }
            for a in Action.objects.filter(report__reported_person=person).exclude(
                outcome="no_action"
            )
        ],
    }


def scrub_erased_person(sender: object, person: Person, **kwargs: Any) -> None:
    """people.signals.person_erased: acceptances go; the reports stay for the record of what
    the officers decided, without the link to the person who left (either side)."""
    Acceptance.objects.filter(person=person).delete()
    Report.objects.filter(reporter=person).update(reporter=None)
    Report.objects.filter(reported_person=person).update(reported_person=None)
