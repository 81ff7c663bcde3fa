"""Registering for the annual meeting, onsite or online, and cancelling."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required
from igf.programme.enums import Attendance
from igf.programme.models import AnnualMeeting
from igf.schedule import queries, services
from igf.schedule.forms import RegistrationForm
from igf.schedule.views.common import user_of


@require_http_methods(["GET", "HEAD", "POST"])
# Any meeting is found, so that one closed for registration is refused (403), not hidden.
@permission_required("schedule.register", Load(queries.get_meeting, "slug"))
def register(request: HttpRequest, meeting: AnnualMeeting) -> HttpResponse:
    user = user_of(request)
    current = queries.registration_of(meeting, user.person)
    if request.method == "POST" and request.POST.get("cancel") == "1":
        services.cancel_registration(by=user, meeting=meeting)
        messages.success(request, _("Your registration is cancelled."))
        return redirect("schedule:register", slug=meeting.slug)
    form = RegistrationForm(
        request.POST if request.method == "POST" else None,
        initial={"attendance": current.attendance if current else Attendance.ONSITE},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.register(by=user, meeting=meeting, attendance=form.cleaned_data["attendance"])
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(
                request, _("You are registered for %(meeting)s.") % {"meeting": meeting.name}
            )
            return redirect("schedule:register", slug=meeting.slug)
    return render(
        request,
        "schedule/register.html",
        {"meeting": meeting, "form": form, "registration": current},
    )
