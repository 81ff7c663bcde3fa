from django.contrib import admin

from igf.core.models import ActivityEntry, Country, Forum, ForumText


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin[Country]):
    """Read-only: countries come from the shipped data file."""

    list_display = (
        "iso2",
        "name_en",
        "status",
        "region_group",
        "ldc",
        "lldc",
        "sids",
        "eit",
        "developing",
    )
    list_filter = ("status", "region_group", "ldc", "lldc", "sids", "eit", "developing")
    search_fields = ("iso2", "iso3", "name_en")

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(ActivityEntry)
class ActivityEntryAdmin(admin.ModelAdmin[ActivityEntry]):
    """Read-only: the log is written by services and never edited."""

    list_display = ("when", "actor", "verb", "target_label", "public")
    list_filter = ("public", "verb")
    search_fields = ("target_label", "verb")
    date_hierarchy = "when"

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


class ForumTextInline(admin.StackedInline[ForumText, Forum]):
    model = ForumText
    extra = 0


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin[Forum]):
    inlines = (ForumTextInline,)
    list_display = ("__str__", "default_language", "website")
