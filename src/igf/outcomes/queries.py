"""Reads of the meeting's aftermath: who writes a session's report, when reports are due,
the compliance of a meeting, participation statistics, transcripts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from igf.core.balance import BalanceReport, Dimension, measure_balance
from igf.core.enums import StakeholderGroup
from igf.core.forms import ROW_ID_MAX
from igf.outcomes.archive import archived_meetings
from igf.outcomes.deadlines import Deadline, full_deadline, short_deadline
from igf.outcomes.models import SessionReport, SessionTranscript
from igf.people.models import Person, Viewer
from igf.people.queries import balance_subject
from igf.programme.enums import Attendance, ParticipantRole
from igf.programme.models import AnnualMeeting, Session, SessionLink, SessionPerson
from igf.schedule import queries as schedule_queries
from igf.schedule.queries import registrations
from igf.schedule.rules import can_view_session

REPORT_ROLES = (ParticipantRole.ORGANISER, ParticipantRole.RAPPORTEUR)
STATISTICS_DIMENSIONS = (Dimension.STAKEHOLDER_GROUP, Dimension.REGION, Dimension.GENDER)


def report_writers(session: Session) -> list[Person]:
    """Who is asked for the report: organisers and rapporteurs with an account, and the
    proposers of the session's proposals."""
    people = Person.objects.filter(
        Q(session_roles__session=session, session_roles__role__in=REPORT_ROLES)
        | Q(proposals__session=session),
        erased__isnull=True,
    ).select_related("user")
    return list(people.distinct().order_by("pk"))


def report_of(session: Session) -> SessionReport | None:
    return SessionReport.objects.filter(session=session).first()


def session_end(session: Session) -> datetime | None:
    """When the session ends in the published schedule (None when not published)."""
    placement = schedule_queries.release_placements(
        schedule_queries.latest_release(session.meeting)
    ).get(session.pk)
    return placement.end if placement is not None else None


@dataclass(frozen=True)
class ComplianceRow:
    session: Session
    end: datetime
    short: Deadline
    full: Deadline
    writers: tuple[str, ...]


def compliance(meeting: AnnualMeeting, now: datetime) -> list[ComplianceRow]:
    """Every published session of the meeting with the state of its two reports."""
    placements = schedule_queries.release_placements(schedule_queries.latest_release(meeting))
    sessions = (
        Session.objects.filter(pk__in=placements)
        .select_related("report", "session_type")
        .prefetch_related("people__person")
    )
    rows = []
    for session in sessions:
        report: SessionReport | None = getattr(session, "report", None)
        end = placements[session.pk].end
        writers = tuple(
            row.display_name for row in session.people.all() if row.role in REPORT_ROLES
        )
        rows.append(
            ComplianceRow(
                session=session,
                end=end,
                short=short_deadline(end, report.short_submitted if report else None, now),
                full=full_deadline(end, report.full_submitted if report else None, now),
                writers=writers,
            )
        )
    rows.sort(key=lambda r: (r.end, r.session.title))
    return rows


def compliance_counts(rows: Iterable[ComplianceRow]) -> dict[str, Counter[str]]:
    return {
        "short": Counter(r.short.state for r in rows),
        "full": Counter(r.full.state for r in rows),
    }


# --- Participation ---------------------------------------------------------------------------


def registration_balance(meeting: AnnualMeeting) -> dict[str, BalanceReport]:
    """Registered participants onsite and online, by stakeholder group, region and gender
    (gender only for those who consented to be counted)."""
    by_mode: dict[str, list[Any]] = {Attendance.ONSITE: [], Attendance.ONLINE: []}
    for registration in registrations(meeting):
        by_mode.setdefault(registration.attendance, []).append(balance_subject(registration.person))
    categories = {Dimension.STAKEHOLDER_GROUP: StakeholderGroup.values}
    return {
        mode: measure_balance(subjects, dimensions=STATISTICS_DIMENSIONS, categories=categories)
        for mode, subjects in by_mode.items()
    }


@dataclass(frozen=True)
class ReportedParticipation:
    """What the full session reports declare: people in the rooms and online."""

    reports: int
    onsite: int
    online: int
    by_gender: dict[str, dict[str, int]]
    by_group: dict[str, dict[str, int]]


def reported_participation(meeting: AnnualMeeting) -> ReportedParticipation:
    reports = SessionReport.objects.filter(
        session__meeting=meeting, full_submitted__isnull=False
    ).only("onsite_participants", "online_participants", "participation")
    onsite = online = count = 0
    gender: dict[str, Counter[str]] = {Attendance.ONSITE: Counter(), Attendance.ONLINE: Counter()}
    groups: dict[str, Counter[str]] = {Attendance.ONSITE: Counter(), Attendance.ONLINE: Counter()}
    for report in reports:
        count += 1
        onsite += report.onsite_participants
        online += report.online_participants
        for mode in (Attendance.ONSITE, Attendance.ONLINE):
            data = (report.participation or {}).get(mode, {})
            for category, n in (data.get("gender") or {}).items():
                if isinstance(n, int):
                    gender[mode][category] += n
            for category, n in (data.get("stakeholder_group") or {}).items():
                if isinstance(n, int):
                    groups[mode][category] += n
    return ReportedParticipation(
        reports=count,
        onsite=onsite,
        online=online,
        by_gender={m: dict(c) for m, c in gender.items()},
        by_group={m: dict(c) for m, c in groups.items()},
    )


# --- Transcripts -----------------------------------------------------------------------------


def get_transcript(pk: int, *, viewer: Viewer) -> SessionTranscript:
    """A transcript of a session the viewer may see, else Http404."""
    transcript = SessionTranscript.objects.select_related("session__meeting").filter(pk=pk).first()
    if transcript is None or not can_view_session(viewer, transcript.session):
        raise Http404
    return transcript


def get_archived_meeting(year: int, *, viewer: Viewer) -> AnnualMeeting:
    """The annual meeting of a year in the archive (published, or any for the secretariat),
    else Http404."""
    meeting = archived_meetings(viewer).filter(year=year).first()
    if meeting is None:
        raise Http404
    return meeting


def people_of(session: Session) -> QuerySet[SessionPerson]:
    return session.people.select_related("person", "country")


def find_link(session: Session, pk: str) -> SessionLink | None:
    """A link of this session from a posted number, or None."""
    if not pk.isdigit() or int(pk) > ROW_ID_MAX:
        return None
    return session.links.filter(pk=int(pk)).first()


# --- Personal data ------------------------------------------------------------------------------


def export_outcomes_data(person: Person) -> dict[str, Any]:
    """What the outcomes hold about a person, for their data export: the reports they last
    edited and the transcripts they uploaded."""
    user = person.user
    reports = SessionReport.objects.filter(updated_by=user).select_related("session")
    transcripts = SessionTranscript.objects.filter(uploaded_by=user).select_related("session")
    return {
        "session_reports_last_edited": [
            {"session": r.session.title, "updated": r.updated.isoformat()}
            for r in reports.order_by("pk")
        ],
        "transcripts_uploaded": [
            {"session": t.session.title, "language": t.language, "uploaded": t.uploaded.isoformat()}
            for t in transcripts.order_by("pk")
        ],
    }


def reported_session_ids() -> QuerySet[SessionReport, Any]:
    """The sessions whose full report is in (`session_id` values), for the programme's
    "report on last year's session" criterion."""
    return SessionReport.objects.filter(full_submitted__isnull=False).values("session_id")
