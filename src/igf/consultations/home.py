"""The consultations app's part of the home page: what is open for comment or contribution."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from igf.consultations import queries
from igf.consultations.enums import QuestionnaireStatus

SHOWN = 5


def open_now(request: HttpRequest) -> dict[str, Any] | None:
    documents = queries.open_documents(request.user)[:SHOWN]
    questionnaires = list(
        queries.questionnaires_visible_to(request.user)
        .filter(status=QuestionnaireStatus.PUBLISHED, deadline__gt=timezone.now())
        .order_by("deadline")[:SHOWN]
    )
    if not documents and not questionnaires:
        return None
    return {"documents": documents, "questionnaires": questionnaires}
