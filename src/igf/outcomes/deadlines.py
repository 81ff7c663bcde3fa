"""When a session's reports are due, and whether they came in on time (no Django)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

SHORT_REPORT_WITHIN = timedelta(hours=24)
FULL_REPORT_WITHIN = timedelta(days=14)
# Reminders go out this long before each deadline.
SHORT_REMINDER_BEFORE = timedelta(hours=4)
FULL_REMINDER_BEFORE = timedelta(days=3)
# Nobody is reminded of a report more than this long overdue (the compliance page lists it):
# the first run of the reminders on an old database must not write about years-old sessions.
REMINDERS_STOP_AFTER = timedelta(days=7)

NOT_DUE, DUE, ON_TIME, LATE, MISSING = "not_due", "due", "on_time", "late", "missing"


@dataclass(frozen=True, slots=True)
class Deadline:
    due: datetime
    submitted: datetime | None
    state: str

    @property
    def overdue(self) -> bool:
        return self.state in (LATE, MISSING)


def deadline(
    session_end: datetime, within: timedelta, submitted: datetime | None, now: datetime
) -> Deadline:
    """The state of one report: not due yet (the session has not ended), due (the session
    ended, the deadline has not passed), on time, late (submitted after the deadline) or
    missing (not submitted, deadline passed)."""
    due = session_end + within
    if submitted is not None:
        return Deadline(due, submitted, ON_TIME if submitted <= due else LATE)
    if now < session_end:
        return Deadline(due, None, NOT_DUE)
    return Deadline(due, None, DUE if now <= due else MISSING)


def short_deadline(session_end: datetime, submitted: datetime | None, now: datetime) -> Deadline:
    return deadline(session_end, SHORT_REPORT_WITHIN, submitted, now)


def full_deadline(session_end: datetime, submitted: datetime | None, now: datetime) -> Deadline:
    return deadline(session_end, FULL_REPORT_WITHIN, submitted, now)


def reminder_due(
    session_end: datetime,
    *,
    within: timedelta,
    before: timedelta,
    submitted: datetime | None,
    reminded: datetime | None,
    now: datetime,
) -> bool:
    """Remind once, from `before` the deadline until a week after it, if the report is still
    missing."""
    if submitted is not None or reminded is not None or now < session_end:
        return False
    due = session_end + within
    return due - before <= now <= due + REMINDERS_STOP_AFTER
