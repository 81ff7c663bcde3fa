from __future__ import annotations

from typing import cast

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from igf.people import services
from igf.people.models import Affiliation, Organization, Person, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    ordering = ("email",)
    list_display = ("email", "is_active", "is_staff", "is_superuser", "last_login")
    search_fields = ("email", "person__display_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    readonly_fields = ("last_login", "date_joined")
    # Only administrators hand out roles; the secretariat cannot raise anyone's rights.
    role_fields = ("is_staff", "is_superuser", "groups", "user_permissions")

    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> tuple[str, ...]:
        fields = tuple(super().get_readonly_fields(request, obj))
        if not getattr(request.user, "is_superuser", False):
            fields += self.role_fields
        return fields


class AffiliationInline(admin.TabularInline[Affiliation, Person]):
    model = Affiliation
    extra = 0
    autocomplete_fields = ("organization",)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin[Person]):
    list_display = ("display_name", "country", "stakeholder_group", "joined", "erased")
    list_filter = ("stakeholder_group", "country__region_group", "gender", "is_youth")
    search_fields = ("display_name", "user__email")
    readonly_fields = ("user", "public_id", "joined", "erased")
    inlines = (AffiliationInline,)


@admin.action(description=_("List in the public directory"))
def list_in_directory(
    modeladmin: OrganizationAdmin, request: HttpRequest, queryset: QuerySet[Organization]
) -> None:
    for organization in queryset:
        services.review_organization(
            by=cast(User, request.user), organization=organization, listed=True
        )


@admin.action(description=_("Remove from the public directory"))
def unlist_from_directory(
    modeladmin: OrganizationAdmin, request: HttpRequest, queryset: QuerySet[Organization]
) -> None:
    for organization in queryset:
        services.review_organization(
            by=cast(User, request.user), organization=organization, listed=False
        )


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    actions = (list_in_directory, unlist_from_directory)
    list_display = ("name", "acronym", "country", "stakeholder_group", "listed")
    list_filter = ("listed", "stakeholder_group", "country__region_group")
    search_fields = ("name", "acronym")
    prepopulated_fields = {"slug": ("name",)}
