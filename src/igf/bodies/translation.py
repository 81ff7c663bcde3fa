"""The bodies' texts that are translated per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from igf.bodies.models import Body, BodyType, Call, Milestone, TermsOfReference


@register(BodyType)
class BodyTypeTranslation(TranslationOptions):
    fields = ("name", "name_plural", "description")


@register(Body)
class BodyTranslation(TranslationOptions):
    fields = ("name", "summary", "description", "themes")


@register(TermsOfReference)
class TermsOfReferenceTranslation(TranslationOptions):
    fields = ("text",)


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("title", "description", "criteria", "outcome")


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title", "description")
