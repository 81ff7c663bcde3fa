"""Writing the forum's activity log. Services call `record_activity`; nothing else writes it."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from igf.core.accounts import Account
from igf.core.models import ActivityEntry


def record_activity(
    *,
    by: Account | None,
    verb: str,
    target: models.Model | None = None,
    public: bool = False,
    data: dict[str, Any] | None = None,
) -> ActivityEntry:
    """Append one entry to the activity log.

    `by` is the acting user (or None for the system). `verb` is a stable machine name such
    as "person.profile_updated"; pages translate it through `igf.core.phrases.VERBS`.
    """
    # The account model is people.User, which core cannot name; a visitor is no actor.
    actor: Any = by if by is not None and by.is_authenticated else None
    return ActivityEntry.objects.create(
        actor=actor,
        verb=verb,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:300] if target is not None else "",
        public=public,
        data=data or {},
    )
