"""Pages of the meetings app: meetings, agendas, attendance, minutes, decisions, actions,
consultations, transcripts and calendars. Thin: permission, form, one service, render."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from igf.bodies.models import Body
from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.middleware import viewer_timezone_name
from igf.core.permissions import Load, permission_required
from igf.core.rules import is_secretariat
from igf.meetings import clock, ical, queries, services
from igf.meetings.enums import ConsensusLevel
from igf.meetings.forms import (
    ActionFilterForm,
    ActionItemForm,
    ActionUpdateForm,
    AgendaItemForm,
    ApologiesForm,
    ApproveMinutesForm,
    AttendanceForm,
    DecisionForm,
    DecisionSearchForm,
    MeetingForm,
    MinutesForm,
    ObjectionForm,
    RegistrationForm,
    TranscriptForm,
    TranscriptSearchForm,
    WrittenInputForm,
    action_item_initial,
)
from igf.meetings.models import ActionItem, AgendaItem, Decision, Meeting, Transcript, WrittenInput
from igf.meetings.rules import is_lead_of, takes_part_in
from igf.meetings.transcripts import Cue as ParsedCue
from igf.meetings.transcripts import format_timestamp, paragraphs
from igf.people.models import Person, User

PAGE_SIZE = 30
ICS = "text/calendar; charset=utf-8"

MEETING = Load(queries.get_meeting)
BODY = Load(queries.get_body, "slug")


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=ICS)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


# --- Lists ------------------------------------------------------------------------------------


@require_safe
def meeting_list(request: HttpRequest) -> HttpResponse:
    past = request.GET.get("when") == "past"
    page = Paginator(queries.meeting_list(past=past), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/meeting_list.html",
        {"page": page, "past": past, "bodies": queries.bodies_with_meetings()},
    )


@require_safe
@permission_required(None, BODY)
def body_meetings(request: HttpRequest, body: Body) -> HttpResponse:
    user = request.user
    return render(
        request,
        "meetings/body.html",
        {
            "body": body,
            "upcoming": queries.meeting_list(body=body)[:PAGE_SIZE],
            "past": queries.meeting_list(body=body, past=True)[:PAGE_SIZE],
            "overdue": queries.body_actions(body, status="overdue"),
            "by_group": queries.attendance_by_group(body),
            "can_schedule": user.has_perm("meetings.schedule_meeting", body),
            "can_see_rates": user.has_perm("meetings.view_attendance_rates", body),
        },
    )


@require_safe
@permission_required(None, BODY)
def body_calendar(request: HttpRequest, body: Body) -> HttpResponse:
    since = timezone.now() - timedelta(days=365)
    content = ical.calendar(
        queries.meetings().filter(body=body, end__gte=since).order_by("start", "pk"),
        name=body.name,
        base_url=request.build_absolute_uri("/").rstrip("/"),
        join_link_for=set(),
    )
    return _ics(content, f"{body.slug}.ics")


@require_safe
@permission_required(None, BODY)
def decision_register(request: HttpRequest, body: Body) -> HttpResponse:
    form = DecisionSearchForm(request.GET or None)
    search = consensus = ""
    if form.is_valid():
        search, consensus = form.cleaned_data["q"], form.cleaned_data["consensus"]
    decisions = queries.decision_register(request.user, body, search=search, consensus=consensus)
    page = Paginator(decisions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/decision_register.html",
        {"body": body, "form": form, "page": page, "search": search},
    )


@require_safe
@permission_required(None, BODY)
def body_actions(request: HttpRequest, body: Body) -> HttpResponse:
    form = ActionFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    page = Paginator(queries.body_actions(body, status=status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "meetings/body_actions.html",
        {"body": body, "form": form, "page": page, "today": timezone.localdate()},
    )


@require_safe
@permission_required("meetings.view_attendance_rates", BODY, second_factor=True)
def attendance_rates(request: HttpRequest, body: Body) -> HttpResponse:
    return render(
        request,
        "meetings/attendance_rates.html",
        {"body": body, "rows": queries.attendance_rates(body)},
    )


@require_safe
def consultations(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        year = today.year
    year = min(max(year, 2000), today.year + 5)
    found = queries.consultations_in(year)
    held_online = [m for m in found if m.online_url and not m.is_cancelled]
    return render(
        request,
        "meetings/consultations.html",
        {
            "year": year,
            "meetings": found,
            "years": [today.year + 1, today.year, today.year - 1, today.year - 2],
            "missing_online": is_secretariat(request.user) and not held_online,
            "can_schedule": request.user.has_perm("meetings.schedule_meeting", None),
        },
    )


# --- Scheduling -------------------------------------------------------------------------------


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
                by=_user(request),
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
            services.update_meeting(by=_user(request), meeting=meeting, changes=changes)
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
    services.cancel_meeting(by=_user(request), meeting=meeting)
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
    return _ics(content, f"meeting-{meeting.pk}.ics")


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
        services.register_observer(by=_user(request), meeting=meeting, listed=listed)
    except Refused as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("You are registered. The join link is on this page."))
    return redirect(meeting)


@require_POST
@permission_required("meetings.use_personal_calendar", MEETING)
def unregister(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    services.unregister_observer(by=_user(request), meeting=meeting)
    messages.success(request, _("Your registration is withdrawn."))
    return redirect(meeting)


@require_POST
@permission_required("meetings.send_apologies", MEETING)
def apologies(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    if request.POST.get("withdraw"):
        services.withdraw_apologies(by=_user(request), meeting=meeting)
        messages.success(request, _("Your apologies are withdrawn."))
        return redirect(meeting)
    form = ApologiesForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.send_apologies(by=_user(request), meeting=meeting, note=note)
    except Refused as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Your apologies are recorded."))
    return redirect(meeting)


# --- Agenda -----------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.edit_agenda", MEETING)
def agenda(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.add_agenda_item(
            by=_user(request),
            meeting=meeting,
            title=data["title"],
            presenter=data["presenter"],
            minutes_allotted=data["minutes_allotted"],
            documents=data["documents"],
        )
        messages.success(request, _("The item is added to the agenda."))
        return redirect("meetings:agenda", pk=meeting.pk)
    return render(
        request,
        "meetings/agenda.html",
        {
            "meeting": meeting,
            "items": queries.agenda(meeting),
            "review": queries.actions_for_review(meeting),
            "form": form,
            "can_circulate": request.user.has_perm("meetings.circulate_agenda", meeting),
            "can_approve": request.user.has_perm("meetings.approve_agenda", meeting),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.edit_agenda", MEETING)
def agenda_item(request: HttpRequest, meeting: Meeting, item: int) -> HttpResponse:
    entry = queries.get_agenda_item(meeting, item)
    form = AgendaItemForm(request.POST or None, instance=None, initial=_item_initial(entry))
    if request.method == "POST" and form.is_valid():
        services.update_agenda_item(by=_user(request), item=entry, changes=form.cleaned_data)
        messages.success(request, _("The item is saved."))
        return redirect("meetings:agenda", pk=meeting.pk)
    return render(
        request, "meetings/agenda_item.html", {"meeting": meeting, "item": entry, "form": form}
    )


def _item_initial(item: AgendaItem) -> dict[str, Any]:
    return {
        "title": item.title,
        "presenter": item.presenter,
        "minutes_allotted": item.minutes_allotted,
        "documents": item.documents,
    }


@require_POST
@permission_required("meetings.edit_agenda", MEETING)
def agenda_item_delete(request: HttpRequest, meeting: Meeting, item: int) -> HttpResponse:
    services.remove_agenda_item(by=_user(request), item=queries.get_agenda_item(meeting, item))
    messages.success(request, _("The item is removed from the agenda."))
    return redirect("meetings:agenda", pk=meeting.pk)


@require_POST
@permission_required("meetings.edit_agenda", MEETING)
def agenda_item_move(request: HttpRequest, meeting: Meeting, item: int) -> HttpResponse:
    services.move_agenda_item(
        by=_user(request),
        item=queries.get_agenda_item(meeting, item),
        up=request.POST.get("direction") == "up",
    )
    return redirect("meetings:agenda", pk=meeting.pk)


@require_POST
@permission_required("meetings.circulate_agenda", MEETING)
def circulate_agenda(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    try:
        services.circulate_agenda(by=_user(request), meeting=meeting)
    except Refused as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The agenda is circulated to the members."))
    return redirect("meetings:agenda", pk=meeting.pk)


@require_POST
@permission_required("meetings.approve_agenda", MEETING)
def approve_agenda(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    try:
        services.approve_agenda(by=_user(request), meeting=meeting)
    except Refused as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The agenda is approved."))
    return redirect(meeting)


# --- Attendance and minutes -------------------------------------------------------------------


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
    if request.method == "POST" and form.is_valid():
        services.record_attendance(by=_user(request), meeting=meeting, statuses=form.statuses())
        messages.success(request, _("Attendance is recorded."))
        return redirect(meeting)
    return render(request, "meetings/attendance_form.html", {"meeting": meeting, "form": form})


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
                by=_user(request),
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
            by=_user(request), meeting=meeting, at_meeting=form.cleaned_data["at_meeting"]
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
    form = DecisionForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = services.record_decision(
                by=_user(request),
                meeting=meeting,
                agenda_item=data["agenda_item"],
                text=data["text"],
                consensus=data["consensus"],
                range_of_views=data["range_of_views"],
                determined_by=data["determined_by"],
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
                by=_user(request),
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
                by=_user(request),
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
            by=_user(request), action=action, status=data["status"], note=data["note"],
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
def submit_input(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = WrittenInputForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.submit_written_input(
                by=_user(request),
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
        by=_user(request), written=written, hidden=request.POST.get("hidden") == "1"
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
            by=_user(request),
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


# --- Personal calendar ------------------------------------------------------------------------


@require_safe
@permission_required("meetings.use_personal_calendar")
def my_meetings(request: HttpRequest) -> HttpResponse:
    person = _user(request).person
    feed = services.calendar_feed_of(person)
    return render(
        request,
        "meetings/my_meetings.html",
        {
            "meetings": queries.personal_meetings(person, since=timezone.now()),
            "actions": queries.open_actions_of(person),
            "feed_url": request.build_absolute_uri(
                reverse("meetings:personal_calendar", kwargs={"token": feed.token})
            ),
            "today": timezone.localdate(),
        },
    )


@require_POST
@permission_required("meetings.use_personal_calendar")
def reset_calendar(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    services.reset_calendar_feed(by=user, person=user.person)
    messages.success(request, _("Your calendar address is new; the old one no longer works."))
    return redirect("meetings:mine")


@require_safe
@permission_required(None, Load(queries.get_calendar_owner, "token"))
def personal_calendar(request: HttpRequest, person: Person) -> HttpResponse:
    """A person's feed, read by calendar apps that cannot sign in: the secret is the address."""
    meetings = list(queries.personal_meetings(person))
    content = ical.calendar(
        meetings,
        name=_("My meetings"),
        base_url=request.build_absolute_uri("/").rstrip("/"),
        join_link_for={m.pk for m in meetings},
    )
    response = _ics(content, "my-meetings.ics")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
