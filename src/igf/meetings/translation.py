"""The meetings' texts that are translated per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from igf.meetings.models import AgendaItem, Meeting


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "description")


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("title",)
