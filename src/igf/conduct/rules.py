"""Who may read the code, report a concern and handle reports; whether a person must accept
the code or is suspended before contributing."""

from __future__ import annotations

import datetime as dt

import rules
from django.conf import settings
from django.utils import timezone

from igf.conduct.enums import Outcome
from igf.conduct.models import Acceptance, Action, Code
from igf.core.rules import grant_model_permissions, is_secretariat, is_signed_in
from igf.people.models import Person

# Reports are confidential to the conduct officers: the secretariat is not one by office.
is_conduct_officer = is_signed_in & rules.is_group_member(settings.IGF_CONDUCT_OFFICERS_GROUP)

can_report_concern = is_signed_in
can_handle_reports = is_conduct_officer

rules.add_perm("conduct.report_concern", can_report_concern)
rules.add_perm("conduct.accept_code", is_signed_in)
rules.add_perm("conduct.handle_reports", can_handle_reports)


def current_code() -> Code | None:
    """The newest published version of the code, if the forum has published one."""
    return Code.objects.filter(published__lte=timezone.now()).order_by("-version").first()


def must_accept(person: Person) -> bool:
    """Whether `person` must accept the current code before their next contribution."""
    code = current_code()
    if code is None:
        return False
    return not Acceptance.objects.filter(person=person, code=code).exists()


def suspended_until(person: Person) -> dt.date | None:
    """The last day of `person`'s suspension from contributing, or None if they may."""
    action = (
        Action.objects.filter(
            outcome=Outcome.SUSPENDED,
            report__reported_person=person,
            suspended_until__gte=timezone.localdate(),
        )
        .order_by("-suspended_until")
        .first()
    )
    return action.suspended_until if action else None


# The secretariat publishes new versions of the code in the admin (reports are not there).
grant_model_permissions(
    "conduct",
    is_secretariat,
    {"code": ("view", "add", "change"), "codetext": ("view", "add", "change", "delete")},
)
