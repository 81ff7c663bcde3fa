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
}
