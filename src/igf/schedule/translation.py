"""The schedule's texts that are translated per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from igf.schedule.models import Room
from igf.translations.enums import Importance


@register(Room)
class RoomTranslation(TranslationOptions):
    fields = ("name",)
    desk_importance = Importance.MAIN_PUBLIC
