"""Dispositions: how each comment was handled and where, drafted by the editors, then
published with the next version (commenters told)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from igf.consultations.enums import CommentStatus, DispositionOutcome
from igf.consultations.models import Comment, CommentPeriod, Disposition, Paragraph
from igf.consultations.services.common import ConsultationError
from igf.core.activity import record_activity
from igf.core.links import site_url
from igf.core.notify import notify
from igf.people.models import User


@transaction.atomic
def record_disposition(
    *,
    by: User,
    comment: Comment,
    outcome: str,
    reason: str,
    addressed_in: Paragraph | None = None,
) -> Disposition:
    """Say how a comment was handled and where in a later version (a draft until published).

    Side effects: the disposition's history is kept; one private activity entry.
    """
    if outcome not in DispositionOutcome.values:
        raise ConsultationError(_("Choose an outcome."), field="outcome")
    reason = (reason or "").strip()
    if not reason:
        raise ConsultationError(_("Give a short reason."), field="reason")
    if comment.parent_id is not None or comment.status != CommentStatus.PUBLISHED:
        raise ConsultationError(_("Only published comments (not replies) get a disposition."))
    version = comment.period.version
    if addressed_in is not None and (
        addressed_in.version.document_id != version.document_id
        or addressed_in.version.number <= version.number
    ):
        raise ConsultationError(
            _("Choose a paragraph of a later version of this document."), field="addressed_in"
        )
    disposition, _created = Disposition.objects.update_or_create(
        comment=comment,
        defaults={
            "outcome": outcome,
            "reason": reason[:4000],
            "addressed_in": addressed_in,
            "decided_by": by,
            "updated": timezone.now(),
        },
    )
    record_activity(
        by=by,
        verb="consultations.disposition_recorded",
        target=version,
        data={"comment": comment.pk},
    )
    return disposition


@transaction.atomic
def publish_dispositions(*, by: User, period: CommentPeriod) -> int:
    """Publish the period's drafted dispositions; return how many were published.

    Side effects: each commenter gets one e-mail (after commit) listing the dispositions of
    their comments; one public activity entry (if any was published).
    """
    now = timezone.now()
    drafts = list(
        Disposition.objects.filter(
            comment__period=period,
            comment__status=CommentStatus.PUBLISHED,
            published_at__isnull=True,
        ).select_related("comment__author__user", "addressed_in__version")
    )
    if not drafts:
        return 0
    Disposition.objects.filter(pk__in=[d.pk for d in drafts]).update(published_at=now)
    by_author: dict[int, list[Disposition]] = {}
    for disposition in drafts:
        by_author.setdefault(disposition.comment.author_id, []).append(disposition)
    version = period.version
    for dispositions in by_author.values():
        notify(
            dispositions[0].comment.author,
            "consultations/email/dispositions",
            {
                "dispositions": dispositions,
                "document": version.document,
                "url": site_url(period.get_absolute_url()),
            },
        )
    record_activity(
        by=by,
        verb="consultations.dispositions_published",
        target=version,
        public=True,
        data={"count": len(drafts)},
    )
    return len(drafts)
