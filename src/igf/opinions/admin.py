"""The secretariat's view of conversations and statements in the admin (votes stay out)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from igf.opinions.models import Conversation, Statement


@admin.register(Conversation)
class ConversationAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("title", "status", "participation", "visibility", "created")
    list_filter = ("status", "participation", "visibility")
    search_fields = ("title", "slug")
    readonly_fields = ("slug", "owner_type", "owner_id", "opened", "closed", "created_by")
    filter_horizontal = ("moderators",)
    exclude = ("created",)


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("number", "text", "conversation", "status", "origin", "is_meta")
    list_filter = ("status", "origin", "is_meta")
    search_fields = ("text",)
    readonly_fields = ("conversation", "number", "author", "origin", "moderated_by", "moderated")
    list_select_related = ("conversation",)
