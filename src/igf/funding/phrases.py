"""Translated sentences of the books' activity."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

# Whole sentences per activity verb: with a named actor, and done by the platform.
ACTIVITY: dict[str, tuple[Promise, Promise]] = {
    "funding.entry_recorded": (
        gettext_lazy("%(actor)s recorded the ledger entry %(object)s."),
        gettext_lazy("The ledger entry %(object)s was recorded."),
    ),
    "funding.entry_approved": (
        gettext_lazy("%(actor)s approved the ledger entry %(object)s."),
        gettext_lazy("The ledger entry %(object)s was approved."),
    ),
    "funding.entry_reversed": (
        gettext_lazy("%(actor)s reversed the ledger entry %(object)s."),
        gettext_lazy("The ledger entry %(object)s was reversed."),
    ),
    "funding.pledge_recorded": (
        gettext_lazy("%(actor)s recorded the pledge %(object)s."),
        gettext_lazy("The pledge %(object)s was recorded."),
    ),
    "funding.agreement_recorded": (
        gettext_lazy("%(actor)s recorded the agreement %(object)s."),
        gettext_lazy("The agreement %(object)s was recorded."),
    ),
    "funding.application_started": (
        gettext_lazy("%(actor)s started an application to %(object)s."),
        gettext_lazy("An application to %(object)s was started."),
    ),
    "funding.application_submitted": (
        gettext_lazy("%(actor)s submitted the application %(object)s."),
        gettext_lazy("The application %(object)s was submitted."),
    ),
    "funding.awards_decided": (
        gettext_lazy("%(actor)s decided the awards of %(object)s."),
        gettext_lazy("The awards of %(object)s were decided."),
    ),
    "funding.trip_report_filed": (
        gettext_lazy("%(actor)s filed the trip report of %(object)s."),
        gettext_lazy("The trip report of %(object)s was filed."),
    ),
    "funding.applications_scored": (
        gettext_lazy("%(actor)s scored applications to %(object)s."),
        gettext_lazy("Applications to %(object)s were scored."),
    ),
    "funding.recommendation_confirmed": (
        gettext_lazy("%(actor)s confirmed the recommendation of %(object)s."),
        gettext_lazy("The recommendation of %(object)s was confirmed."),
    ),
}
