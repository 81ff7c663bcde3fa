"""The opinions' texts that are translated per language (django-modeltranslation).

Statements written by participants are shown as written; only those a moderator seeded are
offered to translators (`igf.translations.registry`), but the columns exist for every row.
"""

from modeltranslation.translator import TranslationOptions, register

from igf.opinions.models import Conversation, Statement


@register(Conversation)
class ConversationTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Statement)
class StatementTranslation(TranslationOptions):
    fields = ("text",)
