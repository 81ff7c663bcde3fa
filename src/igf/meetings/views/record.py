"""A meeting's record: attendance, minutes, decisions and objections, action items,
written inputs to consultations, transcripts."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from igf.conduct.guards import contribution
from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required
from igf.meetings import queries, services
from igf.meetings.enums import ConsensusLevel
from igf.meetings.forms import (
    ActionItemForm,
    ActionUpdateForm,
    ApproveMinutesForm,
    AttendanceForm,
    DecisionForm,
    MinutesForm,
    ObjectionForm,
    TranscriptForm,
    TranscriptSearchForm,
    WrittenInputForm,
    action_item_initial,
)
from igf.meetings.models import ActionItem, Decision, Meeting, Transcript, WrittenInput
from igf.meetings.transcripts import Cue as ParsedCue
from igf.meetings.transcripts import format_timestamp, paragraphs
from igf.meetings.views.common import MEETING, user_of


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.record_attendance", MEETING, second_factor=True)
def record_attendance(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    existing = {a.person_id: a for a in queries.attendance_of(meeting)}
    people = {m.person_id: m.person for m in queries.expected_members(meeting)}
    for attendance in existing.values():
        people.setdefault(attendance.person_id, attendance.person)
    for registration in meeting.registrations.select_related("person"):
        people.setdefault(registration.person_id, registration.person)
    form = AttendanceForm(
        request.POST or None,
        people=list(people.values()),
        initial_statuses={pid: a.status for pid, a in existing.items()},
    )
    not_yet = None if meeting.has_started() else queries.attendance_not_yet(meeting)
    if request.method == "POST" and form.is_valid():
        services.record_attendance(by=user_of(request), meeting=meeting, statuses=form.statuses())
        messages.success(request, _("Attendance is recorded."))
        return redirect(meeting)
    return render(
        request,
        "meetings/attendance_form.html",
        {"meeting": meeting, "form": form, "not_yet": not_yet},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.edit_minutes", MEETING)
def edit_minutes(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    existing = getattr(meeting, "minutes", None)
    form = MinutesForm(
        request.POST or None,
        items=queries.agenda(meeting),
        initial={"summary": existing.summary if existing else ""},
    )
    if existing is not None and existing.is_approved:
        messages.info(request, _("Approved minutes cannot be changed."))
        return redirect(meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_minutes(
                by=user_of(request),
                meeting=meeting,
                summary=form.cleaned_data["summary"],
                items=form.item_texts(),
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The draft minutes are saved."))
            return redirect(meeting)
    return render(
        request,
        "meetings/minutes_form.html",
        {
            "meeting": meeting,
            "form": form,
            "minutes": existing,
            "approve_form": ApproveMinutesForm(meeting=meeting),
            "can_approve": request.user.has_perm("meetings.approve_minutes", meeting),
        },
    )


@require_POST
@permission_required("meetings.approve_minutes", MEETING)
def approve_minutes(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = ApproveMinutesForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, _("Choose a later meeting of the same body."))
        return redirect("meetings:minutes", pk=meeting.pk)
    try:
        services.approve_minutes(
            by=user_of(request), meeting=meeting, at_meeting=form.cleaned_data["at_meeting"]
        )
    except Refused as error:
        messages.error(request, str(error.message))
        return redirect("meetings:minutes", pk=meeting.pk)
    messages.success(request, _("The minutes are approved."))
    return redirect(meeting)


# --- Decisions and action items ---------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.record_decision", MEETING)
def record_decision(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = DecisionForm(request.POST or None, meeting=meeting, recorder=user_of(request).person)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = services.record_decision(
                by=user_of(request),
                meeting=meeting,
                agenda_item=data["agenda_item"],
                text=data["text"],
                consensus=data["consensus"],
                range_of_views=data["range_of_views"],
                determined_by=data["determined_by"],
                by_correspondence=data["by_correspondence"],
                decided_on=data["decided_on"],
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The decision is recorded."))
            return redirect(decision)
    return render(
        request,
        "meetings/decision_form.html",
        {"meeting": meeting, "form": form, "levels": ConsensusLevel},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(None, Load(queries.get_decision, viewer=True))
def decision_detail(request: HttpRequest, decision: Decision) -> HttpResponse:
    can_object = request.user.has_perm("meetings.object_to_decision", decision)
    form = ObjectionForm(request.POST or None) if can_object else None
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={decision.get_absolute_url()}")
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            services.object_to_decision(
                by=user_of(request),
                decision=decision,
                text=form.cleaned_data["text"],
                named=form.cleaned_data["named"],
            )
            messages.success(request, _("Your objection is noted in the record."))
            return redirect(decision)
    return render(
        request,
        "meetings/decision_detail.html",
        {
            "decision": decision,
            "meeting": decision.meeting,
            "objections": list(decision.objections.select_related("person")),
            "actions": list(decision.action_items.select_related("owner")),
            "form": form,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.add_action", MEETING)
def add_action(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = ActionItemForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_action_item(
                by=user_of(request),
                meeting=meeting,
                title=data["title"],
                owner=data["owner"],
                due=data["due"],
                decision=data["decision"],
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The action item is recorded."))
            return redirect(meeting)
    return render(request, "meetings/action_form.html", {"meeting": meeting, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.update_action", Load(queries.get_action))
def update_action(request: HttpRequest, action: ActionItem) -> HttpResponse:
    form = ActionUpdateForm(request.POST or None, initial=action_item_initial(action))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.update_action_item(
            by=user_of(request), action=action, status=data["status"], note=data["note"],
            due=data["due"],
        )  # fmt: skip
        messages.success(request, _("The action item is updated."))
        return redirect(action.meeting)
    return render(
        request,
        "meetings/action_update.html",
        {"action": action, "meeting": action.meeting, "form": form},
    )


# --- Consultations: written inputs ------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.submit_input", MEETING)
@contribution
def submit_input(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = WrittenInputForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.submit_written_input(
                by=user_of(request),
                meeting=meeting,
                title=data["title"],
                text=data["text"],
                on_behalf_of=data["on_behalf_of"],
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Your input is published with the meeting."))
            return redirect(meeting)
    return render(request, "meetings/input_form.html", {"meeting": meeting, "form": form})


@require_POST
@permission_required(
    "meetings.moderate_inputs", Load(queries.get_written_input), second_factor=True
)
def moderate_input(request: HttpRequest, written: WrittenInput) -> HttpResponse:
    services.hide_written_input(
        by=user_of(request), written=written, hidden=request.POST.get("hidden") == "1"
    )
    return redirect(written.meeting)


# --- Transcripts ------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.manage_transcript", MEETING)
def upload_transcript(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = TranscriptForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        transcript = services.attach_transcript(
            by=user_of(request),
            meeting=meeting,
            language=data["language"],
            source_format=data["source_format"],
            text=data["content"],
        )
        messages.success(request, _("The transcript is published."))
        return redirect(transcript)
    return render(request, "meetings/transcript_form.html", {"meeting": meeting, "form": form})


@require_safe
@permission_required(None, Load(queries.get_transcript, viewer=True))
def transcript_detail(request: HttpRequest, transcript: Transcript) -> HttpResponse:
    cues = [
        ParsedCue(c.start_ms, c.end_ms, c.speaker, c.text)
        for c in transcript.cues.order_by("position")
    ]
    recording = transcript.meeting.recording_url
    rows = [
        {
            "paragraph": p,
            "stamp": format_timestamp(p.start_ms) if p.start_ms is not None else "",
            "link": f"{recording}#t={p.start_ms / 1000:g}"
            if recording and p.start_ms is not None
            else "",
        }
        for p in paragraphs(cues)
    ]
    return render(
        request,
        "meetings/transcript_detail.html",
        {"transcript": transcript, "meeting": transcript.meeting, "rows": rows},
    )


@require_safe
def search_transcripts(request: HttpRequest) -> HttpResponse:
    form = TranscriptSearchForm(request.GET or None)
    search = form.cleaned_data["q"] if form.is_valid() else ""
    results = [
        {
            "cue": cue,
            "stamp": format_timestamp(cue.start_ms) if cue.start_ms is not None else "",
            "link": f"{cue.transcript.meeting.recording_url}#t={cue.start_ms / 1000:g}"
            if cue.transcript.meeting.recording_url and cue.start_ms is not None
            else "",
        }
        for cue in queries.search_transcripts(request.user, search)
    ]
    return render(
        request,
        "meetings/transcript_search.html",
        {"form": form, "search": search, "results": results},
    )
