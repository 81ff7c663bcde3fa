"""`{% report_concern object %}`: the "Report a concern" link for any piece of content, a
profile or a session (for signed-in people; visitors are asked to sign in on the way)."""

from __future__ import annotations

from typing import Any

from django import template
from django.db import models
from django.urls import reverse

from igf.conduct.queries import REPORTABLE, reportable_kind

register = template.Library()


@register.inclusion_tag("conduct/includes/report_link.html")
def report_concern(subject: models.Model | None) -> dict[str, Any]:
    if subject is None or subject.pk is None:
        return {"url": ""}
    kind = reportable_kind(subject)
    if kind not in REPORTABLE:
        return {"url": ""}
    url = reverse("conduct:report_content", kwargs={"kind": kind, "object_id": subject.pk})
    return {"url": url}
