"""The forum's rules on its code of conduct: publishing versions, accepting them, reporting a
concern and handling a report."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from igf.conduct.enums import Outcome, ReportKind, ReportStatus
from igf.conduct.models import Acceptance, Action, Code, CodeText, Report
from igf.conduct.queries import HIDEABLE
from igf.conduct.rules import current_code, suspended_until
from igf.core.activity import record_activity
from igf.core.errors import NotAllowed, Refused
from igf.core.notify import notify
from igf.people.models import Person, User


class ConductError(Refused):
    """A step in handling the code of conduct the forum's rules refuse."""


class Suspended(NotAllowed):
    """The person's participation is suspended under the code of conduct."""


def check_may_contribute(person: Person) -> None:
    """Refuse a contribution from a person whose participation is suspended."""
    until = suspended_until(person)
    if until is not None:
        raise Suspended(
            _(
                "Your participation is suspended under the code of conduct until %(date)s. "
                "You can still read everything."
            )
            % {"date": formats.date_format(until, "DATE_FORMAT")}
        )


@transaction.atomic
def publish_code(*, by: User | None, texts: dict[str, tuple[str, str]], changes: str = "") -> Code:
    """Publish a new version of the code, with its title and text per language.

    Everyone must accept it before their next contribution. Side effects: one public
    activity entry.
    """
    if "en" not in texts:
        raise ConductError(_("The code needs at least its English text."))
    latest = Code.objects.order_by("-version").first()
    code = Code.objects.create(
        version=(latest.version + 1) if latest else 1, published=timezone.now(), changes=changes
    )
    CodeText.objects.bulk_create(
        CodeText(code=code, language=language, title=title, body=body)
        for language, (title, body) in texts.items()
    )
    record_activity(by=by, verb="conduct.code_published", target=code, public=True)
    return code


@transaction.atomic
def accept_code(*, by: User, code: Code | None = None) -> Acceptance | None:
    """Record that `by` accepts `code` (the current version by default); accepting twice is
    harmless. Side effects: none beyond the acceptance itself (it is in the person's export)."""
    code = code or current_code()
    if code is None:
        return None
    acceptance, _created = Acceptance.objects.get_or_create(person=by.person, code=code)
    return acceptance


def author_of(subject: models.Model) -> Person | None:
    """The person a piece of content is by (or the person of a profile), if any."""
    if isinstance(subject, Person):
        return subject
    author = getattr(subject, "author", None)
    if isinstance(author, User):
        return author.person
    # An opinion statement's author is a participant of its conversation, who has a person.
    author = getattr(author, "person", author)
    return author if isinstance(author, Person) else None


@transaction.atomic
def report_concern(
    *,
    by: User,
    description: str,
    subject: models.Model | None = None,
    meeting: str = "",
    occurred: dt.datetime | None = None,
) -> Report:
    """Send a confidential report about a piece of content, a profile or conduct in a meeting
    to the conduct officers.

    Side effects: one private activity entry that names neither the reporter nor the subject.
    """
    if not description.strip():
        raise ConductError(_("Say what happened."), field="description")
    if subject is None and not meeting.strip():
        raise ConductError(_("Say which meeting it happened in."), field="meeting")
    if occurred is not None and occurred > timezone.now():
        raise ConductError(_("This time is still to come."), field="occurred")
    report = Report(
        kind=ReportKind.CONTENT if subject is not None and not meeting else ReportKind.MEETING,
        reporter=by.person,
        description=description.strip(),
        meeting=meeting.strip(),
        occurred=occurred,
    )
    if subject is not None:
        report.subject_type = ContentType.objects.get_for_model(subject)
        report.subject_id = subject.pk
        report.subject_label = str(subject)[:300]
        report.reported_person = author_of(subject)
    report.save()
    record_activity(by=None, verb="conduct.report_received", target=None)
    return report


@transaction.atomic
def handle_report(
    *,
    by: User,
    report: Report,
    outcome: str,
    reasons: str,
    until: dt.date | None = None,
) -> Action:
    """Record what a conduct officer did about a report, with the reasons.

    Hiding takes the content off every page that consults `queries.hidden_ids`; a
    suspension refuses the reported person's contributions until the date. Side effects: the
    report is marked handled; the reporter is told it was handled (not how); the reported
    person is told of a warning, hidden content or a suspension; one private activity entry.
    """
    if not reasons.strip():
        raise ConductError(_("Give the reasons for what was done."), field="reasons")
    hideable = report.subject_type is not None and (
        f"{report.subject_type.app_label}.{report.subject_type.model}" in HIDEABLE
    )
    if outcome == Outcome.HIDDEN and not hideable:
        raise ConductError(
            _("This report is not about content that can be hidden."), field="outcome"
        )
    if outcome in {Outcome.WARNING, Outcome.SUSPENDED} and report.reported_person is None:
        raise ConductError(_("This report names no participant."), field="outcome")
    if outcome == Outcome.SUSPENDED:
        if until is None or until < timezone.localdate():
            raise ConductError(
                _("Give the last day of the suspension, today or later."), field="until"
            )
    else:
        until = None
    action = Action.objects.create(
        report=report, outcome=outcome, reasons=reasons.strip(), suspended_until=until, by=by
    )
    report.status = ReportStatus.HANDLED
    report.save(update_fields=["status"])
    record_activity(by=None, verb="conduct.report_handled", target=None)
    if report.reporter is not None:
        notify(report.reporter, "conduct/email/handled", {"report": report})
    if outcome != Outcome.NO_ACTION and report.reported_person is not None:
        notify(report.reported_person, "conduct/email/action", {"action": action, "report": report})
    return action
