"""Reads of the core app, filtered by what the viewer may see."""

from __future__ import annotations

from django.db.models import QuerySet

from igf.core.accounts import Account
from igf.core.models import ActivityEntry, Forum
from igf.core.rules import is_secretariat


def activity_visible_to(user: Account) -> QuerySet[ActivityEntry]:
    entries = ActivityEntry.objects.select_related("actor__person", "target_type")
    return entries if is_secretariat(user) else entries.filter(public=True)


def current_forum() -> Forum:
    """The installation's forum; created empty on first need."""
    forum = Forum.objects.prefetch_related("texts").first()
    return forum if forum is not None else Forum.objects.create()
