"""Links: absolute ones for e-mails and feeds, and the one check of a `next` address."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def site_url(path: str = "") -> str:
    """The forum's public address, with `path` (an absolute path such as reverse() gives)."""
    return str(settings.IGF_SITE_URL).rstrip("/") + path


def safe_next(request: HttpRequest, fallback: str = "/") -> str:
    """Where to go after a form: the `next` it carried when that is a path on this site.

    Only an absolute path of ours is followed ("/programme/?day=2"); anything else (another
    site, "//host", "javascript:", or a bare word Django's `redirect()` would try to reverse
    as a view name and fail on) gives `fallback`. Callers redirect to the result as a URL.
    """
    target = str(request.POST.get("next") or request.GET.get("next") or "")
    if (
        target.startswith("/")
        and not target.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return fallback
