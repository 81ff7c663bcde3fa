from __future__ import annotations

from typing import cast

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from igf.bodies import services
from igf.bodies.enums import CallStatus
from igf.bodies.models import (
    AnnualReport,
    Body,
    BodyType,
    Call,
    CompositionTarget,
    ListMessage,
    Membership,
    Milestone,
    Nomination,
    Subscription,
    TermsOfReference,
)
from igf.people.models import User


@admin.register(BodyType)
class BodyTypeAdmin(admin.ModelAdmin[BodyType]):
    list_display = (
        "name",
        "slug",
        "has_fixed_terms",
        "has_open_membership",
        "needs_annual_report",
        "order",
    )
    prepopulated_fields = {"slug": ("name",)}


class CompositionTargetInline(admin.TabularInline[CompositionTarget, Body]):
    model = CompositionTarget
    extra = 0


@admin.register(Body)
class BodyAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    """Bodies and their rules. Members are appointed on the body's page, where the rules run."""

    list_display = ("name", "type", "country", "status")
    list_filter = ("type", "status")
    search_fields = ("name", "acronym")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (CompositionTargetInline,)
    autocomplete_fields = ("parent",)


@admin.register(TermsOfReference)
class TermsOfReferenceAdmin(admin.ModelAdmin[TermsOfReference]):
    list_display = ("body", "version", "adopted_on", "adopted_by")
    readonly_fields = (
        "body",
        "version",
        "text",
        "adopted_on",
        "adopted_by",
        "adopted_by_url",
        "recorded_by",
    )


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("person", "body", "role", "start", "end")
    list_filter = ("role", "body__type")
    search_fields = ("person__display_name", "body__name")
    readonly_fields = (
        "body",
        "person",
        "role",
        "start",
        "end",
        "capacity",
        "organization",
        "stakeholder_group",
        "override_reason",
        "appointed_by",
    )


@admin.action(description=_("Open for nominations"))
def open_calls(modeladmin: CallAdmin, request: HttpRequest, queryset: QuerySet[Call]) -> None:
    for call in queryset.filter(status=CallStatus.DRAFT):
        services.open_call(by=cast(User, request.user), call=call)


@admin.register(Call)
class CallAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("title", "body", "status", "opens", "closes", "seats")
    list_filter = ("status",)
    actions = (open_calls,)
    readonly_fields = ("status", "outcome", "decided_at")


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin[Nomination]):
    list_display = ("nominee", "call", "stakeholder_group", "status")
    list_filter = ("status", "call")
    readonly_fields = (
        "call",
        "nominee",
        "nominated_by",
        "stakeholder_group",
        "country",
        "expertise",
        "motivation",
        "status",
        "decision_reason",
    )


admin.site.register(AnnualReport)
admin.site.register(Milestone)
admin.site.register(Subscription)
admin.site.register(ListMessage)
