"""The opinions' texts that are translated per language (django-modeltranslation).

Statements written by participants are shown as written; only those a moderator seeded are
offered to translators (`igf.translations.registry`), but the columns exist for every row.
"""

from modeltranslation.translator import TranslationOptions, register

from igf.opinions.enums import StatementOrigin
from igf.opinions.models import Conversation, Statement
from igf.translations.enums import Importance


@register(Conversation)
class ConversationTranslation(TranslationOptions):
    fields = ("title", "description")
    desk_importance = Importance.PUBLIC


@register(Statement)
class StatementTranslation(TranslationOptions):
    fields = ("text",)
    desk_importance = Importance.PUBLIC
    # What participants write is shown as written; moderators' seed statements are translated.
    desk_filter = {"origin": StatementOrigin.SEED}
