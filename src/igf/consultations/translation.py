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
from igf.translations.enums import Importance


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title", "summary")
    desk_importance = Importance.MAIN_PUBLIC


@register(CommentPeriod)
class CommentPeriodTranslation(TranslationOptions):
    fields = ("instructions",)
    desk_importance = Importance.PUBLIC


@register(Questionnaire)
class QuestionnaireTranslation(TranslationOptions):
    fields = ("title", "introduction")
    desk_importance = Importance.PUBLIC


@register(QuestionnaireSection)
class QuestionnaireSectionTranslation(TranslationOptions):
    fields = ("title",)
    desk_importance = Importance.PUBLIC


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text",)
    desk_importance = Importance.PUBLIC
