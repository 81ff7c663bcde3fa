"""How the forum says no: one domain error for every rule, and the error pages.

Services raise `Refused` (or a subclass) with a translated message a person can act on, and
the field it concerns where there is one. Views with a form put it on the form
(`igf.core.forms.add_refusal`); anything a view does not catch reaches `RefusedMiddleware`,
which turns it into the page's message or a 4xx page, never a 500. The API answers it as JSON
with the same status.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme


class Refused(Exception):  # noqa: N818 - an outcome the forum's rules give, named as people say it
    """A request the forum's rules refuse. `message` is translated and shown to the person.

    409 by default: the request was understood but conflicts with the state of the forum
    (a closed period, a published release). Subclasses say 400 or 403 where that fits.
    """

    status: ClassVar[int] = 409

    def __init__(self, message: Any, *, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


class Invalid(Refused):
    """What was sent cannot be taken as it is (a malformed file, an impossible value)."""

    status = 400


class NotAllowed(Refused):
    """The person may not do this, for a reason the page can say (not a bare 403)."""

    status = 403


def same_site_referer(request: HttpRequest) -> str | None:
    """The page the person came from, when it is one of ours (never an open redirect)."""
    referer = str(request.META.get("HTTP_REFERER", ""))
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return None


def refused(request: HttpRequest, error: Refused) -> HttpResponse:
    """The page that says why: the message, the status, and a way back."""
    context = {"error": error, "back": same_site_referer(request)}
    return render(request, "core/errors/refused.html", context, status=error.status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/errors/400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/errors/403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors: the database may be what failed.
    return HttpResponse(loader.get_template("core/errors/500.html").render(), status=500)
