from django.contrib import admin

from igf.translations.models import ContentTranslation, Translator


@admin.register(Translator)
class TranslatorAdmin(admin.ModelAdmin[Translator]):
    list_display = ("user", "language", "assigned")
    list_filter = ("language",)
    raw_id_fields = ("user", "assigned_by")


@admin.register(ContentTranslation)
class ContentTranslationAdmin(admin.ModelAdmin[ContentTranslation]):
    list_display = ("content_type", "object_id", "field", "language", "status", "updated")
    list_filter = ("language", "status", "content_type")
    readonly_fields = ("source_digest",)
