"""What every rule of the call shares: the error a refused action raises, the fields of a
proposal, whether the call is open, and how people named only by an address are written to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.utils.translation import gettext as _

from igf.core.errors import Refused
from igf.core.notify import language_of
from igf.people.models import Person
from igf.programme.enums import (
    TemplateField,
)
from igf.programme.models import (
    Call,
    NamedParticipant,
)

INVITATION_SALT = "igf.programme.participation"
INVITATION_MAX_AGE = timedelta(days=30)
# Saving a proposal asks again those who have not answered for this long.
INVITATION_RESEND_AFTER = timedelta(days=7)

PROPOSAL_FIELDS = (
    "title",
    "language",
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


class ProgrammeError(Refused):
    """A rule of the programme refuses the action (409): the message is translated, for the
    person, and `reasons` lists every failure behind it (each criterion a proposal misses)."""

    def __init__(
        self, message: Any, reasons: Sequence[Any] = (), *, field: str | None = None
    ) -> None:
        super().__init__(message, field=field)
        self.reasons = tuple(reasons)


def closed_message(call: Call) -> str:
    return _("The call is not open: it accepts proposals from %(opens)s to %(closes)s (UTC).") % {
        "opens": f"{call.opens:%Y-%m-%d %H:%M}",
        "closes": f"{call.closes:%Y-%m-%d %H:%M}",
    }


def require_open(call: Call, now: datetime | None) -> None:
    if not call.is_open(now):
        raise ProgrammeError(closed_message(call))


@dataclass
class Address:
    """The account part of an `Addressee`: the address typed into the proposal."""

    email: str
    is_active: bool = True
    language: str = ""


@dataclass
class Addressee:
    """Someone named in a proposal or a session, as `notify()` writes to them: at the address
    the proposers typed, in the language and time zone of their account when they have one,
    else in the language of the person who named them."""

    user: Address
    timezone: str = ""
    languages: list[str] = field(default_factory=list)
    erased: Any = None
    public_name: str = ""


def addressee(row: NamedParticipant, *, named_by: Person) -> Addressee:
    """How to write to a person named in a proposal or a session (see `Addressee`)."""
    person: Person | None = row.person
    if person is None:
        return Addressee(
            user=Address(row.email, language=language_of(named_by)), public_name=row.name
        )
    user = person.user
    return Addressee(
        user=Address(row.email, is_active=user.is_active, language=user.language),
        timezone=person.timezone,
        languages=list(person.languages or []),
        erased=person.erased,
        public_name=row.name or person.public_name,
    )
