"""One meeting: scheduling and changing it, its page, calendar entry and history, and
registering for it or sending apologies."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from igf.bodies.models import Body
from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.middleware import viewer_timezone_name
from igf.core.permissions import Load, permission_required
from igf.meetings import clock, ical, queries, services
from igf.meetings.forms import (
    ApologiesForm,
    ApproveMinutesForm,
    MeetingForm,
    RegistrationForm,
    WrittenInputForm,
)
from igf.meetings.models import Meeting
from igf.meetings.rules import is_lead_of, takes_part_in
from igf.meetings.views.common import BODY, MEETING, ics_response, user_of


def _schedule(request: HttpRequest, body: Body | None) -> HttpResponse:
    consultation = body is None
    zone_name = viewer_timezone_name(request) or "UTC"
    initial = {
        "timezone": zone_name,
        "open_to_observers": True if body is None else body.type.meetings_open_by_default,
    }
    form = MeetingForm(request.POST or None, initial=initial, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.schedule_meeting(
                by=user_of(request),
                body=body,
                title=data["title"],
                start=data["start"],
                end=data["end"],
                timezone_name=data["timezone"],
                online_url=data["online_url"],
                dial_in=data["dial_in"],
                venue=data["venue"],
                description=data["description"],
                interpretation_languages=data["interpretation_languages"],
                captioning_languages=data["captioning_languages"],
                open_to_observers=data.get("open_to_observers", True),
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The meeting is scheduled."))
            report = queries.night_report(meeting)
            if report is not None and report.warn:
                messages.warning(
                    request,
                    _("This time falls at night for %(count)s of %(total)s members.")
                    % {"count": report.at_night, "total": report.with_zone},
                )
            return redirect(meeting)
    return render(
        request, "meetings/meeting_form.html", {"form": form, "body": body, "meeting": None}
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.schedule_meeting", BODY)
def schedule_meeting(request: HttpRequest, body: Body) -> HttpResponse:
    return _schedule(request, body)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.schedule_meeting")
def schedule_consultation(request: HttpRequest) -> HttpResponse:
    return _schedule(request, None)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.change_meeting", MEETING)
def edit_meeting(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = MeetingForm(
        request.POST or None,
        initial=MeetingForm.initial_for(meeting),
        consultation=meeting.is_consultation,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changes = {
            name: data[name]
            for name in (
                "title", "start", "end", "timezone", "online_url", "dial_in", "venue",
                "description", "interpretation_languages", "captioning_languages",
                "recording_url",
            )
        }  # fmt: skip
        if "open_to_observers" in data:
            changes["open_to_observers"] = data["open_to_observers"]
        try:
            services.update_meeting(by=user_of(request), meeting=meeting, changes=changes)
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The meeting is updated."))
            return redirect(meeting)
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "body": meeting.body, "meeting": meeting},
    )


@require_POST
@permission_required("meetings.change_meeting", MEETING)
def cancel_meeting(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    services.cancel_meeting(by=user_of(request), meeting=meeting)
    messages.success(request, _("The meeting is cancelled; participants are told."))
    return redirect(meeting)


# --- The meeting page -------------------------------------------------------------------------


@require_safe
@permission_required(None, MEETING)
def meeting_detail(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    user = request.user
    can = {
        name: user.has_perm(f"meetings.{name}", meeting)
        for name in (
            "change_meeting", "edit_agenda", "view_draft_agenda", "view_join_link", "register",
            "send_apologies", "record_attendance", "edit_minutes", "approve_minutes",
            "view_record", "view_draft_minutes", "record_decision", "add_action",
            "submit_input", "moderate_inputs", "manage_transcript", "object_to_decision",
            "circulate_agenda", "approve_agenda",
        )
    }  # fmt: skip
    minutes = getattr(meeting, "minutes", None) if can["view_record"] else None
    show_minutes = minutes is not None and (minutes.is_approved or can["view_draft_minutes"])
    show_agenda = meeting.is_agenda_approved or can["view_draft_agenda"]
    viewer_zone = timezone.get_current_timezone_name()
    context = {
        "meeting": meeting,
        "can": can,
        "agenda": queries.agenda(meeting) if show_agenda else [],
        "show_agenda": show_agenda,
        "review": queries.actions_for_review(meeting) if show_agenda else [],
        "minutes": minutes if show_minutes else None,
        "minute_items": (
            [i for i in queries.agenda(meeting) if i.minutes.strip()] if show_minutes else []
        ),
        "decisions": queries.decisions_of(meeting) if can["view_record"] else [],
        "actions": queries.actions_of(meeting) if can["view_record"] else [],
        "attendance": queries.attendance_of(meeting) if can["view_record"] else [],
        "observers": queries.listed_observers(meeting) if can["view_record"] else [],
        "observer_count": queries.observer_count(meeting),
        "registration": queries.registration_of(meeting, user),
        "apologies": queries.apologies_of(meeting, user),
        "not_expected": (
            queries.why_not_expected(meeting, user)
            if not can["send_apologies"] and not meeting.is_cancelled and not meeting.has_ended()
            else None
        ),
        "inputs": queries.written_inputs(meeting, user) if meeting.is_consultation else [],
        "transcripts": queries.transcripts_of(meeting) if can["view_record"] else [],
        "world": clock.world_clock(meeting.start, meeting.end),
        "organiser_zone": clock.zone(meeting.timezone),
        "viewer_zone": viewer_zone,
        "same_zone": viewer_zone == meeting.timezone,
        "night": queries.night_report(meeting) if not meeting.has_ended() else None,
        "registration_form": RegistrationForm(),
        "apologies_form": ApologiesForm(),
        "input_form": WrittenInputForm() if can["submit_input"] else None,
        "approve_minutes_form": (
            ApproveMinutesForm(meeting=meeting)
            if show_minutes
            and minutes is not None
            and not minutes.is_approved
            and can["approve_minutes"]
            and meeting.has_started()
            else None
        ),
        "is_member": bool(takes_part_in(user, meeting)),
        "is_lead": bool(is_lead_of(user, meeting)),
        "now": timezone.now(),
    }
    return render(request, "meetings/meeting_detail.html", context)


@require_safe
@permission_required(None, MEETING)
def meeting_calendar(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    join = {meeting.pk} if request.user.has_perm("meetings.view_join_link", meeting) else set()
    content = ical.calendar(
        [meeting],
        name=meeting.title,
        base_url=request.build_absolute_uri("/").rstrip("/"),
        join_link_for=join,
    )
    return ics_response(content, f"meeting-{meeting.pk}.ics")


@require_safe
@permission_required(None, Load(queries.get_recorded_meeting, viewer=True))
def meeting_history(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    changes = []
    records = list(meeting.history.select_related("history_user__person").order_by("history_date"))
    previous = None
    for record in records:
        fields: list[str] = (
            [_field_label(c.field) for c in record.diff_against(previous).changes]
            if previous
            else []
        )
        changes.append(
            {"record": record, "fields": fields, "scheduled": record.history_type == "+"}
        )
        previous = record
    return render(
        request,
        "meetings/meeting_history.html",
        {"meeting": meeting, "changes": list(reversed(changes))},
    )


def _field_label(name: str) -> str:
    """A meeting field's translated name, for the history page."""
    try:
        field = Meeting._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(getattr(field, "verbose_name", name))


# --- Observers and apologies ------------------------------------------------------------------


@require_POST
@permission_required("meetings.register", MEETING)
def register(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = RegistrationForm(request.POST)
    listed = bool(form.is_valid() and form.cleaned_data["listed"])
    try:
        services.register_observer(by=user_of(request), meeting=meeting, listed=listed)
    except Refused as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("You are registered. The join link is on this page."))
    return redirect(meeting)


@require_POST
@permission_required("meetings.use_personal_calendar", MEETING)
def unregister(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    services.unregister_observer(by=user_of(request), meeting=meeting)
    messages.success(request, _("Your registration is withdrawn."))
    return redirect(meeting)


@require_POST
@permission_required("meetings.send_apologies", MEETING)
def apologies(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    if request.POST.get("withdraw"):
        services.withdraw_apologies(by=user_of(request), meeting=meeting)
        messages.success(request, _("Your apologies are withdrawn."))
        return redirect(meeting)
    form = ApologiesForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.send_apologies(by=user_of(request), meeting=meeting, note=note)
    except Refused as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Your apologies are recorded."))
    return redirect(meeting)
