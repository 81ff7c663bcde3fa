"""What every page's template needs: languages for the switcher, the time zone, the forum."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language_info

from igf.core.navigation import nav_items_for


def platform(request: HttpRequest) -> dict[str, Any]:
    languages = [
        {"code": code, "name_local": get_language_info(code)["name_local"]}
        for code, _name in settings.LANGUAGES
    ]
    return {
        "nav_items": nav_items_for(getattr(request, "user", None)),
        "platform_languages": languages,
        "viewer_timezone": timezone.get_current_timezone_name(),
        "site_name": settings.IGF_SITE_NAME,
    }
