"""The secretariat configures the venue's rooms here; releases and registrations are read
here and change only through the schedule's pages."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from igf.schedule.models import Registration, Room, RoomOpening, ScheduleRelease


class RoomOpeningInline(admin.TabularInline[RoomOpening, Room]):
    """When the room is open, if not for the whole meeting (times in UTC)."""

    model = RoomOpening
    extra = 1


@admin.register(Room)
class RoomAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    inlines = (RoomOpeningInline,)
    list_display = ("name", "meeting", "capacity", "hybrid", "interpretation_booths", "captioning")
    list_filter = ("meeting", "hybrid")
    search_fields = ("name",)


@admin.register(ScheduleRelease)
class ScheduleReleaseAdmin(admin.ModelAdmin[ScheduleRelease]):
    """Read-only: releases are published from the schedule pages and never change."""

    list_display = ("meeting", "version", "published", "published_by")
    list_filter = ("meeting",)
    readonly_fields = (
        "meeting",
        "version",
        "published",
        "published_by",
        "note",
        "entries",
        "changes",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin[Registration]):
    list_display = ("person", "meeting", "attendance", "registered")
    list_filter = ("meeting", "attendance")
    search_fields = ("person__display_name",)
