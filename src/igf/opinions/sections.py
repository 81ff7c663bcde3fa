"""The conversations of a body, an annual meeting, a session or a document, listed on its
page (registered in `OpinionsConfig.ready`, through each page's hook)."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode

from igf.opinions.queries import conversations_of

SHOWN = 10


def owner_conversations(request: HttpRequest, owner: models.Model) -> dict[str, Any] | None:
    """The conversations the viewer may read that belong to `owner`; for the secretariat, a
    link to start one there. Nothing to show, no section."""
    conversations = list(conversations_of(owner, request.user)[:SHOWN])
    start_url = ""
    if request.user.has_perm("opinions.create_conversation"):
        kind = ContentType.objects.get_for_model(owner)
        value = f"{kind.app_label}.{kind.model}:{owner.pk}"
        start_url = f"{reverse('opinions:create')}?{urlencode({'belongs_to': value})}"
    if not conversations and not start_url:
        return None
    return {"conversations": conversations, "start_url": start_url}
