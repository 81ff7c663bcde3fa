"""Pages of the core app: home, about, health."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from igf.core import queries
from igf.core.home import sections_for

RECENT_ACTIVITY = 10


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    forum = queries.current_forum()
    context = {
        "forum": forum,
        "text": forum.text(),
        "sections": sections_for(request),
        "activity": queries.activity_visible_to(request.user)[:RECENT_ACTIVITY],
    }
    return render(request, "core/home.html", context)


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "core/about.html")


@require_safe
@never_cache
def health(request: HttpRequest) -> HttpResponse:
    """For load balancers and uptime checks: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
