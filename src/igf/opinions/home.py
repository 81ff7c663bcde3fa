"""The opinions app's part of the home page: conversations open for votes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from igf.opinions.enums import ConversationStatus
from igf.opinions.queries import conversation_list

SHOWN = 3


def open_conversations(request: HttpRequest) -> dict[str, Any] | None:
    conversations = list(
        conversation_list(request.user).filter(status=ConversationStatus.OPEN)[:SHOWN]
    )
    if not conversations:
        return None
    return {"conversations": conversations}
