"""Who may keep the books: the finance role records entries, and a second member of it (never
the one who recorded) approves those above a fund's threshold. Everyone reads the public
ledger."""

from __future__ import annotations

import rules

from igf.core.rules import grant_model_permissions, is_secretariat, is_signed_in, is_superuser

FINANCE_GROUP = "Finance"

is_finance = is_signed_in & (is_superuser | rules.is_group_member(FINANCE_GROUP))


@rules.predicate
def is_not_recorder(user: object, entry: object) -> bool:
    return getattr(entry, "recorded_by_id", None) != getattr(user, "pk", None)


@rules.predicate
def is_pending(user: object, entry: object) -> bool:
    return getattr(entry, "status", None) == "pending"


can_approve_entry = is_finance & is_pending & is_not_recorder


@rules.predicate
def is_awardee(user: object, award: object) -> bool:
    application = getattr(award, "application", None)
    return application is not None and application.applicant_id == getattr(user, "pk", None)


rules.add_perm("funding.view_books", is_finance | is_secretariat)
rules.add_perm("funding.record_entry", is_finance)
rules.add_perm("funding.approve_entry", can_approve_entry)
rules.add_perm("funding.reverse_entry", is_finance)
rules.add_perm("funding.apply", is_signed_in)
rules.add_perm("funding.decide_awards", is_secretariat)
rules.add_perm("funding.file_trip_report", is_signed_in & is_awardee)

# Funds and donors are set up in the admin; entries only ever through the books' pages.
grant_model_permissions(
    "funding",
    is_finance,
    {
        "fund": ("view", "add", "change"),
        "donor": ("view", "add", "change"),
        "budget": ("view", "add", "change"),
        "supportcall": ("view", "add", "change"),
        "entry": ("view",),
        "pledge": ("view",),
        "agreement": ("view",),
    },
)
grant_model_permissions(
    "funding",
    is_secretariat,
    {"supportcall": ("view", "add", "change"), "application": ("view", "change")},
)
