"""Session reports are read here; they change only through the session's report page."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from igf.outcomes.models import SessionReport


@admin.register(SessionReport)
class SessionReportAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("session", "short_submitted", "full_submitted")
    list_filter = ("session__meeting",)
    search_fields = ("session__title",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
