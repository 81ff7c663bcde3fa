"""Pages of the meeting's outcomes: a session's report, the compliance of reports, a
session's logistics (staff), transcripts and participation statistics."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required
from igf.meetings import transcripts as transcript_reader
from igf.meetings.forms import TranscriptForm
from igf.outcomes import archive, queries, services
from igf.outcomes.deadlines import full_deadline, short_deadline
from igf.outcomes.enums import ReportState
from igf.outcomes.forms import (
    REPORT_GENDERS,
    FullReportForm,
    LinkForm,
    SessionForm,
    ShortReportForm,
    TranscriptSearchForm,
)
from igf.outcomes.models import SessionTranscript
from igf.people.models import User
from igf.programme.enums import Attendance
from igf.programme.models import AnnualMeeting, Session
from igf.schedule import queries as schedule_queries

MEETING = Load(schedule_queries.get_meeting_for_schedule, "slug", viewer=True)
SESSION = Load(schedule_queries.get_session)


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("outcomes.write_report", SESSION)
def session_report(request: HttpRequest, session: Session) -> HttpResponse:
    report = queries.report_of(session)
    part = request.POST.get("part", "") if request.method == "POST" else ""
    submit = request.POST.get("submit") == "1"
    short = ShortReportForm(
        request.POST if part == "short" else None,
        initial={
            "key_takeaways": report.key_takeaways if report else "",
            "calls_to_action": report.calls_to_action if report else "",
        },
    )
    full = FullReportForm(
        request.POST if part == "full" else None, initial=FullReportForm.initial_from(report)
    )
    if part == "short" and short.is_valid():
        try:
            services.save_short_report(
                by=_user(request),
                session=session,
                key_takeaways=short.cleaned_data["key_takeaways"],
                calls_to_action=short.cleaned_data["calls_to_action"],
                submit=submit,
            )
        except Refused as error:
            add_refusal(short, error)
        else:
            messages.success(
                request,
                _("The short report is submitted.") if submit else _("The short report is saved."),
            )
            return redirect("outcomes:session_report", pk=session.pk)
    if part == "full" and full.is_valid():
        try:
            services.save_full_report(
                by=_user(request),
                session=session,
                summary=full.cleaned_data["summary"],
                onsite_participants=full.cleaned_data["onsite_participants"],
                online_participants=full.cleaned_data["online_participants"],
                participation=full.participation(),
                links=full.cleaned_data["links"],
                submit=submit,
            )
        except Refused as error:
            add_refusal(full, error)
        else:
            messages.success(
                request,
                _("The full report is submitted.") if submit else _("The full report is saved."),
            )
            return redirect("outcomes:session_report", pk=session.pk)
    end = queries.session_end(session)
    now = timezone.now()
    return render(
        request,
        "outcomes/report_form.html",
        {
            "session": session,
            "report": report,
            "short": short,
            "full": full,
            "short_deadline": short_deadline(end, report.short_submitted if report else None, now)
            if end
            else None,
            "full_deadline": full_deadline(end, report.full_submitted if report else None, now)
            if end
            else None,
            "modes": [
                (mode, label, full.groups(mode, "gender"), full.groups(mode, "group"))
                for mode, label in Attendance.choices
            ],
            "genders": REPORT_GENDERS,
        },
    )


@require_safe
@permission_required("outcomes.view_report_compliance", MEETING, second_factor=True)
def compliance(request: HttpRequest, meeting: AnnualMeeting) -> HttpResponse:
    rows = queries.compliance(meeting, timezone.now())
    late = [r for r in rows if r.short.overdue or r.full.overdue]
    counts = queries.compliance_counts(rows)
    states = [
        (label, counts["short"].get(state, 0), counts["full"].get(state, 0))
        for state, label in ReportState.choices
    ]
    return render(
        request,
        "outcomes/compliance.html",
        {
            "meeting": meeting,
            "rows": rows,
            "late": late,
            "states": states,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("schedule.manage_schedule", SESSION, second_factor=True)
def manage_session(request: HttpRequest, session: Session) -> HttpResponse:
    action = request.POST.get("action", "") if request.method == "POST" else ""
    user = _user(request)
    form = SessionForm(
        request.POST if action == "session" else None,
        session=session,
        initial=SessionForm.initial_from(session),
    )
    link_form = LinkForm(request.POST if action == "link" else None)
    transcript_form = TranscriptForm(
        request.POST if action == "transcript" else None,
        request.FILES if action == "transcript" else None,
    )
    if action == "session" and form.is_valid():
        try:
            services.update_session(by=user, session=session, changes=form.cleaned_data)
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The session is saved."))
            return redirect("outcomes:manage_session", pk=session.pk)
    elif action == "link" and link_form.is_valid():
        services.add_link(by=user, session=session, **link_form.cleaned_data)
        messages.success(request, _("The link is added."))
        return redirect("outcomes:manage_session", pk=session.pk)
    elif action == "remove_link":
        link = queries.find_link(session, request.POST.get("link", ""))
        if link is None:
            messages.error(request, _("That link does not exist."))
        else:
            services.remove_link(by=user, link=link)
            messages.success(request, _("The link is removed."))
        return redirect("outcomes:manage_session", pk=session.pk)
    elif action == "transcript" and transcript_form.is_valid():
        try:
            services.attach_transcript(
                by=user,
                session=session,
                language=transcript_form.cleaned_data["language"],
                source_format=transcript_form.cleaned_data["source_format"],
                text=transcript_form.cleaned_data["content"],
            )
        except Refused as error:
            add_refusal(transcript_form, error)
        else:
            messages.success(request, _("The transcript is attached."))
            return redirect("outcomes:manage_session", pk=session.pk)
    return render(
        request,
        "outcomes/manage_session.html",
        {
            "session": session,
            "form": form,
            "link_form": link_form,
            "transcript_form": transcript_form,
            "links": list(session.links.all()),
            "transcripts": list(session.transcripts.all()),
            "people": list(queries.people_of(session)),
        },
    )


@require_safe
@permission_required(None, Load(queries.get_transcript, viewer=True))
def transcript(request: HttpRequest, found: SessionTranscript) -> HttpResponse:
    cues = transcript_reader.paragraphs(
        transcript_reader.Cue(c.start_ms, c.end_ms, c.speaker, c.text) for c in found.cues.all()
    )
    recording = found.session.recording_url
    rows = [
        {
            "paragraph": p,
            "stamp": transcript_reader.format_timestamp(p.start_ms)
            if p.start_ms is not None
            else "",
            "link": archive.recording_link(recording, p.start_ms),
        }
        for p in cues
    ]
    return render(
        request,
        "outcomes/transcript.html",
        {"transcript": found, "session": found.session, "rows": rows},
    )


@require_safe
@permission_required(None)
def search_transcripts(request: HttpRequest) -> HttpResponse:
    form = TranscriptSearchForm(request.GET or None)
    search, source = "", "all"
    if form.is_valid():
        search, source = form.cleaned_data["q"], form.cleaned_data["source"]
    hits = archive.search_transcripts(request.user, search, source=source)  # type: ignore[arg-type]
    return render(
        request,
        "outcomes/transcript_search.html",
        {"form": form, "search": search, "hits": hits, "limit": archive.SEARCH_LIMIT},
    )


@require_safe
@permission_required(None)
def archive_index(request: HttpRequest) -> HttpResponse:
    return render(request, "outcomes/archive.html", {"years": archive.archive_years(request.user)})


@require_safe
@permission_required(None, Load(queries.get_archived_meeting, "year", viewer=True))
def archive_year(request: HttpRequest, meeting: AnnualMeeting) -> HttpResponse:
    return render(
        request,
        "outcomes/archive_year.html",
        {"meeting": meeting, "rows": archive.archive_of_year(meeting)},
    )


@require_safe
@permission_required(None, MEETING)
def statistics(request: HttpRequest, meeting: AnnualMeeting) -> HttpResponse:
    balances = queries.registration_balance(meeting)
    reported = queries.reported_participation(meeting)
    return render(
        request,
        "outcomes/statistics.html",
        {
            "meeting": meeting,
            "onsite": balances[Attendance.ONSITE],
            "online": balances[Attendance.ONLINE],
            "reported": reported,
            "genders": REPORT_GENDERS,
            "hubs": schedule_queries.hub_count(meeting),
        },
    )
