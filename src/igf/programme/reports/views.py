"""Pages of the meeting's aftermath: a session's report, the compliance of reports, a
session's logistics (staff), transcripts, registration and participation statistics."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from igf.core.permissions import permission_required
from igf.meetings import transcripts as transcript_reader
from igf.meetings.forms import TranscriptForm
from igf.people.models import User
from igf.programme.enums import Attendance, ReportState
from igf.programme.models import AnnualMeeting, Session
from igf.programme.reports import queries, services
from igf.programme.reports.deadlines import full_deadline, short_deadline
from igf.programme.reports.forms import (
    REPORT_GENDERS,
    FullReportForm,
    LinkForm,
    RegistrationForm,
    SessionForm,
    ShortReportForm,
)
from igf.programme.schedule import queries as schedule_queries
from igf.programme.schedule.views import _meeting_object, _session_object
from igf.programme.services import ProgrammeError
from igf.programme.views import second_factor_for_staff


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _exists(obj: Any) -> Any:
    if obj is None:
        raise Http404
    return obj


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("programme.write_report", fn=_session_object)
def session_report(request: HttpRequest, pk: int) -> HttpResponse:
    session = _exists(_session_object(request))
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
        except ProgrammeError as error:
            short.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("The short report is submitted.") if submit else _("The short report is saved."),
            )
            return redirect("programme:session_report", pk=session.pk)
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
        except ProgrammeError as error:
            full.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("The full report is submitted.") if submit else _("The full report is saved."),
            )
            return redirect("programme:session_report", pk=session.pk)
    end = queries.session_end(session)
    now = timezone.now()
    return render(
        request,
        "programme/reports/report_form.html",
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
@permission_required("programme.view_report_compliance")
@second_factor_for_staff
def compliance(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = schedule_queries.get_meeting_for_schedule(request.user, slug)
    rows = queries.compliance(meeting, timezone.now())
    late = [r for r in rows if r.short.overdue or r.full.overdue]
    counts = queries.compliance_counts(rows)
    states = [
        (label, counts["short"].get(state, 0), counts["full"].get(state, 0))
        for state, label in ReportState.choices
    ]
    return render(
        request,
        "programme/reports/compliance.html",
        {
            "meeting": meeting,
            "rows": rows,
            "late": late,
            "states": states,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("programme.manage_schedule")
@second_factor_for_staff
def manage_session(request: HttpRequest, pk: int) -> HttpResponse:
    session: Session = _exists(_session_object(request))
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
        except ProgrammeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The session is saved."))
            return redirect("programme:manage_session", pk=session.pk)
    elif action == "link" and link_form.is_valid():
        services.add_link(by=user, session=session, **link_form.cleaned_data)
        messages.success(request, _("The link is added."))
        return redirect("programme:manage_session", pk=session.pk)
    elif action == "remove_link":
        link_id = request.POST.get("link", "")
        link = session.links.filter(pk=int(link_id)).first() if link_id.isdigit() else None
        if link is None:
            messages.error(request, _("That link does not exist."))
        else:
            services.remove_link(by=user, link=link)
            messages.success(request, _("The link is removed."))
        return redirect("programme:manage_session", pk=session.pk)
    elif action == "transcript" and transcript_form.is_valid():
        try:
            services.attach_transcript(
                by=user,
                session=session,
                language=transcript_form.cleaned_data["language"],
                source_format=transcript_form.cleaned_data["source_format"],
                text=transcript_form.cleaned_data["content"],
            )
        except transcript_reader.TranscriptError as error:
            transcript_form.add_error(None, str(error))
        else:
            messages.success(request, _("The transcript is attached."))
            return redirect("programme:manage_session", pk=session.pk)
    return render(
        request,
        "programme/reports/manage_session.html",
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
def transcript(request: HttpRequest, pk: int) -> HttpResponse:
    found = queries.get_transcript(request.user, pk)
    cues = transcript_reader.paragraphs(
        transcript_reader.Cue(c.start_ms, c.end_ms, c.speaker, c.text) for c in found.cues.all()
    )
    return render(
        request,
        "programme/reports/transcript.html",
        {"transcript": found, "session": found.session, "paragraphs": cues},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("programme.register", fn=_meeting_object)
def register(request: HttpRequest, slug: str) -> HttpResponse:
    meeting: AnnualMeeting = _exists(_meeting_object(request))
    person = _user(request).person
    current = queries.registration_of(meeting, person)
    if request.method == "POST" and request.POST.get("cancel") == "1":
        services.cancel_registration(by=_user(request), meeting=meeting)
        messages.success(request, _("Your registration is cancelled."))
        return redirect("programme:register", slug=slug)
    form = RegistrationForm(
        request.POST if request.method == "POST" else None,
        initial={"attendance": current.attendance if current else Attendance.ONSITE},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.register(
                by=_user(request), meeting=meeting, attendance=form.cleaned_data["attendance"]
            )
        except ProgrammeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("You are registered for %(meeting)s.") % {"meeting": meeting.name}
            )
            return redirect("programme:register", slug=slug)
    return render(
        request,
        "programme/reports/register.html",
        {"meeting": meeting, "form": form, "registration": current},
    )


@require_safe
def statistics(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = schedule_queries.get_meeting_for_schedule(request.user, slug)
    balances = queries.registration_balance(meeting)
    reported = queries.reported_participation(meeting)
    return render(
        request,
        "programme/reports/statistics.html",
        {
            "meeting": meeting,
            "onsite": balances[Attendance.ONSITE],
            "online": balances[Attendance.ONLINE],
            "reported": reported,
            "genders": REPORT_GENDERS,
        },
    )
