"""Who may use the translation desk: the secretariat, and translators for their language."""

from __future__ import annotations

import rules

from igf.core.accounts import Account
from igf.core.rules import is_secretariat, is_signed_in
from igf.translations.models import Translator

# Everyone with a translator role is also in this group, so the navigation can offer the desk
# from the group names django-rules already holds, without a query per page.
TRANSLATORS_GROUP = "Translators"

is_translator = is_signed_in & rules.is_group_member(TRANSLATORS_GROUP)


@rules.predicate
def translates_into(user: Account, language: str | None) -> bool:
    """Translates into this language."""
    if not is_signed_in(user) or not language:
        return False
    return bool(Translator.objects.filter(user_id=int(user.pk or 0), language=language).exists())


can_use_desk = is_secretariat | is_translator
can_translate_into = is_secretariat | translates_into

rules.add_perm("translations.view_desk", can_use_desk)
rules.add_perm("translations.translate", can_translate_into)
rules.add_perm("translations.assign_translators", is_secretariat)
