"""What every topic of the consultations services shares: the domain errors, limits and
small checks."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import models
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from igf.consultations import blocks as blockmod
from igf.consultations.models import Translation, Version
from igf.people.models import Organization, Person

DEFAULT_PERIOD = timedelta(days=30)
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_TEXT = 20_000


class ConsultationError(Exception):
    """A request the forum's rules refuse; `message` is translated and shown to the person."""

    def __init__(self, message: Any, *, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


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


# --- Helpers --------------------------------------------------------------------------------------


def site_url(path: str) -> str:
    base = str(getattr(settings, "IGF_SITE_URL", "") or "http://127.0.0.1:8000")
    return base.rstrip("/") + path


def _language_for(person: Person) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    for language in person.languages or []:
        if language in codes:
            return str(language)
    return str(settings.LANGUAGE_CODE)


def notify(person: Person, template: str, context: dict[str, Any]) -> bool:
    """E-mail a person in their language (queued as a task by the platform's mail backend).

    `template` names consultations/email/<template>_subject.txt and _body.txt. People who
    left the forum or have no usable address are not written to.
    """
    user = person.user
    if person.erased is not None or not user.is_active or not user.email:
        return False
    with translation.override(_language_for(person)):
        context = {**context, "person": person, "site_name": settings.IGF_SITE_NAME}
        subject = render_to_string(f"consultations/email/{template}_subject.txt", context)
        body = render_to_string(f"consultations/email/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])
    return True


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
