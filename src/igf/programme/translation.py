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


@register(AnnualMeeting)
class AnnualMeetingTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(PolicyQuestion)
class PolicyQuestionTranslation(TranslationOptions):
    fields = ("text",)


@register(SessionType)
class SessionTypeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("title", "description")


@register(ReviewCriterion)
class ReviewCriterionTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Track)
class TrackTranslation(TranslationOptions):
    fields = ("name", "description")
