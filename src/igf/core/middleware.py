"""Middleware of the core app: time zone, second factor for staff, private caching, NUL
characters kept from the database."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from igf.core.timezones import is_valid_timezone

TIMEZONE_SESSION_KEY = "igf_timezone"

Handler = Callable[[HttpRequest], HttpResponse]


def viewer_timezone_name(request: HttpRequest) -> str | None:
    """The zone the viewer chose: from their profile, else from their session."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        person = getattr(user, "person", None)
        if person is not None and person.timezone:
            return str(person.timezone)
    name = request.session.get(TIMEZONE_SESSION_KEY) if hasattr(request, "session") else None
    return name if isinstance(name, str) and is_valid_timezone(name) else None


class TimezoneMiddleware:
    """Show every time in the viewer's zone (UTC until they choose one)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        name = viewer_timezone_name(request)
        if name:
            timezone.activate(zoneinfo.ZoneInfo(name))
        else:
            timezone.deactivate()
        return self.get_response(request)


def user_needs_second_factor(user: object) -> bool:
    """Staff, the secretariat and moderators read personal data: they need a second factor."""
    from allauth.mfa.models import Authenticator  # noqa: PLC0415 - app registry must be ready

    from igf.core.rules import is_secretariat  # noqa: PLC0415

    if not getattr(user, "is_authenticated", False):
        return False
    moderator = user.groups.filter(name=settings.IGF_MODERATORS_GROUP).exists()  # type: ignore[attr-defined]
    if not (getattr(user, "is_staff", False) or is_secretariat(user) or moderator):
        return False
    return not Authenticator.objects.filter(user=user).exists()


class StaffSecondFactorMiddleware:
    """Keep staff without a second factor out of the admin and staff pages (ASVS 6.3.2)."""

    # Pages where staff read personal data or moderate; apps keep such pages under these.
    PROTECTED_PREFIXES = ("/admin/", "/staff/", "/consultations/moderation/")

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(self.PROTECTED_PREFIXES) and user_needs_second_factor(
            request.user
        ):
            messages.warning(
                request,
                _("Staff accounts need a second factor. Set up an authenticator app to continue."),
            )
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


class PrivateCacheMiddleware:
    """Pages seen by a signed-in person are never stored by browsers or proxies (ASVS 14.3.2)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, private"
        return response


class NullCharactersMiddleware:
    """Drop NUL characters from the query, and answer 400 to a path holding one.

    No page means one, and PostgreSQL refuses NUL in any text it is given: a filter of the
    open data API with one in it reached the database and failed with a 500 (found by the
    API fuzz test). Filters and searches treat the rest of what was typed as usual; forms
    already refuse NUL in their fields (Django's validator).
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path:
            raise BadRequest(_("The address holds a character no page can take."))
        if "\x00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned  # type: ignore[assignment]  # read-only again, as Django makes it
        return self.get_response(request)
