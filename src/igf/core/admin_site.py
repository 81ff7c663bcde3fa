"""The admin site: signed in through allauth, and every view behind the second factor.

`igf.core.admin_apps.AdminConfig` replaces `django.contrib.admin` in INSTALLED_APPS so that
this is the default site every app's `admin.register` uses.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver
from django.utils.translation import gettext_lazy as _

from igf.core.permissions import second_factor_required


def _second_factor(pattern: URLPattern | URLResolver) -> URLPattern | URLResolver:
    if isinstance(pattern, URLPattern):
        pattern.callback = second_factor_required(pattern.callback)
    else:
        for inner in pattern.url_patterns:
            _second_factor(inner)
    return pattern


class ForumAdminSite(admin.AdminSite):
    site_header = _("IGF Platform administration")
    site_title = _("IGF Platform administration")
    index_title = _("Administration")

    def get_urls(self) -> list[URLPattern | URLResolver]:
        # Marked where the URL resolver finds them, so the test listing such views sees them.
        return [_second_factor(pattern) for pattern in super().get_urls()]

    def login(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        # Staff sign in through allauth, so they meet the same lock-out and second factor.
        return login_required(super().login)(request, extra_context)
