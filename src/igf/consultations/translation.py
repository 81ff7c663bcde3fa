"""The consultations' texts that are translated per language (django-modeltranslation).

A document's body is translated paragraph by paragraph (`Translation`); its title and summary
are translated here, like every other text the forum writes.
"""

from modeltranslation.translator import TranslationOptions, register

from igf.consultations.models import (
    CommentPeriod,
    Document,
    Question,
    Questionnaire,
    QuestionnaireSection,
)


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(CommentPeriod)
class CommentPeriodTranslation(TranslationOptions):
    fields = ("instructions",)


@register(Questionnaire)
class QuestionnaireTranslation(TranslationOptions):
    fields = ("title", "introduction")


@register(QuestionnaireSection)
class QuestionnaireSectionTranslation(TranslationOptions):
    fields = ("title",)


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text",)
