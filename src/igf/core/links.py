"""Absolute links for e-mails and feeds, from IGF_SITE_URL (no request at hand there)."""

from __future__ import annotations

from django.conf import settings


def absolute_url(path: str) -> str:
    return settings.IGF_SITE_URL.rstrip("/") + path
