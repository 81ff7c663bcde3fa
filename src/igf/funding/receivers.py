"""What the funding app does when a person leaves the forum (`people.signals.person_erased`):
their applications keep the amounts, the award and its payment in the ledger (the books never
lose an amount), and the country and stakeholder group counted in published aggregates; what
they wrote, their recommender, gender, preferences and trip report go."""

from __future__ import annotations

from typing import Any

from igf.funding.models import Application, Award
from igf.people.models import Person


def scrub_erased_person(*, person: Person, **kwargs: Any) -> None:
    Application.objects.filter(applicant=person.user).update(
        motivation="",
        give_back="",
        recommender_name="",
        recommender_email="",
        gender="",
        preferences=[],
    )
    Award.objects.filter(application__applicant=person.user).update(trip_report="")
