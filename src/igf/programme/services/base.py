"""What every rule of the call shares: the error a refused action raises, the fields of a
proposal, whether the call is open."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.utils.translation import gettext as _

from igf.programme.enums import (
    TemplateField,
)
from igf.programme.models import (
    Call,
)

INVITATION_SALT = "igf.programme.participation"
INVITATION_MAX_AGE = timedelta(days=30)
# Saving a proposal asks again those who have not answered for this long.
INVITATION_RESEND_AFTER = timedelta(days=7)

PROPOSAL_FIELDS = (
    "title",
    "theme",
    "description",
    "expected_outcomes",
    "format",
    "interaction",
    "sdgs",
    "focus",
    "duration",
    "accessibility",
    "languages",
    "previous_report",
)
# The parts a template asks that a submitted proposal must have filled in.
REQUIRED_WHEN_ASKED: dict[str, tuple[str, ...]] = {
    TemplateField.THEME: ("theme",),
    TemplateField.DESCRIPTION: ("description",),
    TemplateField.EXPECTED_OUTCOMES: ("expected_outcomes",),
    TemplateField.FORMAT: ("format", "interaction"),
    TemplateField.FOCUS: ("focus",),
    TemplateField.DURATION: ("duration",),
}


class ProgrammeError(Exception):
    """A rule of the call refuses the action; the message is translated, for the person."""

    def __init__(self, message: str, reasons: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.reasons = tuple(reasons)


def closed_message(call: Call) -> str:
    return _("The call is not open: it accepts proposals from %(opens)s to %(closes)s (UTC).") % {
        "opens": f"{call.opens:%Y-%m-%d %H:%M}",
        "closes": f"{call.closes:%Y-%m-%d %H:%M}",
    }


def require_open(call: Call, now: datetime | None) -> None:
    if not call.is_open(now):
        raise ProgrammeError(closed_message(call))


def site_url(given: str = "") -> str:
    """The address links in e-mails start with: the page's own address when a person acts,
    else the IGF_SITE_URL setting (local by default)."""
    return (given or str(getattr(settings, "IGF_SITE_URL", "http://127.0.0.1:8000"))).rstrip("/")
