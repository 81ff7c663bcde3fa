"""Each person's meetings and their secret calendar address."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from igf.core.permissions import Load, permission_required
from igf.meetings import ical, queries, services
from igf.meetings.views.common import ics_response, user_of
from igf.people.models import Person


@require_safe
@permission_required("meetings.use_personal_calendar")
def my_meetings(request: HttpRequest) -> HttpResponse:
    person = user_of(request).person
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
    user = user_of(request)
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
    response = ics_response(content, "my-meetings.ics")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
