"""The people app's part of the home page: how many take part, from how many countries."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from igf.core.models import Country
from igf.people.queries import active_people, organizations_visible_to


def participation_figures(request: HttpRequest) -> dict[str, Any]:
    people = active_people()
    return {
        "people": people.count(),
        "organizations": organizations_visible_to(AnonymousUser()).count(),
        "countries": Country.objects.filter(
            pk__in=people.exclude(country=None).values("country")
        ).count(),
    }
