"""The programme's texts that are translated per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from igf.programme.models import (
    AnnualMeeting,
    Call,
    PolicyQuestion,
    ReviewCriterion,
    Session,
    SessionType,
    Theme,
    Track,
)
from igf.translations.enums import Importance


@register(AnnualMeeting)
class AnnualMeetingTranslation(TranslationOptions):
    fields = ("name", "description")
    desk_importance = Importance.MAIN_PUBLIC


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name", "description")
    desk_importance = Importance.MAIN_PUBLIC


@register(PolicyQuestion)
class PolicyQuestionTranslation(TranslationOptions):
    fields = ("text",)
    desk_importance = Importance.MAIN_PUBLIC


@register(SessionType)
class SessionTypeTranslation(TranslationOptions):
    fields = ("name", "description")
    desk_importance = Importance.MAIN_PUBLIC


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("title", "description")
    desk_importance = Importance.PUBLIC


@register(ReviewCriterion)
class ReviewCriterionTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "description")
    desk_importance = Importance.MAIN_PUBLIC


@register(Track)
class TrackTranslation(TranslationOptions):
    fields = ("name", "description")
    desk_importance = Importance.PUBLIC
