"""When the people of a session cannot take part: stated by them on their session's page, or
by the secretariat for anyone of the session. The solver never places their sessions then."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required
from igf.core.rules import is_secretariat
from igf.programme.models import Session
from igf.schedule import queries, services
from igf.schedule.forms import UnavailabilityForm
from igf.schedule.views.common import user_of


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(
    "schedule.state_unavailability", Load(queries.get_session, "pk"), second_factor=True
)
def unavailability(request: HttpRequest, session: Session) -> HttpResponse:
    user = user_of(request)
    staff = is_secretariat(user)
    own = None if staff else user.person
    rows = list(session.people.all() if staff else session.people.filter(person=user.person))
    meeting = session.meeting
    remove = request.POST.get("remove", "") if request.method == "POST" else ""
    if remove:
        item = queries.find_unavailability(session, remove)
        if item is None or (own is not None and item.session_person.person_id != own.pk):
            messages.error(request, _("That time is no longer stated."))
        else:
            services.remove_unavailability(by=user, item=item)
            messages.success(request, _("The time is withdrawn."))
        return redirect("schedule:unavailability", pk=session.pk)
    form = UnavailabilityForm(
        request.POST if request.method == "POST" else None,
        meeting=meeting,
        days=services.meeting_days(meeting),
        people=[(row.pk, row.display_name) for row in rows],
    )
    if request.method == "POST" and form.is_valid():
        chosen = next((r for r in rows if r.pk == form.cleaned_data["person"]), None)
        if chosen is None:
            form.add_error("person", _("Choose someone of this session."))
        else:
            start, end = form.window()
            try:
                services.add_unavailability(
                    by=user,
                    session_person=chosen,
                    start=start,
                    end=end,
                    note=form.cleaned_data["note"],
                )
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(
                    request,
                    _("Noted: the schedule will not place sessions of %(name)s at that time.")
                    % {"name": chosen.display_name},
                )
                return redirect("schedule:unavailability", pk=session.pk)
    return render(
        request,
        "schedule/unavailability.html",
        {
            "session": session,
            "meeting": meeting,
            "form": form,
            "items": queries.unavailabilities_of(session, own),
            "staff": staff,
        },
    )
