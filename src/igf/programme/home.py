"""The programme's section of the home page: calls for session proposals open now."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from igf.programme import queries


def open_calls(request: HttpRequest) -> dict[str, Any] | None:
    calls = list(queries.open_calls()[:3])
    if not calls:
        return None
    return {"calls": calls}
