"""What every page of the consultations app shares: the signed-in user, content types of
downloads, numbers from the query string."""

from __future__ import annotations

from typing import cast

from django.http import HttpRequest, HttpResponse

from igf.people.models import User

DOWNLOAD_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


def user_of(request: HttpRequest) -> User:
    """The signed-in user of a view whose permission only signed-in people have."""
    return cast(User, request.user)


def download(content: bytes | str, *, kind: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOWNLOAD_TYPES[kind])
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in filename)[:120]
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def int_param(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and len(value) < 9 else None
