"""The meetings' texts that are translated per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from igf.meetings.models import AgendaItem, Meeting
from igf.translations.enums import Importance


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "description")
    desk_importance = Importance.PUBLIC


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("title",)
    desk_importance = Importance.PUBLIC
