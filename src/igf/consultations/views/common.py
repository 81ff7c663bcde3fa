"""What every page of the consultations app shares: permission checks on objects, forms
refused with the service's message, content types of downloads."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from igf.consultations.services import ConsultationError
from igf.people.models import User

DOWNLOAD_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


def user_of(request: HttpRequest) -> User:
    return cast(User, request.user)


def require(request: HttpRequest, perm: str, target: Any = None) -> None:
    """Refuse unless the viewer has `perm` on `target`: visitors are sent to sign in (by
    raising `SignInRequired`), signed-in people get 403."""
    if request.user.has_perm(perm, target):
        return
    if not request.user.is_authenticated:
        raise SignInRequired
    raise PermissionDenied


class SignInRequired(Exception):  # noqa: N818 - an outcome, not an error
    """Raised by `require` for visitors; `signed_in_view` turns it into the sign-in redirect."""


def signed_in_view(view: Any) -> Any:
    """Let `require` inside the view send visitors to the sign-in page."""
    from functools import wraps  # noqa: PLC0415

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return cast(HttpResponse, view(request, *args, **kwargs))
        except SignInRequired:
            return redirect_to_login(request.get_full_path())

    return wrapped


def refuse(form: forms.Form, error: ConsultationError) -> None:
    """Show a service's refusal next to its field (or above the form)."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, str(error.message))


def download(content: bytes | str, *, kind: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOWNLOAD_TYPES[kind])
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in filename)[:120]
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def int_param(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and len(value) < 9 else None
