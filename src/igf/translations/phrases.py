"""Activity-log sentences of content translation (registered in igf.core.phrases.ACTIVITY)."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ACTIVITY: dict[str, tuple[Promise, Promise]] = {
    "translation.saved": (
        _("%(actor)s translated texts of %(object)s."),
        _("Texts of %(object)s were translated."),
    ),
    "translation.translator_assigned": (
        _("%(actor)s assigned the translator %(object)s."),
        _("The translator %(object)s was assigned."),
    ),
    "translation.translator_removed": (
        _("%(actor)s ended the translator role %(object)s."),
        _("The translator role %(object)s was ended."),
    ),
}
