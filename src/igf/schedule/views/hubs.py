"""Remote hubs: groups following the annual meeting together from a city register here and
are listed by region once the secretariat approves them (in the administration)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required
from igf.programme.models import AnnualMeeting
from igf.schedule import queries, services
from igf.schedule.forms import RemoteHubForm
from igf.schedule.views.common import user_of

MEETING = Load(queries.get_meeting_for_schedule, "slug", viewer=True)


@require_safe
@permission_required(None, MEETING)
def hubs(request: HttpRequest, meeting: AnnualMeeting) -> HttpResponse:
    count, seats = queries.hub_count(meeting)
    return render(
        request,
        "schedule/hubs.html",
        {
            "meeting": meeting,
            "regions": queries.hubs_by_region(meeting),
            "count": count,
            "seats": seats,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("schedule.register_hub", MEETING)
def register_hub(request: HttpRequest, meeting: AnnualMeeting) -> HttpResponse:
    released = meeting.sessions.filter(pk__in=queries.released_session_ids(meeting)).order_by(
        "title"
    )
    form = RemoteHubForm(request.POST if request.method == "POST" else None, sessions=released)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "sessions"}
        try:
            services.register_hub(
                by=user_of(request),
                meeting=meeting,
                data=data,
                sessions=list(form.cleaned_data["sessions"]),
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(
                request,
                _("The hub is registered; it is listed once the secretariat approves it."),
            )
            return redirect("schedule:hubs", slug=meeting.slug)
    return render(request, "schedule/hub_form.html", {"meeting": meeting, "form": form})
