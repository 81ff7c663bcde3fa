"""The bodies' texts that are translated per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from igf.bodies.models import Body, BodyType, Call, Milestone, TermsOfReference
from igf.translations.enums import Importance


@register(BodyType)
class BodyTypeTranslation(TranslationOptions):
    fields = ("name", "name_plural", "description")
    desk_importance = Importance.MAIN_PUBLIC


@register(Body)
class BodyTranslation(TranslationOptions):
    fields = ("name", "summary", "description", "themes")
    desk_importance = Importance.MAIN_PUBLIC


@register(TermsOfReference)
class TermsOfReferenceTranslation(TranslationOptions):
    fields = ("text",)
    desk_importance = Importance.MAIN_PUBLIC


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("title", "description", "criteria", "outcome")
    desk_importance = Importance.PUBLIC


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title", "description")
    desk_importance = Importance.PUBLIC
