"""Middleware of the core app: time zone, refusals turned into pages, private caching, NUL
characters kept from the database."""

from __future__ import annotations

import ipaddress
import zoneinfo
from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from igf.core.errors import Refused, refused, same_site_referer
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


class RefusedMiddleware:
    """The one place a refusal a view did not catch becomes what the person sees.

    A form sent from one of our pages goes back there with the reason as the page's
    message; anything else gets the refusal page with the error's status (409, 400 or 403),
    never a 500.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, Refused):
            return None
        back = same_site_referer(request)
        if request.method == "POST" and back is not None:
            messages.error(request, str(exception.message))
            return HttpResponseRedirect(back)
        return refused(request, exception)


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


@lru_cache(maxsize=8)
def _trusted_networks(
    spec: tuple[str, ...],
) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(part, strict=False) for part in spec)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


class ClientAddressMiddleware:
    """One place that knows the client's address, for every limiter and the lock-out.

    Behind IGF_PROXY_COUNT proxies, each appends the address it saw to X-Forwarded-For, so
    the client is the entry that many places from the right; whatever a client writes there
    itself sits further left and is ignored. The header is believed only when the request
    comes from a trusted proxy (IGF_TRUSTED_PROXIES), so a client reaching the app directly
    cannot choose its own address. REMOTE_ADDR then holds the client's address (the proxy's is
    kept in IGF_PROXY_ADDR), and allauth, axes and our limits all read REMOTE_ADDR.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        count = int(getattr(settings, "IGF_PROXY_COUNT", 0))
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if count > 0 and forwarded:
            peer = _address(str(request.META.get("REMOTE_ADDR", "")))
            networks = _trusted_networks(tuple(getattr(settings, "IGF_TRUSTED_PROXIES", ())))
            hops = [hop.strip() for hop in str(forwarded).split(",")]
            if peer is not None and any(peer in net for net in networks) and len(hops) >= count:
                client = _address(hops[-count])
                if client is not None:
                    request.META["IGF_PROXY_ADDR"] = request.META["REMOTE_ADDR"]
                    request.META["REMOTE_ADDR"] = str(client)
        return self.get_response(request)


class NoPublicCookiesMiddleware:
    """A response that sets a cookie is never marked for shared caches: a proxy would hand
    the visitor's CSRF or session cookie to everyone who asks for the page after them."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.cookies and "public" in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True)
        return response
