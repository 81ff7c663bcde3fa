from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

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


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("name", "acronym", "country", "stakeholder_group", "listed")
    list_filter = ("listed", "stakeholder_group", "country__region_group")
    search_fields = ("name", "acronym")
    prepopulated_fields = {"slug": ("name",)}
