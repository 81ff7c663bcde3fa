"""What the translation tests share: a translator for one language, a translated text."""

from __future__ import annotations

from django.db import models

from igf.people.models import User
from igf.translations import services
from igf.translations.services import TextChange
from tests.factories import UserFactory


def translator(language: str, **kwargs: object) -> User:
    user = UserFactory.create(**kwargs)
    services.assign_translator(by=None, user=user, language=language)  # type: ignore[arg-type]
    return user


def translate(
    obj: models.Model, language: str, status: str = "official", by: User | None = None, **texts: str
) -> list[str]:
    return services.save_translation(
        by=by,
        obj=obj,
        language=language,
        changes=[TextChange(field=f, text=t, status=status) for f, t in texts.items()],
    )
