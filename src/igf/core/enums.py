"""The forum's shared vocabularies: stakeholder groups, regions, visibility, gender."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StakeholderGroup(models.TextChoices):
    """The five stakeholder groups of the multistakeholder model, on an equal footing."""

    GOVERNMENT = "government", _("Government")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    TECHNICAL_COMMUNITY = "technical_community", _("Technical community")
    INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental organisation")


class RegionGroup(models.TextChoices):
    """The five United Nations regional groups."""

    AFRICAN = "african", _("African Group")
    ASIA_PACIFIC = "asia_pacific", _("Asia-Pacific Group")
    EASTERN_EUROPEAN = "eastern_european", _("Eastern European Group")
    LATIN_AMERICAN_CARIBBEAN = "latin_american_caribbean", _("Latin American and Caribbean Group")
    WEOG = "weog", _("Western European and Others Group")


class CountryStatus(models.TextChoices):
    MEMBER = "member", _("UN member state")
    OBSERVER = "observer", _("UN observer state")
    TERRITORY = "territory", _("Territory")


class Visibility(models.TextChoices):
    """Who may see one personal detail. The default for sensitive details is the secretariat."""

    PUBLIC = "public", _("Everyone")
    PARTICIPANTS = "participants", _("Signed-in participants")
    SECRETARIAT = "secretariat", _("Only the secretariat")


class Gender(models.TextChoices):
    WOMAN = "woman", pgettext_lazy("gender", "Woman")
    MAN = "man", pgettext_lazy("gender", "Man")
    NON_BINARY = "non_binary", pgettext_lazy("gender", "Non-binary")
    SELF_DESCRIBED = "self_described", pgettext_lazy("gender", "In my own words")
    PREFER_NOT_TO_SAY = "prefer_not_to_say", pgettext_lazy("gender", "Prefer not to say")


class TranslationStatus(models.TextChoices):
    """How far a text in one language can be trusted; shown next to every translated text.

    One vocabulary for every translation the forum keeps: a document's paragraphs
    (`consultations.Translation`) and the translated fields of any object (`igf.translations`).
    """

    ORIGINAL = "original", pgettext_lazy("translation status", "Original")
    MACHINE = "machine", _("Machine translation, not checked")
    DRAFT = "draft", pgettext_lazy("translation status", "Draft translation")
    OFFICIAL = "official", _("Official translation")

    @classmethod
    def of_translations(cls) -> list[tuple[str, Any]]:
        """The choices for a translation (every status but the original's)."""
        return [(value, label) for value, label in cls.choices if value != cls.ORIGINAL]
