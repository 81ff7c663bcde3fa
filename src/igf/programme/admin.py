"""The secretariat configures annual meetings, themes, session types, calls and templates here;
proposals and reviews are read here and changed only through the programme's pages."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from igf.programme.models import (
    AnnualMeeting,
    Call,
    CallSessionType,
    PolicyQuestion,
    Proposal,
    ReviewCriterion,
    Reviewer,
    Session,
    SessionLink,
    SessionPerson,
    SessionType,
    Theme,
    Track,
)


class ThemeInline(admin.TabularInline[Theme, AnnualMeeting]):
    model = Theme
    extra = 0
    show_change_link = True


class SessionTypeInline(admin.TabularInline[SessionType, AnnualMeeting]):
    model = SessionType
    extra = 0
    fields = ("kind", "name", "proposable", "durations", "order")
    show_change_link = True


@admin.register(AnnualMeeting)
class AnnualMeetingAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("name", "year", "host_city", "starts", "ends", "published")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (ThemeInline, SessionTypeInline)


class PolicyQuestionInline(admin.TabularInline[PolicyQuestion, Theme]):
    model = PolicyQuestion
    extra = 1


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("name", "meeting", "order")
    list_filter = ("meeting",)
    inlines = (PolicyQuestionInline,)


@admin.register(SessionType)
class SessionTypeAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("__str__", "meeting", "proposable", "order")
    list_filter = ("meeting", "kind")


class TemplateInline(admin.StackedInline[CallSessionType, Call]):
    model = CallSessionType
    extra = 0


class CriterionInline(admin.TabularInline[ReviewCriterion, Call]):
    model = ReviewCriterion
    extra = 0


@admin.register(Call)
class CallAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("title", "meeting", "opens", "closes", "published", "results_published")
    list_filter = ("meeting",)
    readonly_fields = ("results_published",)
    inlines = (TemplateInline, CriterionInline)


@admin.register(Reviewer)
class ReviewerAdmin(admin.ModelAdmin[Reviewer]):
    list_display = ("person", "call", "stakeholder_group", "region", "organization", "active")
    list_filter = ("call", "stakeholder_group", "active")
    autocomplete_fields = ("person", "organization")
    search_fields = ("person__display_name",)


@admin.register(Proposal)
class ProposalAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    """Read-only: proposals change through the proposers' and the selection's pages."""

    list_display = ("number", "title", "call", "session_type", "status", "decision")
    list_filter = ("call", "status", "decision", "session_type__kind")
    search_fields = ("title",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class SessionPersonInline(admin.TabularInline[SessionPerson, Session]):
    model = SessionPerson
    extra = 0
    fields = (
        "role", "person", "name", "email", "organization_name", "stakeholder_group", "country",
        "gender", "attendance", "timezone", "order",
    )  # fmt: skip
    autocomplete_fields = ("person", "country")


class SessionLinkInline(admin.TabularInline[SessionLink, Session]):
    model = SessionLink
    extra = 0


@admin.register(Session)
class SessionAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    """Sessions come from accepted proposals; main sessions are added here by the secretariat.
    Placing them in the schedule is done on the schedule pages."""

    list_display = ("title", "code", "meeting", "session_type", "theme", "track", "duration")
    list_filter = ("meeting", "session_type__kind", "track")
    search_fields = ("title", "code")
    readonly_fields = ("code",)
    filter_horizontal = ("policy_questions",)
    exclude = ("short_reminder_sent", "full_reminder_sent")
    inlines = (SessionPersonInline, SessionLinkInline)


@admin.register(Track)
class TrackAdmin(admin.ModelAdmin[Track]):
    list_display = ("name", "meeting", "order")
    list_filter = ("meeting",)
