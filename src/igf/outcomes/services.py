"""The rules of the meeting's aftermath: session reports and their reminders, a session's
logistics, links, recording and transcripts, and registrations. Every change goes through a
function here."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from igf.core.activity import record_activity
from igf.core.errors import Refused
from igf.core.notify import notify
from igf.meetings import transcripts
from igf.outcomes import queries
from igf.outcomes.deadlines import (
    FULL_REMINDER_BEFORE,
    FULL_REPORT_WITHIN,
    SHORT_REMINDER_BEFORE,
    SHORT_REPORT_WITHIN,
    full_deadline,
    reminder_due,
    short_deadline,
)
from igf.outcomes.models import SessionCue, SessionReport, SessionTranscript
from igf.people.models import User
from igf.programme.enums import Attendance
from igf.programme.models import AnnualMeeting, Session, SessionLink
from igf.schedule import queries as schedule_queries

LOGISTICS_FIELDS = (
    "expected_attendance",
    "hybrid",
    "languages",
    "interpretation",
    "captioning",
    "join_url",
    "recording_url",
    "track",
    "feeds",
)


def _report(session: Session) -> SessionReport:
    report, _created = SessionReport.objects.get_or_create(session=session)
    return report


def _changed(session: Session) -> None:
    schedule_queries.bump_generation(session.meeting.slug)


@transaction.atomic
def save_short_report(
    *,
    by: User,
    session: Session,
    key_takeaways: str,
    calls_to_action: str,
    submit: bool,
    now: datetime | None = None,
) -> SessionReport:
    """Save the short report (key takeaways, calls to action); with `submit`, record it as
    submitted (the first submission's time counts for the deadline).

    Side effects: history; the report appears on the session's page once submitted; one
    public activity entry on first submission, private otherwise.
    """
    if submit and not (key_takeaways.strip() and calls_to_action.strip()):
        raise Refused(
            _("Give the key takeaways and the calls to action to submit the short report.")
        )
    report = _report(session)
    report.key_takeaways = key_takeaways.strip()
    report.calls_to_action = calls_to_action.strip()
    report.updated_by = by
    first = submit and report.short_submitted is None
    if first:
        report.short_submitted = now or timezone.now()
    report.save(
        update_fields=[
            "key_takeaways",
            "calls_to_action",
            "updated_by",
            "short_submitted",
            "updated",
        ]
    )
    record_activity(
        by=by,
        verb="report.short_submitted" if first else "report.saved",
        target=session,
        public=first,
    )
    _changed(session)
    return report


def clean_participation(data: Mapping[str, Any]) -> dict[str, dict[str, dict[str, int]]]:
    """Only known modes and dimensions, and counts that are whole numbers of at least zero."""
    cleaned: dict[str, dict[str, dict[str, int]]] = {}
    for mode in (Attendance.ONSITE, Attendance.ONLINE):
        per_mode = data.get(mode) or {}
        cleaned[mode] = {}
        for dimension in ("gender", "stakeholder_group"):
            counts = per_mode.get(dimension) or {}
            cleaned[mode][dimension] = {
                str(k): int(v)
                for k, v in counts.items()
                if isinstance(v, int) and not isinstance(v, bool) and v > 0
            }
    return cleaned


@transaction.atomic
def save_full_report(
    *,
    by: User,
    session: Session,
    summary: str,
    onsite_participants: int,
    online_participants: int,
    participation: Mapping[str, Any],
    links: str,
    submit: bool,
    now: datetime | None = None,
) -> SessionReport:
    """Save the full report (summary, participation onsite and online by gender and
    stakeholder group, links); with `submit`, record it as submitted.

    Side effects: history; one public activity entry on first submission, private otherwise.
    """
    if submit and not summary.strip():
        raise Refused(
            _("Write the summary of the discussion to submit the full report."), field="summary"
        )
    if onsite_participants < 0 or online_participants < 0:
        raise Refused(_("Participation counts cannot be negative."))
    report = _report(session)
    report.summary = summary.strip()
    report.onsite_participants = onsite_participants
    report.online_participants = online_participants
    report.participation = clean_participation(participation)
    report.links = "\n".join(line.strip() for line in links.splitlines() if line.strip())
    report.updated_by = by
    first = submit and report.full_submitted is None
    if first:
        report.full_submitted = now or timezone.now()
    report.save(
        update_fields=[
            "summary",
            "onsite_participants",
            "online_participants",
            "participation",
            "links",
            "updated_by",
            "full_submitted",
            "updated",
        ]
    )
    record_activity(
        by=by,
        verb="report.full_submitted" if first else "report.saved",
        target=session,
        public=first,
    )
    _changed(session)
    return report


def send_report_reminders(now: datetime | None = None) -> int:
    """E-mail the organisers and rapporteurs of published sessions whose short report is due
    within four hours, or whose full report is due within three days, once each.

    Returns how many e-mails are written. Side effects: the session's reminder times; the
    e-mails through `notify` (each person's language and time zone), sent at once when run
    as the periodic task, after the commit inside a transaction.
    """
    now = now or timezone.now()
    written = 0
    for meeting in AnnualMeeting.objects.filter(published=True, releases__isnull=False).distinct():
        placements = schedule_queries.release_placements(schedule_queries.latest_release(meeting))
        sessions = Session.objects.filter(pk__in=placements, meeting=meeting).select_related(
            "report"
        )
        for session in sessions:
            end = placements[session.pk].end
            report: SessionReport | None = getattr(session, "report", None)
            for part in ("short", "full"):
                within = SHORT_REPORT_WITHIN if part == "short" else FULL_REPORT_WITHIN
                before = SHORT_REMINDER_BEFORE if part == "short" else FULL_REMINDER_BEFORE
                submitted = getattr(report, f"{part}_submitted", None) if report else None
                reminded = getattr(session, f"{part}_reminder_sent")
                if not reminder_due(
                    end,
                    within=within,
                    before=before,
                    submitted=submitted,
                    reminded=reminded,
                    now=now,
                ):
                    continue
                deadline = (short_deadline if part == "short" else full_deadline)(end, None, now)
                for person in queries.report_writers(session):
                    written += notify(
                        person,
                        f"outcomes/email/report_{part}_reminder",
                        {"session": session, "due": deadline.due},
                    )
                setattr(session, f"{part}_reminder_sent", now)
                session.save(update_fields=[f"{part}_reminder_sent"])
    return written


# --- A session's logistics, links, recording and transcripts ----------------------------------


@transaction.atomic
def update_session(*, by: User, session: Session, changes: Mapping[str, Any]) -> Session:
    """Change what the schedule and the session page need: attendance, hybrid room,
    languages, interpretation, captions, join link, recording, track, the session it feeds.

    Side effects: history; the public pages are refreshed; when a published session's join
    link changes, the static snapshot is rewritten; one private activity entry.
    """
    unknown = set(changes) - set(LOGISTICS_FIELDS)
    if unknown:
        raise ValueError(f"Not session fields: {sorted(unknown)}")
    feeds = changes.get("feeds", session.feeds)
    if feeds is not None and (feeds.pk == session.pk or feeds.meeting_id != session.meeting_id):
        raise Refused(
            _("A session can only feed another session of the same meeting."), field="feeds"
        )
    track = changes.get("track", session.track)
    if track is not None and track.meeting_id != session.meeting_id:
        raise Refused(_("Choose a track of this meeting."), field="track")
    link_changed = "join_url" in changes and changes["join_url"] != session.join_url
    changed = [name for name, value in changes.items() if getattr(session, name) != value]
    for name in changed:
        setattr(session, name, changes[name])
    if changed:
        session.save(update_fields=changed)
        record_activity(by=by, verb="session.updated", target=session, data={"fields": changed})
        _changed(session)
        if link_changed and session.pk in schedule_queries.released_session_ids(session.meeting):
            from igf.schedule.snapshot import write_snapshot  # noqa: PLC0415

            meeting = session.meeting
            transaction.on_commit(lambda: write_snapshot(meeting))
    return session


@transaction.atomic
def add_link(*, by: User, session: Session, kind: str, title: str, url: str) -> SessionLink:
    """Link a document or page from the session's page. Side effects: activity."""
    order = session.links.count()
    link = SessionLink.objects.create(
        session=session, kind=kind, title=title.strip(), url=url.strip(), order=order
    )
    record_activity(by=by, verb="session.link_added", target=session)
    _changed(session)
    return link


@transaction.atomic
def remove_link(*, by: User, link: SessionLink) -> None:
    session = link.session
    link.delete()
    record_activity(by=by, verb="session.link_removed", target=session)
    _changed(session)


@transaction.atomic
def attach_transcript(
    *, by: User, session: Session, language: str, source_format: str, text: str
) -> SessionTranscript:
    """Read a transcript (WebVTT, SRT or text, with the meetings app's reader) into cues;
    it replaces one in the same language.

    Raises `igf.meetings.transcripts.TranscriptError` when the text cannot be read.
    Side effects: one public activity entry.
    """
    cues = transcripts.parse(text, source_format)
    if not cues:
        raise transcripts.TranscriptError(_("The transcript has no text."))
    SessionTranscript.objects.filter(session=session, language=language).delete()
    transcript = SessionTranscript.objects.create(
        session=session, language=language, source_format=source_format, uploaded_by=by
    )
    SessionCue.objects.bulk_create(
        SessionCue(transcript=transcript, **row) for row in transcripts.rows(cues)
    )
    record_activity(by=by, verb="session.transcript_attached", target=session, public=True)
    _changed(session)
    return transcript
