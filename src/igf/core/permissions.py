"""The one way views declare who may see them (django-rules permissions)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

View = TypeVar("View", bound=Callable[..., HttpResponse])


def permission_required(
    perm: str, fn: Callable[[HttpRequest], Any] | None = None
) -> Callable[[View], View]:
    """Refuse the view unless the user has `perm` (on the object `fn(request)` returns).

    Visitors who are not signed in are sent to sign in; signed-in people without the
    permission get 403. Default deny: a view without this decorator must be public on purpose.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            target = fn(request) if fn is not None else None
            if request.user.has_perm(perm, target):
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied

        return wrapped  # type: ignore[return-value]

    return decorator
