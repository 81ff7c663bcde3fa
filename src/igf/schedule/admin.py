"""The secretariat configures the venue's rooms here; releases and registrations are read
here and change only through the schedule's pages."""

from __future__ import annotations

from typing import cast

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from igf.people.models import User
from igf.schedule.models import (
    Registration,
    RemoteHub,
    Room,
    RoomOpening,
    ScheduleRelease,
    SessionAccess,
)
from igf.schedule.services import approve_hub


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


@admin.register(SessionAccess)
class SessionAccessAdmin(admin.ModelAdmin[SessionAccess]):
    list_display = ("session", "captions_url", "audio_url")
    search_fields = ("session__title",)
    raw_id_fields = ("session",)


@admin.register(RemoteHub)
class RemoteHubAdmin(admin.ModelAdmin[RemoteHub]):
    """The secretariat approves registered hubs here; approved hubs are listed publicly."""

    list_display = ("city", "country", "host_organization", "capacity", "meeting", "approved")
    list_filter = ("meeting", "approved")
    search_fields = ("city", "host_organization")
    actions = ("approve",)

    @admin.action(description=_("Approve the chosen hubs (list them publicly)"))
    def approve(self, request: HttpRequest, queryset: QuerySet[RemoteHub]) -> None:
        for hub in queryset.filter(approved__isnull=True).select_related("meeting"):
            approve_hub(by=cast(User, request.user), hub=hub)
