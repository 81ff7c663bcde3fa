"""A meeting's agenda: its items, circulating it to the members, approving it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from igf.core.errors import Refused
from igf.core.permissions import permission_required
from igf.meetings import queries, services
from igf.meetings.forms import AgendaItemForm
from igf.meetings.models import AgendaItem, Meeting
from igf.meetings.views.common import MEETING, user_of


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.edit_agenda", MEETING)
def agenda(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.add_agenda_item(
            by=user_of(request),
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
        services.update_agenda_item(by=user_of(request), item=entry, changes=form.cleaned_data)
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
    services.remove_agenda_item(by=user_of(request), item=queries.get_agenda_item(meeting, item))
    messages.success(request, _("The item is removed from the agenda."))
    return redirect("meetings:agenda", pk=meeting.pk)


@require_POST
@permission_required("meetings.edit_agenda", MEETING)
def agenda_item_move(request: HttpRequest, meeting: Meeting, item: int) -> HttpResponse:
    services.move_agenda_item(
        by=user_of(request),
        item=queries.get_agenda_item(meeting, item),
        up=request.POST.get("direction") == "up",
    )
    return redirect("meetings:agenda", pk=meeting.pk)


@require_POST
@permission_required("meetings.circulate_agenda", MEETING)
def circulate_agenda(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    try:
        services.circulate_agenda(by=user_of(request), meeting=meeting)
    except Refused as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The agenda is circulated to the members."))
    return redirect("meetings:agenda", pk=meeting.pk)


@require_POST
@permission_required("meetings.approve_agenda", MEETING)
def approve_agenda(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    try:
        services.approve_agenda(by=user_of(request), meeting=meeting)
    except Refused as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The agenda is approved."))
    return redirect(meeting)
