"""Moderation under the Code of Conduct: a moderator's decision on a comment, logged with its
reason, and the author told."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from igf.consultations.enums import CommentStatus, ModerationAction
from igf.consultations.models import Comment, ModerationDecision
from igf.consultations.services.common import ConsultationError
from igf.core.activity import record_activity
from igf.core.links import site_url
from igf.core.notify import notify
from igf.people.models import User

_TRANSITIONS: dict[str, tuple[set[str], str]] = {
    ModerationAction.APPROVE: ({CommentStatus.PENDING}, CommentStatus.PUBLISHED),
    ModerationAction.HIDE: ({CommentStatus.PENDING, CommentStatus.PUBLISHED}, CommentStatus.HIDDEN),
    ModerationAction.RESTORE: ({CommentStatus.HIDDEN}, CommentStatus.PUBLISHED),
    ModerationAction.DISMISS: ({CommentStatus.PUBLISHED}, CommentStatus.PUBLISHED),
}


@transaction.atomic
def moderate_comment(*, by: User, comment: Comment, action: str, reason: str) -> ModerationDecision:
    """Decide on a comment under the Code of Conduct: publish, hide, restore or keep it.

    Side effects: the decision is logged with its reason; open flags are resolved; the author
    is told by e-mail once the decision commits; one private activity entry.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ConsultationError(_("Give the reason for the decision."), field="reason")
    if action not in _TRANSITIONS:
        raise ConsultationError(_("Choose a decision."), field="action")
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    allowed_from, status = _TRANSITIONS[action]
    if locked.status not in allowed_from:
        raise ConsultationError(_("This decision does not apply to the comment as it is now."))
    now = timezone.now()
    decision = ModerationDecision.objects.create(
        comment=locked, action=action, reason=reason[:4000], decided_by=by, decided_at=now
    )
    if locked.status != status:
        locked.status = status
        locked.save(update_fields=["status"])
    locked.flags.filter(resolved_at__isnull=True).update(resolved_at=now)
    notify(
        locked.author,
        "consultations/email/moderation",
        {
            "comment": locked,
            "decision": decision,
            "document": locked.period.version.document,
            "url": site_url(locked.period.version.get_absolute_url()),
        },
    )
    record_activity(
        by=by,
        verb="consultations.comment_moderated",
        target=locked.period.version,
        data={"comment": locked.pk, "action": action},
    )
    comment.status = locked.status
    return decision
