"""What every topic of the consultations services shares: the domain errors, limits and
small checks."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from igf.consultations import blocks as blockmod
from igf.consultations.models import Translation, Version
from igf.core.errors import Refused
from igf.people.models import Organization, Person

DEFAULT_PERIOD = timedelta(days=30)
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_TEXT = 20_000


class ConsultationError(Refused):
    """A request the rules of drafting in the open refuse (a closed period, a published
    version); the message is translated and shown to the person."""


class VersionConflictError(ConsultationError):
    """Someone else saved the draft since this editor opened it (optimistic locking)."""

    def __init__(self, current: Version | Translation) -> None:
        super().__init__(
            _(
                "Someone else saved this text while you were editing it. Your text is kept "
                "below; compare it with theirs, then save again."
            )
        )
        self.current = current


def unique_slug(model: type[models.Model], title: str) -> str:
    base = slugify(title, allow_unicode=True)[:100] or "document"
    slug, n = base, 1
    while model._default_manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def new_key(taken: set[str]) -> str:
    while True:
        key = secrets.token_hex(4)
        if key not in taken:
            taken.add(key)
            return key


def check_text(text: str, *, field: str = "text") -> str:
    text = blockmod.clean_text(text or "")
    if len(text) > 2_000_000:
        raise ConsultationError(_("The text is too long."), field=field)
    return text


def check_belongs(person: Person, organization: Organization | None) -> None:
    if (
        organization is not None
        and not person.affiliations.filter(organization=organization).exists()
    ):
        raise ConsultationError(
            _("You can act only on behalf of an organisation you belong to."),
            field="on_behalf_of",
        )
