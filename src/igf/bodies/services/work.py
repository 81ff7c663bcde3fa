"""A body's record of its work: terms of reference, annual reports, workplan milestones."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from igf.bodies.enums import ChairMethod
from igf.bodies.models import AnnualReport, Body, Milestone, TermsOfReference
from igf.core.activity import record_activity
from igf.core.errors import Invalid
from igf.people.models import User


@transaction.atomic
def adopt_terms_of_reference(
    *,
    by: User,
    body: Body,
    text: str,
    adopted_on: date,
    adopted_by: str,
    adopted_by_url: str = "",
    chair_method: str = ChairMethod.APPOINTED,
    chair_appointed_by: str = "",
    chairs: int = 1,
    election_quorum: int = 50,
    rotation_order: list[str] | None = None,
) -> TermsOfReference:
    """Record a newly adopted version of the terms of reference, with how the chair is chosen.

    Side effects: activity entry.
    """
    latest = body.terms_of_reference.order_by("-version").first()
    version = TermsOfReference.objects.create(
        body=body,
        version=(latest.version + 1) if latest else 1,
        text=text,
        adopted_on=adopted_on,
        adopted_by=adopted_by,
        adopted_by_url=adopted_by_url,
        chair_method=chair_method,
        chair_appointed_by=chair_appointed_by,
        chairs=chairs,
        election_quorum=election_quorum,
        rotation_order=list(rotation_order or []),
        recorded_by=by,
    )
    record_activity(
        by=by, verb="terms.adopted", target=body, public=True, data={"version": version.version}
    )
    return version


@transaction.atomic
def submit_annual_report(
    *, by: User, body: Body, year: int, text: str = "", file: Any = None
) -> AnnualReport:
    """File (or replace) a body's report for `year`. Side effects: public activity entry."""
    if not text.strip() and not file:
        raise Invalid(_("Write the report or attach it as a file."), field="text")
    report, _created = AnnualReport.objects.update_or_create(
        body=body,
        year=year,
        defaults={"text": text, "submitted": timezone.now(), "submitted_by": by},
    )
    if file:
        report.file.save(f"{uuid.uuid4().hex}.pdf", file, save=True)
    record_activity(by=by, verb="report.submitted", target=body, public=True, data={"year": year})
    return report


@transaction.atomic
def save_milestone(*, by: User, milestone: Milestone) -> Milestone:
    """Add or change a workplan milestone. Side effects: public activity entry."""
    created = milestone.pk is None
    milestone.save()
    record_activity(
        by=by,
        verb="milestone.added" if created else "milestone.updated",
        target=milestone,
        public=True,
        data={"status": milestone.status},
    )
    return milestone
