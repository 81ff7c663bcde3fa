"""The secretariat reads consultations in the admin; the work itself goes through the pages
(which keep the activity log, the moderation log and the e-mails)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from igf.consultations.models import (
    Comment,
    CommentPeriod,
    Compilation,
    Contribution,
    Disposition,
    Document,
    Flag,
    ModerationDecision,
    Paragraph,
    Questionnaire,
    Translation,
    Version,
)


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):  # type: ignore[misc]
    list_display = ("title", "body", "kind", "language", "created")
    list_filter = ("kind", "language")
    search_fields = ("title", "slug")


@admin.register(Version)
class VersionAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):  # type: ignore[misc]
    list_display = ("document", "number", "status", "published_at", "revision")
    list_filter = ("status",)
    search_fields = ("document__title",)


@admin.register(Paragraph)
class ParagraphAdmin(ReadOnlyAdmin):
    list_display = ("version", "position", "number", "kind", "key", "similarity")
    search_fields = ("text", "key")


@admin.register(Translation)
class TranslationAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):  # type: ignore[misc]
    list_display = ("version", "language", "status", "updated")
    list_filter = ("language", "status")


@admin.register(CommentPeriod)
class CommentPeriodAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    """Dates may be corrected here (an extension announced to everyone); history is kept."""

    list_display = ("version", "opens", "closes")
    fields = ("version", "opens", "closes", "instructions")
    readonly_fields = ("version",)

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ("pk", "period", "paragraph", "author", "status", "anonymous", "created")
    list_filter = ("status", "anonymous", "stakeholder_group")
    search_fields = ("text", "author__display_name")


@admin.register(Disposition)
class DispositionAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):  # type: ignore[misc]
    list_display = ("comment", "outcome", "published_at")
    list_filter = ("outcome",)


@admin.register(Flag)
class FlagAdmin(ReadOnlyAdmin):
    list_display = ("comment", "reason", "created", "resolved_at")
    list_filter = ("reason",)


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(ReadOnlyAdmin):
    list_display = ("comment", "action", "decided_by", "decided_at")
    list_filter = ("action",)


@admin.register(Questionnaire)
class QuestionnaireAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):  # type: ignore[misc]
    list_display = ("title", "body", "deadline", "status", "open_to_all")
    list_filter = ("status",)


@admin.register(Contribution)
class ContributionAdmin(ReadOnlyAdmin):
    list_display = ("questionnaire", "number", "contributor", "on_behalf_of", "confidential")
    list_filter = ("confidential",)


@admin.register(Compilation)
class CompilationAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):  # type: ignore[misc]
    list_display = ("questionnaire", "status", "published_at")
