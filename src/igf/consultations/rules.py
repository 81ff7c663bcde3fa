"""Who may read, comment on, moderate and edit documents and questionnaires.

Roles: the public (anyone), commenters (signed-in participants), the author of a comment,
moderators (the secretariat and the moderators' group), editors (the secretariat, and the
chairs, vice-chairs, co-facilitators, rapporteurs and secretariat liaisons of the body a
document or questionnaire belongs to), and the secretariat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import rules
from django.conf import settings
from django.utils import timezone

from igf.bodies.enums import Role
from igf.consultations.enums import VersionStatus
from igf.core.rules import grant_model_permissions, is_secretariat, is_signed_in

if TYPE_CHECKING:
    from igf.consultations.models import Comment, CommentPeriod, Questionnaire
    from igf.people.models import Viewer

# People in this group moderate comments under the Code of Conduct, beside the secretariat.
MODERATORS_GROUP: str = getattr(settings, "IGF_MODERATORS_GROUP", "Moderators")
# Roles in a body that draft its documents and questionnaires, beside those that lead it (as
# the body's type says).
EDITOR_ROLES = frozenset({Role.RAPPORTEUR, Role.SECRETARIAT_LIAISON})
_CACHE_ATTRIBUTE = "_consultations_edited_bodies"


def edited_body_ids(user: Viewer) -> frozenset[int]:
    """The bodies whose documents `user` edits (one query per request, then remembered)."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return frozenset()
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        from igf.bodies.models import Membership  # noqa: PLC0415 - rules load before models

        cached = frozenset(
            body_id
            for body_id, role, lead_roles in Membership.objects.current()
            .filter(person__user=user.pk)
            .values_list("body_id", "role", "body__type__lead_roles")
            if role in EDITOR_ROLES or role in lead_roles
        )
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


def _body_id(target: object) -> int | None:
    """The body a document, version, period, comment, questionnaire... belongs to."""
    for path in (
        ("body_id",),
        ("document", "body_id"),
        ("version", "document", "body_id"),
        ("period", "version", "document", "body_id"),
        ("questionnaire", "body_id"),
        ("compilation", "questionnaire", "body_id"),
    ):
        value: object = target
        try:
            for name in path:
                value = getattr(value, name)
        except AttributeError:
            continue
        return value if isinstance(value, int) else None
    return None


@rules.predicate
def is_moderator(user: Viewer) -> bool:
    return bool(is_secretariat(user)) or (
        bool(is_signed_in(user)) and user.groups.filter(name=MODERATORS_GROUP).exists()
    )


@rules.predicate
def is_editor(user: Viewer, target: object) -> bool:
    """Edits the documents and questionnaires of the target's body (forum ones: secretariat)."""
    if is_secretariat(user):
        return True
    if target is None:
        return False
    body_id = _body_id(target)
    return body_id is not None and body_id in edited_body_ids(user)


@rules.predicate
def edits_some_body(user: Viewer) -> bool:
    return bool(edited_body_ids(user))


@rules.predicate
def is_published(user: Viewer, target: object) -> bool:
    """A document with a published version, a published questionnaire or compilation."""
    if target is None:
        return False
    flag = getattr(target, "has_published_version", None)
    if flag is None and hasattr(target, "versions"):
        flag = target.versions.filter(status=VersionStatus.PUBLISHED).exists()
    if flag is not None:
        return bool(flag)
    return bool(getattr(target, "is_published", False))


@rules.predicate
def is_comment_author(user: Viewer, comment: Comment | None) -> bool:
    person_id = getattr(getattr(user, "person", None), "pk", None)
    return comment is not None and person_id is not None and comment.author_id == person_id


@rules.predicate
def is_visible_comment(user: Viewer, comment: Comment | None) -> bool:
    return comment is not None and comment.is_published


@rules.predicate
def is_open_period(user: Viewer, period: CommentPeriod | None) -> bool:
    return period is not None and period.is_open(timezone.now())


@rules.predicate
def is_open_for_replies(user: Viewer, comment: Comment | None) -> bool:
    """The comment's period is open now, so it can be replied to."""
    return comment is not None and comment.period.is_open(timezone.now())


@rules.predicate
def is_open_questionnaire(user: Viewer, questionnaire: Questionnaire | None) -> bool:
    return questionnaire is not None and questionnaire.is_open(timezone.now())


@rules.predicate
def is_invited(user: Viewer, questionnaire: Questionnaire | None) -> bool:
    if questionnaire is None or not is_signed_in(user):
        return False
    if questionnaire.open_to_all:
        return True
    return bool(questionnaire.invitations.filter(person__user=user.pk).exists())


can_view_document = is_published | is_editor
can_create_document = is_secretariat | edits_some_body
can_edit_document = is_signed_in & is_editor
can_comment = is_signed_in & is_open_period
can_reply = is_signed_in & is_open_for_replies
can_flag_comment = is_signed_in & is_visible_comment & ~is_comment_author
can_moderate = is_moderator
can_dispose = is_signed_in & is_editor
can_view_questionnaire = is_published | is_editor
can_contribute = is_signed_in & is_open_questionnaire & is_invited
can_compile = is_signed_in & is_editor
can_view_compilation = is_published | is_editor

rules.add_perm("consultations.view_document", can_view_document)
rules.add_perm("consultations.create_document", can_create_document)
rules.add_perm("consultations.edit_document", can_edit_document)
rules.add_perm("consultations.comment", can_comment)
rules.add_perm("consultations.reply", can_reply)
rules.add_perm("consultations.flag_comment", can_flag_comment)
rules.add_perm("consultations.moderate", can_moderate)
rules.add_perm("consultations.dispose", can_dispose)
rules.add_perm("consultations.view_questionnaire", can_view_questionnaire)
rules.add_perm("consultations.create_questionnaire", can_create_document)
rules.add_perm("consultations.edit_questionnaire", can_edit_document)
rules.add_perm("consultations.contribute", can_contribute)
rules.add_perm("consultations.compile", can_compile)
rules.add_perm("consultations.view_compilation", can_view_compilation)

# The secretariat reads everything in the admin; changes go through the pages and services
# (they keep the activity log, the moderation log and the e-mails), so the admin is read-only
# except for correcting a comment period's dates.
grant_model_permissions(
    "consultations",
    is_secretariat,
    {
        "document": ("view",),
        "historicaldocument": ("view",),
        "version": ("view",),
        "historicalversion": ("view",),
        "paragraph": ("view",),
        "translation": ("view",),
        "commentperiod": ("view", "change"),
        "historicalcommentperiod": ("view",),
        "comment": ("view",),
        "disposition": ("view",),
        "historicaldisposition": ("view",),
        "flag": ("view",),
        "moderationdecision": ("view",),
        "questionnaire": ("view",),
        "contribution": ("view",),
        "compilation": ("view",),
    },
)
