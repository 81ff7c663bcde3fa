"""Reads of the cross-year archive: every year's published sessions with their recordings,
transcripts and reports, and one transcript search over the annual meeting's sessions and
the bodies' meetings (the meetings' own search, `meetings.queries.search_transcripts`, is
reused as it is, so both pages find the same meeting passages)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils.dateparse import parse_datetime

from igf.bodies.models import Body
from igf.core.rules import is_secretariat
from igf.meetings import queries as meeting_queries
from igf.meetings.transcripts import format_timestamp
from igf.outcomes.models import SessionCue
from igf.people.models import Viewer
from igf.programme.models import AnnualMeeting, Session
from igf.schedule.models import ScheduleRelease

SEARCH_LIMIT = 50
Source = Literal["all", "sessions", "meetings"]


def recording_link(recording_url: str, start_ms: int | None) -> str:
    """An address into the recording at a passage (the media-fragment `#t=` players follow)."""
    if not recording_url or start_ms is None:
        return ""
    return f"{recording_url}#t={start_ms / 1000:g}"


def released_placements(meetings: Iterable[AnnualMeeting]) -> dict[int, dict[int, datetime]]:
    """For each meeting, its released sessions and their start, from its latest release."""
    ids = [m.pk for m in meetings]
    latest = (
        ScheduleRelease.objects.filter(meeting=OuterRef("meeting"))
        .order_by("-version")
        .values("version")[:1]
    )
    releases = ScheduleRelease.objects.filter(meeting_id__in=ids, version=Subquery(latest)).only(
        "meeting_id", "entries"
    )
    placements: dict[int, dict[int, datetime]] = {pk: {} for pk in ids}
    for release in releases:
        for key, entry in release.entries.items():
            start = parse_datetime(str(entry.get("start", "")))
            if start is not None:
                placements[release.meeting_id][int(key)] = start
    return placements


def archived_meetings(viewer: Viewer) -> QuerySet[AnnualMeeting]:
    meetings = AnnualMeeting.objects.order_by("-year")
    return meetings if is_secretariat(viewer) else meetings.filter(published=True)


@dataclass(frozen=True)
class YearSummary:
    meeting: AnnualMeeting
    sessions: int
    recordings: int
    transcripts: int
    reports: int


def archive_years(viewer: Viewer) -> list[YearSummary]:
    """Every year's meeting with how many of its published sessions have a recording, a
    transcript and a full report. A fixed number of queries, however many years."""
    meetings = list(archived_meetings(viewer))
    placements = released_placements(meetings)
    released = [pk for found in placements.values() for pk in found]
    counts = {
        row["meeting_id"]: row
        # order_by(): the model's default ordering would split the groups by title.
        for row in Session.objects.filter(pk__in=released)
        .order_by()
        .values("meeting_id")
        .annotate(
            n_sessions=Count("pk", distinct=True),
            n_recordings=Count("pk", filter=~Q(recording_url=""), distinct=True),
            n_transcripts=Count("pk", filter=Q(transcripts__isnull=False), distinct=True),
            n_reports=Count("pk", filter=Q(report__full_submitted__isnull=False), distinct=True),
        )
    }
    empty = {"n_sessions": 0, "n_recordings": 0, "n_transcripts": 0, "n_reports": 0}
    return [
        YearSummary(
            meeting=m,
            sessions=counts.get(m.pk, empty)["n_sessions"],
            recordings=counts.get(m.pk, empty)["n_recordings"],
            transcripts=counts.get(m.pk, empty)["n_transcripts"],
            reports=counts.get(m.pk, empty)["n_reports"],
        )
        for m in meetings
    ]


@dataclass(frozen=True)
class ArchivedSession:
    session: Session
    starts: datetime | None

    @property
    def has_report(self) -> bool:
        report = getattr(self.session, "report", None)
        return report is not None and report.short_submitted is not None


def archive_of_year(meeting: AnnualMeeting) -> list[ArchivedSession]:
    """A year's published sessions in the order they took place, with their recording,
    transcripts and report loaded (three queries)."""
    starts = released_placements([meeting])[meeting.pk]
    sessions = (
        Session.objects.filter(pk__in=list(starts))
        .select_related("report", "session_type")
        .prefetch_related("transcripts")
    )
    rows = [ArchivedSession(s, starts.get(s.pk)) for s in sessions]
    return sorted(
        rows,
        key=lambda r: (r.starts is None, r.starts.timestamp() if r.starts else 0, r.session.title),
    )


@dataclass(frozen=True)
class TranscriptHit:
    """One passage found in a transcript, of a session or of a body's meeting."""

    source: Literal["sessions", "meetings"]
    title: str
    context: str
    day: date | None
    transcript_url: str
    language: str
    stamp: str
    recording: str
    speaker: str
    text: str


