"""Absolute links for e-mails and feeds, from the IGF_SITE_URL setting (no request there)."""

from __future__ import annotations

from django.conf import settings


def site_url(path: str = "") -> str:
    """The forum's public address, with `path` (an absolute path such as reverse() gives)."""
    return str(settings.IGF_SITE_URL).rstrip("/") + path
