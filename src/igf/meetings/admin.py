"""The secretariat reads meetings in the admin; changes go through the pages and services."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from igf.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    Objection,
    ObserverRegistration,
    Transcript,
    WrittenInput,
)


class AgendaItemInline(admin.TabularInline[AgendaItem, Meeting]):
    model = AgendaItem
    extra = 0
    fields = ("order", "title", "presenter", "minutes_allotted")


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("title", "body", "start", "status", "agenda_status", "open_to_observers")
    list_filter = ("status", "agenda_status", "open_to_observers", "body__type")
    search_fields = ("title", "body__name")
    date_hierarchy = "start"
    readonly_fields = ("uid", "sequence", "reminder_sent_at", "created_by")
    inlines = (AgendaItemInline,)


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("__str__", "meeting", "consensus")
    list_filter = ("consensus",)
    search_fields = ("text",)


@admin.register(ActionItem)
class ActionItemAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("title", "owner", "due", "status", "body")
    list_filter = ("status", "body")
    search_fields = ("title",)


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin[Attendance]):
    list_display = ("meeting", "person", "status")
    list_filter = ("status",)


@admin.register(ObserverRegistration)
class ObserverRegistrationAdmin(admin.ModelAdmin[ObserverRegistration]):
    list_display = ("meeting", "person", "listed", "created")


@admin.register(Objection)
class ObjectionAdmin(admin.ModelAdmin[Objection]):
    list_display = ("decision", "named", "created")


@admin.register(WrittenInput)
class WrittenInputAdmin(admin.ModelAdmin[WrittenInput]):
    list_display = ("title", "meeting", "author", "hidden")
    list_filter = ("hidden",)


@admin.register(Transcript)
class TranscriptAdmin(admin.ModelAdmin[Transcript]):
    list_display = ("meeting", "language", "source_format", "uploaded")
