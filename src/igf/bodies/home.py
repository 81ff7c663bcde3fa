"""The bodies app's part of the home page: calls for members that are open now."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from igf.bodies.enums import CallStatus
from igf.bodies.models import Call


def open_calls(request: HttpRequest) -> dict[str, Any] | None:
    now = timezone.now()
    calls = list(
        Call.objects.filter(status=CallStatus.OPEN, opens__lte=now, closes__gt=now)
        .select_related("body")
        .order_by("closes")[:5]
    )
    return {"calls": calls} if calls else None