def _visible_session_ids(viewer: Viewer) -> list[int] | None:
    """Sessions whose transcripts the viewer may search: the released sessions of published
    meetings (None: all, for the secretariat)."""
    if is_secretariat(viewer):
        return None
    placements = released_placements(AnnualMeeting.objects.filter(published=True))
    return [pk for found in placements.values() for pk in found]


def _session_hits(viewer: Viewer, search: str, limit: int) -> list[TranscriptHit]:
    cues = SessionCue.objects.filter(Q(text__icontains=search) | Q(speaker__icontains=search))
    visible = _visible_session_ids(viewer)
    if visible is not None:
        cues = cues.filter(transcript__session_id__in=visible)
    found = cues.select_related("transcript__session__meeting").order_by(
        "-transcript__session__meeting__starts", "transcript_id", "position"
    )[:limit]
    return [
        TranscriptHit(
            source="sessions",
            title=cue.transcript.session.title,
            context=cue.transcript.session.meeting.name,
            day=cue.transcript.session.meeting.starts,
            transcript_url=reverse("outcomes:transcript", kwargs={"pk": cue.transcript_id}),
            language=cue.transcript.language,
            stamp=format_timestamp(cue.start_ms) if cue.start_ms is not None else "",
            recording=recording_link(cue.transcript.session.recording_url, cue.start_ms),
            speaker=cue.speaker,
            text=cue.text,
        )
        for cue in found
    ]


def _meeting_hits(viewer: Viewer, search: str, limit: int) -> list[TranscriptHit]:
    cues = meeting_queries.search_transcripts(viewer, search, limit=limit)
    bodies = Body.objects.in_bulk({c.transcript.meeting.body_id for c in cues} - {None})
    hits = []
    for cue in cues:
        meeting = cue.transcript.meeting
        body = bodies.get(meeting.body_id) if meeting.body_id else None
        hits.append(
            TranscriptHit(
                source="meetings",
                title=meeting.title,
                context=body.name if body is not None else "",
                day=meeting.start.date(),
                transcript_url=cue.transcript.get_absolute_url(),
                language=cue.transcript.language,
                stamp=format_timestamp(cue.start_ms) if cue.start_ms is not None else "",
                recording=recording_link(meeting.recording_url, cue.start_ms),
                speaker=cue.speaker,
                text=cue.text,
            )
        )
    return hits


def search_transcripts(
    viewer: Viewer, search: str, *, source: Source = "all", limit: int = SEARCH_LIMIT
) -> list[TranscriptHit]:
    """Passages whose text or speaker matches, in the transcripts of the annual meeting's
    sessions and of the bodies' meetings the viewer may read, newest first."""
    if not search:
        return []
    hits: list[TranscriptHit] = []
    if source in {"all", "sessions"}:
        hits += _session_hits(viewer, search, limit)
    if source in {"all", "meetings"}:
        hits += _meeting_hits(viewer, search, limit)
    # Stable: passages of one transcript keep their order within the same day.
    hits.sort(key=lambda h: h.day or date.min, reverse=True)
    return hits[:limit]
