"""The rules of drafting in the open: versions and paragraph identities, comment periods,
comments and their moderation, dispositions, translations, questionnaires and compilations.

Every function that writes takes the acting user as `by`, runs in a transaction and leaves
one entry in the activity log. Domain errors are `ConsultationError`s with a translated
message that views show next to the form.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import models, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from igf.bodies.models import Body, Membership
from igf.consultations import blocks as blockmod
from igf.consultations.enums import (
    CommentStatus,
    CompilationStatus,
    DispositionOutcome,
    DocumentKind,
    FlagReason,
    ModerationAction,
    QuestionnaireStatus,
    TranslationStatus,
    VersionStatus,
)
from igf.consultations.matching import match_paragraphs, similarity, tokens
from igf.consultations.models import (
    Answer,
    Comment,
    CommentPeriod,
    Compilation,
    CompilationPoint,
    Contribution,
    Disposition,
    Document,
    Flag,
    Invitation,
    ModerationDecision,
    Paragraph,
    Question,
    Questionnaire,
    QuestionnaireSection,
    TranslatedParagraph,
    Translation,
    Version,
)
from igf.consultations.rules import EDITOR_ROLES, is_moderator
from igf.core.activity import record_activity
from igf.core.models import Country
from igf.core.rules import is_secretariat
from igf.people.models import Organization, Person, User

DEFAULT_PERIOD = timedelta(days=30)
# New accounts' comments wait for a moderator until one of them has been published.
NEW_ACCOUNT_AGE = timedelta(days=30)
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_TEXT = 20_000
_POSITION_OFFSET = 1_000_000


class ConsultationError(Exception):
    """A request the forum's rules refuse; `message` is translated and shown to the person."""

    def __init__(self, message: Any, *, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


class VersionConflictError(ConsultationError):
    """Someone else saved the draft since this editor opened it (optimistic locking)."""

    def __init__(self, current: Version | Translation) -> None:
        super().__init__(
            _(
                "Someone else saved this text while you were editing it. Your text is kept "
                "below; compare it with theirs, then save again."
            )
        )
        self.current = current


# --- Helpers --------------------------------------------------------------------------------------


def site_url(path: str) -> str:
    base = str(getattr(settings, "IGF_SITE_URL", "") or "http://127.0.0.1:8000")
    return base.rstrip("/") + path


def _language_for(person: Person) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    for language in person.languages or []:
        if language in codes:
            return str(language)
    return str(settings.LANGUAGE_CODE)


def notify(person: Person, template: str, context: dict[str, Any]) -> bool:
    """E-mail a person in their language (queued as a task by the platform's mail backend).

    `template` names consultations/email/<template>_subject.txt and _body.txt. People who
    left the forum or have no usable address are not written to.
    """
    user = person.user
    if person.erased is not None or not user.is_active or not user.email:
        return False
    with translation.override(_language_for(person)):
        context = {**context, "person": person, "site_name": settings.IGF_SITE_NAME}
        subject = render_to_string(f"consultations/email/{template}_subject.txt", context)
        body = render_to_string(f"consultations/email/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])
    return True


def _unique_slug(model: type[models.Model], title: str) -> str:
    base = slugify(title, allow_unicode=True)[:100] or "document"
    slug, n = base, 1
    while model._default_manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _new_key(taken: set[str]) -> str:
    while True:
        key = secrets.token_hex(4)
        if key not in taken:
            taken.add(key)
            return key


def _check_text(text: str, *, field: str = "text") -> str:
    text = blockmod.clean_text(text or "")
    if len(text) > 2_000_000:
        raise ConsultationError(_("The text is too long."), field=field)
    return text


# --- Documents and versions -----------------------------------------------------------------------


def bodies_for_editor(user: Any) -> models.QuerySet[Body]:
    """Bodies whose documents `user` may start: those that may publish for comment."""
    bodies = Body.objects.filter(type__may_publish_for_comment=True).select_related("type")
    if is_secretariat(user):
        return bodies
    led = Membership.objects.current().filter(person__user=user, role__in=EDITOR_ROLES)
    return bodies.filter(pk__in=led.values("body_id"))


@transaction.atomic
def create_document(
    *,
    by: User,
    title: str,
    kind: str,
    language: str,
    body: Body | None,
    summary: str = "",
    text: str = "",
    source_name: str = "",
) -> Document:
    """Start a document with its first version as a draft (not public until published).

    Side effects: the draft's paragraphs are derived from `text`; one private activity entry.
    """
    if body is not None and not body.type.may_publish_for_comment:
        raise ConsultationError(
            _("Bodies of this type do not publish documents for public comment."), field="body"
        )
    document = Document.objects.create(
        body=body,
        title=title.strip()[:300],
        slug=_unique_slug(Document, title),
        kind=kind,
        language=language,
        summary=summary,
        created_by=by,
    )
    version = Version.objects.create(
        document=document,
        number=1,
        text=_check_text(text),
        source_name=source_name[:200],
        created_by=by,
    )
    _derive_paragraphs(version)
    record_activity(by=by, verb="consultations.document_created", target=document)
    return document


def previous_published(version: Version) -> Version | None:
    return (
        Version.objects.filter(
            document_id=version.document_id,
            number__lt=version.number,
            status=VersionStatus.PUBLISHED,
        )
        .order_by("-number")
        .first()
    )


@dataclass
class _Planned:
    block: blockmod.Block
    row: Paragraph | None
    key: str
    origins: list[str]
    similarity: float | None
    by_editor: bool


def _derive_paragraphs(version: Version) -> None:
    """Split the version's text into paragraphs, keeping identities (see matching.py).

    Blocks are matched first with the draft's own paragraphs (so an editor's corrections and
    the dispositions pointing at them survive further editing), then the rest with the
    previous published version's paragraphs.
    """
    new_blocks = blockmod.split_blocks(version.text)
    current = list(version.paragraphs.order_by("position"))
    previous = previous_published(version)
    prev_paragraphs = list(previous.paragraphs.order_by("position")) if previous else []
    prev_by_key = {p.key: p for p in prev_paragraphs}

    first = match_paragraphs([p.text for p in current], [b.text for b in new_blocks])
    plan: list[_Planned | None] = []
    claimed: set[str] = set()
    kept_rows: set[int] = set()
    for block, match in zip(new_blocks, first, strict=True):
        if match.old is None or current[match.old].pk in kept_rows:
            plan.append(None)
            continue
        row = current[match.old]
        kept_rows.add(row.pk)
        origins = sorted({key for i in match.origins for key in current[i].origins})
        claimed.add(row.key)
        plan.append(_Planned(block, row, row.key, origins, row.similarity, row.matched_by_editor))

    free_prev = [p for p in prev_paragraphs if p.key not in claimed]
    waiting = [j for j, item in enumerate(plan) if item is None]
    second = match_paragraphs([p.text for p in free_prev], [new_blocks[j].text for j in waiting])
    taken_keys = {p.key for p in prev_paragraphs} | claimed
    for j, match in zip(waiting, second, strict=True):
        origins = sorted(free_prev[i].key for i in match.origins)
        if match.old is not None:
            key = free_prev[match.old].key
            claimed.add(key)
            plan[j] = _Planned(new_blocks[j], None, key, origins, match.similarity, False)
        else:
            plan[j] = _Planned(new_blocks[j], None, _new_key(taken_keys), origins, None, False)

    version.paragraphs.exclude(pk__in=kept_rows).delete()
    version.paragraphs.update(position=models.F("position") + _POSITION_OFFSET)
    number = 0
    to_update: list[Paragraph] = []
    to_create: list[Paragraph] = []
    for position, item in enumerate(plan, start=1):
        assert item is not None  # noqa: S101 - every block was planned above
        block = item.block
        if block.numbered:
            number += 1
        score = item.similarity
        if item.key in prev_by_key and (item.row is None or item.row.text != block.text):
            score = round(similarity(tokens(prev_by_key[item.key].text), tokens(block.text)), 4)
        values = {
            "position": position,
            "number": number if block.numbered else None,
            "kind": block.kind,
            "level": block.level,
            "text": block.text,
            "origins": item.origins,
            "similarity": score if item.key in prev_by_key else None,
            "matched_by_editor": item.by_editor,
        }
        if item.row is not None:
            for name, value in values.items():
                setattr(item.row, name, value)
            to_update.append(item.row)
        else:
            to_create.append(Paragraph(version=version, key=item.key, **values))
    if to_update:
        Paragraph.objects.bulk_update(to_update, [*values])
    Paragraph.objects.bulk_create(to_create)


@transaction.atomic
def save_version_text(
    *,
    by: User,
    version: Version,
    text: str,
    expected_revision: int,
    note: str | None = None,
    source_name: str | None = None,
) -> Version:
    """Save a draft's text; refuse with VersionConflictError if someone saved it in between.

    Side effects: the paragraphs are derived again (identities kept); the revision grows;
    one private activity entry.
    """
    locked = Version.objects.select_for_update().get(pk=version.pk)
    if locked.status != VersionStatus.DRAFT:
        raise ConsultationError(_("A published version cannot be changed; start a new version."))
    if locked.revision != expected_revision:
        raise VersionConflictError(locked)
    locked.text = _check_text(text)
    fields = ["text", "revision", "updated"]
    if note is not None:
        locked.note = note
        fields.append("note")
    if source_name is not None:
        locked.source_name = source_name[:200]
        fields.append("source_name")
    locked.revision += 1
    locked.updated = timezone.now()
    locked.save(update_fields=fields)
    _derive_paragraphs(locked)
    record_activity(by=by, verb="consultations.version_saved", target=locked)
    return locked


@transaction.atomic
def start_new_version(
    *, by: User, document: Document, text: str | None = None, source_name: str = ""
) -> Version:
    """Open the next version as a draft, from the latest published text or an imported one.

    Side effects: paragraphs derived and matched with the previous version; activity entry.
    """
    Document.objects.select_for_update().get(pk=document.pk)
    if document.versions.filter(status=VersionStatus.DRAFT).exists():
        raise ConsultationError(_("This document already has a draft version; edit that one."))
    latest = document.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()
    if latest is None:
        raise ConsultationError(_("Publish the first version before starting another."))
    number = (document.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    version = Version.objects.create(
        document=document,
        number=number,
        text=_check_text(text if text is not None else latest.text),
        source_name=source_name[:200],
        created_by=by,
    )
    _derive_paragraphs(version)
    record_activity(by=by, verb="consultations.version_started", target=version)
    return version


def _planned_keys(
    paragraphs: list[Paragraph], choices: Mapping[int, str], prev_keys: set[str]
) -> dict[int, str]:
    """The key each draft paragraph gets from the editor's choices (paragraph id -> key).

    A paragraph declared new loses a previous version's key; a paragraph the editor did not
    mention keeps its key unless another one now takes it.
    """
    taken = prev_keys | {p.key for p in paragraphs}
    chosen = {key for key in choices.values() if key}
    plan: dict[int, str] = {}
    for paragraph in paragraphs:
        wanted = choices.get(paragraph.pk)
        if wanted:
            plan[paragraph.pk] = wanted
        elif (wanted is not None and paragraph.key in prev_keys) or paragraph.key in chosen:
            plan[paragraph.pk] = _new_key(taken)
        else:
            plan[paragraph.pk] = paragraph.key
    return plan


@transaction.atomic
def correct_matching(
    *, by: User, version: Version, choices: Mapping[int, str], expected_revision: int
) -> Version:
    """Let the editor say which previous paragraph each draft paragraph continues.

    `choices` maps a draft paragraph's id to the key of a paragraph of the previous published
    version, or "" for "a new paragraph". Side effects: identities and origins rewritten;
    revision grows; activity entry.
    """
    locked = Version.objects.select_for_update().get(pk=version.pk)
    if locked.status != VersionStatus.DRAFT:
        raise ConsultationError(_("A published version cannot be changed; start a new version."))
    if locked.revision != expected_revision:
        raise VersionConflictError(locked)
    previous = previous_published(locked)
    prev_keys = set(previous.paragraphs.values_list("key", flat=True)) if previous else set()
    chosen = [key for key in choices.values() if key]
    if any(key not in prev_keys for key in chosen):
        raise ConsultationError(_("Choose a paragraph of the previous version."))
    if len(chosen) != len(set(chosen)):
        raise ConsultationError(
            _("Two paragraphs cannot both continue the same paragraph of the previous version.")
        )
    paragraphs = list(locked.paragraphs.all())
    prev_text = dict(previous.paragraphs.values_list("key", "text")) if previous else {}
    plan = _planned_keys(paragraphs, choices, prev_keys)
    original = {p.pk: p.key for p in paragraphs}
    for paragraph in paragraphs:
        paragraph.key = f"~{paragraph.pk}"[:16]
    Paragraph.objects.bulk_update(paragraphs, ["key"])
    for paragraph in paragraphs:
        key = plan[paragraph.pk]
        paragraph.key = key
        if key != original[paragraph.pk]:
            paragraph.origins = [key] if key in prev_keys else []
            paragraph.matched_by_editor = True
        paragraph.similarity = (
            round(similarity(tokens(prev_text[key]), tokens(paragraph.text)), 4)
            if key in prev_text
            else None
        )
    Paragraph.objects.bulk_update(paragraphs, ["key", "origins", "matched_by_editor", "similarity"])
    locked.revision += 1
    locked.updated = timezone.now()
    locked.save(update_fields=["revision", "updated"])
    record_activity(by=by, verb="consultations.matching_corrected", target=locked)
    return locked


def comments_without_disposition(version: Version) -> models.QuerySet[Comment]:
    """Published comments on earlier versions of the document that still need a disposition."""
    return Comment.objects.filter(
        period__version__document_id=version.document_id,
        period__version__number__lt=version.number,
        parent__isnull=True,
        status=CommentStatus.PUBLISHED,
        disposition__isnull=True,
    )


def comments_awaiting_moderation(version: Version) -> models.QuerySet[Comment]:
    return Comment.objects.filter(
        period__version__document_id=version.document_id,
        period__version__number__lt=version.number,
        status=CommentStatus.PENDING,
    )


@transaction.atomic
def publish_version(*, by: User, version: Version, note: str | None = None) -> Version:
    """Publish a draft: it becomes public and can go out for comment.

    Refused while an earlier version is still open for comment, while a comment on an earlier
    version awaits moderation, or while any comment lacks a disposition. Side effects:
    dispositions not yet published are published (and their commenters told); one public
    activity entry.
    """
    locked = Version.objects.select_for_update().get(pk=version.pk)
    if locked.status != VersionStatus.DRAFT:
        raise ConsultationError(_("This version is already published."))
    if not locked.paragraphs.exists():
        raise ConsultationError(_("An empty version cannot be published."))
    now = timezone.now()
    if CommentPeriod.objects.filter(
        version__document_id=locked.document_id,
        version__number__lt=locked.number,
        closes__gt=now,
    ).exists():
        raise ConsultationError(
            _("An earlier version is still open for comment. Wait until its comment period ends.")
        )
    pending = comments_awaiting_moderation(locked).count()
    if pending:
        raise ConsultationError(
            translation.ngettext(
                "%(count)s comment on the earlier versions awaits moderation.",
                "%(count)s comments on the earlier versions await moderation.",
                pending,
            )
            % {"count": pending}
        )
    remaining = comments_without_disposition(locked).count()
    if remaining:
        raise ConsultationError(
            translation.ngettext(
                "%(count)s comment still needs a disposition.",
                "%(count)s comments still need a disposition.",
                remaining,
            )
            % {"count": remaining}
        )
    for period in CommentPeriod.objects.filter(
        version__document_id=locked.document_id, version__number__lt=locked.number
    ):
        publish_dispositions(by=by, period=period)
    locked.status = VersionStatus.PUBLISHED
    locked.published_at = now
    fields = ["status", "published_at"]
    if note is not None:
        locked.note = note
        fields.append("note")
    locked.save(update_fields=fields)
    record_activity(by=by, verb="consultations.version_published", target=locked, public=True)
    return locked


# --- Comment periods ------------------------------------------------------------------------------


@transaction.atomic
def open_comment_period(
    *,
    by: User,
    version: Version,
    opens: datetime,
    closes: datetime | None = None,
    instructions: str = "",
) -> CommentPeriod:
    """Open (or schedule) public comment on a published version; a month by default.

    Side effects: one public activity entry.
    """
    if version.status != VersionStatus.PUBLISHED:
        raise ConsultationError(_("Only a published version can go out for comment."))
    latest = (
        Version.objects.filter(document_id=version.document_id, status=VersionStatus.PUBLISHED)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    if latest != version.number:
        raise ConsultationError(_("Only the latest published version can go out for comment."))
    try:
        closes = closes or opens + DEFAULT_PERIOD
    except OverflowError as error:
        raise ConsultationError(
            _("The period must end after it starts."), field="closes"
        ) from error
    if closes <= opens:
        raise ConsultationError(_("The period must end after it starts."), field="closes")
    if CommentPeriod.objects.filter(version=version, opens__lt=closes, closes__gt=opens).exists():
        raise ConsultationError(
            _("This version already has a comment period at that time."), field="opens"
        )
    period = CommentPeriod.objects.create(
        version=version, opens=opens, closes=closes, instructions=instructions, created_by=by
    )
    record_activity(by=by, verb="consultations.period_opened", target=version, public=True)
    return period


# --- Comments -------------------------------------------------------------------------------------


def needs_moderation(person: Person, *, now: datetime | None = None) -> bool:
    """Whether a new comment by `person` waits for a moderator (first comments of new accounts)."""
    user = person.user
    if is_secretariat(user) or is_moderator(user):
        return False
    moment = now or timezone.now()
    if user.date_joined > moment - NEW_ACCOUNT_AGE:
        return not Comment.objects.filter(author=person, status=CommentStatus.PUBLISHED).exists()
    return False


def _check_upload(upload: UploadedFile) -> str:
    """The kind of an uploaded comment file ("pdf" or "docx"), checked by content, not name."""
    if upload.size is not None and upload.size > MAX_FILE_BYTES:
        raise ConsultationError(_("The file is larger than 5 MB."), field="file")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        import zipfile  # noqa: PLC0415

        try:
            with zipfile.ZipFile(upload) as archive:
                if "word/document.xml" in archive.namelist():
                    upload.seek(0)
                    return "docx"
        except zipfile.BadZipFile:
            pass
    raise ConsultationError(_("Send a PDF or a Word (.docx) file."), field="file")


def passage_start(paragraph: Paragraph, passage: str) -> int:
    """Where a quoted passage starts in the paragraph's plain text; refused if absent."""
    needle = " ".join(passage.split())
    haystack = blockmod.plain_text(paragraph.text)
    index = haystack.casefold().find(needle.casefold()) if needle else -1
    if index < 0:
        raise ConsultationError(
            _("The passage must be copied exactly from the paragraph."), field="passage"
        )
    return index


def _check_open(period: CommentPeriod, now: datetime) -> None:
    if not period.is_open(now):
        if now < period.opens:
            raise ConsultationError(_("The comment period has not started yet."))
        raise ConsultationError(_("The comment period has ended; comments are closed."))


def _passage_start(paragraph: Paragraph | None, passage: str) -> int | None:
    if not passage:
        return None
    if paragraph is None:
        raise ConsultationError(_("Choose a paragraph to quote from."), field="passage")
    return passage_start(paragraph, passage)


def _check_belongs(person: Person, organization: Organization | None) -> None:
    if (
        organization is not None
        and not person.affiliations.filter(organization=organization).exists()
    ):
        raise ConsultationError(
            _("You can act only on behalf of an organisation you belong to."),
            field="on_behalf_of",
        )


@transaction.atomic
def post_comment(
    *,
    by: User,
    period: CommentPeriod,
    text: str,
    paragraph: Paragraph | None = None,
    passage: str = "",
    parent: Comment | None = None,
    on_behalf_of: Organization | None = None,
    anonymous: bool = False,
    stakeholder_group: str = "",
    country: Country | None = None,
    upload: UploadedFile | None = None,
) -> Comment:
    """Post a comment (or reply) in an open comment period.

    The period is checked at the moment of posting: a comment sent one second after the end
    is refused. Side effects: the comment waits for moderation if its author is a new
    account; one private activity entry (comments may be anonymous to the public).
    """
    now = timezone.now()
    current = CommentPeriod.objects.select_related("version").get(pk=period.pk)
    _check_open(current, now)
    person = by.person
    text = blockmod.clean_text(text or "").strip()
    if len(text) > MAX_TEXT:
        raise ConsultationError(_("A comment has at most 20,000 characters."), field="text")
    if parent is not None:
        if parent.period_id != current.pk or parent.status != CommentStatus.PUBLISHED:
            raise ConsultationError(_("This comment cannot be replied to."))
        if parent.parent_id is not None:
            parent = parent.parent
        paragraph = parent.paragraph if parent is not None else paragraph
        passage = ""
        upload = None
    if paragraph is not None and paragraph.version_id != current.version_id:
        raise ConsultationError(_("This paragraph is not part of the version open for comment."))
    passage = " ".join((passage or "").split())[:500]
    start = _passage_start(paragraph, passage)
    if upload is not None and (paragraph is not None or parent is not None):
        raise ConsultationError(
            _("Files can be sent only with a comment on the whole document."), field="file"
        )
    if not text and upload is None:
        raise ConsultationError(_("Write your comment."), field="text")
    _check_belongs(person, on_behalf_of)
    file_kind = _check_upload(upload) if upload is not None else ""
    comment = Comment(
        period=current,
        paragraph=paragraph,
        passage=passage,
        passage_start=start,
        parent=parent,
        author=person,
        on_behalf_of=on_behalf_of,
        anonymous=anonymous,
        stakeholder_group=stakeholder_group,
        country=country,
        text=text,
        status=CommentStatus.PENDING
        if needs_moderation(person, now=now)
        else CommentStatus.PUBLISHED,
        created=now,
    )
    if upload is not None:
        comment.file_name = (upload.name or f"comment.{file_kind}")[-200:]
        comment.file.save(f"{secrets.token_hex(12)}.{file_kind}", upload, save=False)
    comment.save()
    record_activity(
        by=by,
        verb="consultations.comment_posted",
        target=current.version,
        data={"comment": comment.pk, "status": comment.status},
    )
    return comment


@transaction.atomic
def flag_comment(*, by: User, comment: Comment, reason: str, note: str = "") -> Flag:
    """Report a comment to the moderators. A second report by the same person updates the first.

    Side effects: one private activity entry.
    """
    if reason not in FlagReason.values:
        raise ConsultationError(_("Choose a reason."), field="reason")
    if comment.author_id == by.person.pk:
        raise ConsultationError(_("You cannot flag your own comment."))
    if comment.status != CommentStatus.PUBLISHED:
        raise ConsultationError(_("This comment cannot be flagged."))
    flag, _created = Flag.objects.update_or_create(
        comment=comment,
        flagged_by=by.person,
        defaults={"reason": reason, "note": note[:2000], "resolved_at": None},
    )
    record_activity(by=by, verb="consultations.comment_flagged", data={"comment": comment.pk})
    return flag


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
    is told by e-mail; one private activity entry.
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
        "moderation",
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


# --- Dispositions ---------------------------------------------------------------------------------


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

    Side effects: each commenter gets one e-mail listing the dispositions of their comments;
    one public activity entry (if any was published).
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
            "dispositions",
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


# --- Translations ---------------------------------------------------------------------------------


@transaction.atomic
def create_translation(
    *, by: User, version: Version, language: str, status: str, text: str = ""
) -> Translation:
    """Add a language version aligned paragraph by paragraph with the original.

    With `text`, its blocks are aligned in order and must be as many as the original's.
    Without, paragraphs unchanged since the previous version keep their earlier translation.
    Side effects: one activity entry (public if the version is).
    """
    if language == version.document.language:
        raise ConsultationError(_("This is the language of the original."), field="language")
    if status not in TranslationStatus.values:
        raise ConsultationError(_("Choose the status of the translation."), field="status")
    if version.translations.filter(language=language).exists():
        raise ConsultationError(_("This language already has a translation."), field="language")
    paragraphs = list(version.paragraphs.order_by("position"))
    texts: list[str]
    if text.strip():
        translated = blockmod.split_blocks(_check_text(text))
        if len(translated) != len(paragraphs):
            raise ConsultationError(
                _(
                    "The translation has %(found)s paragraphs and the original %(expected)s. "
                    "Separate paragraphs with a blank line, exactly as in the original."
                )
                % {"found": len(translated), "expected": len(paragraphs)},
                field="text",
            )
        texts = [block.text for block in translated]
    else:
        texts = _carried_over(version, language, paragraphs)
    translation_row = Translation.objects.create(
        version=version, language=language, status=status, updated_by=by
    )
    TranslatedParagraph.objects.bulk_create(
        TranslatedParagraph(translation=translation_row, paragraph=p, text=t)
        for p, t in zip(paragraphs, texts, strict=True)
    )
    record_activity(
        by=by,
        verb="consultations.translation_added",
        target=version,
        public=version.is_published,
        data={"language": language},
    )
    return translation_row


def _carried_over(version: Version, language: str, paragraphs: Sequence[Paragraph]) -> list[str]:
    previous = previous_published(version)
    if previous is None:
        return [""] * len(paragraphs)
    earlier = {
        tp.paragraph.key: (tp.paragraph.text, tp.text)
        for tp in TranslatedParagraph.objects.filter(
            translation__version=previous, translation__language=language
        ).select_related("paragraph")
    }
    result = []
    for paragraph in paragraphs:
        original, translated = earlier.get(paragraph.key, ("", ""))
        result.append(translated if original == paragraph.text else "")
    return result


@transaction.atomic
def save_translation(
    *,
    by: User,
    translation_row: Translation,
    texts: Mapping[int, str],
    status: str,
    expected_revision: int,
) -> Translation:
    """Save the translated paragraphs (by original paragraph id) and the status.

    Side effects: revision grows (concurrent edits are refused); one activity entry.
    """
    locked = Translation.objects.select_for_update().get(pk=translation_row.pk)
    if locked.revision != expected_revision:
        raise VersionConflictError(locked)
    if status not in TranslationStatus.values:
        raise ConsultationError(_("Choose the status of the translation."), field="status")
    rows = list(locked.paragraphs.all())
    for row in rows:
        if row.paragraph_id in texts:
            row.text = blockmod.clean_text(texts[row.paragraph_id]).strip()
    TranslatedParagraph.objects.bulk_update(rows, ["text"])
    locked.status = status
    locked.revision += 1
    locked.updated = timezone.now()
    locked.updated_by = by
    locked.save(update_fields=["status", "revision", "updated", "updated_by"])
    record_activity(
        by=by,
        verb="consultations.translation_saved",
        target=locked.version,
        data={"language": locked.language},
    )
    return locked


# --- Questionnaires and compilations --------------------------------------------------------------


def parse_questions(text: str) -> list[tuple[str, list[str]]]:
    """Sections and their questions from a simple Markdown outline.

    A heading starts a section; every other paragraph, and every item of a list, is a
    question. Questions before the first heading go into an untitled first section.
    """
    sections: list[tuple[str, list[str]]] = []
    for block in blockmod.split_blocks(text):
        if block.kind == blockmod.HEADING:
            sections.append((block.text.lstrip("#").strip(), []))
            continue
        if not sections:
            sections.append(("", []))
        if block.kind == blockmod.LIST:
            items: list[str] = []
            for line in block.text.split("\n"):
                if blockmod._LIST_ITEM.match(line):
                    items.append(blockmod._LIST_ITEM.sub("", line, count=1).strip())
                elif items:
                    items[-1] += " " + line.strip()
            sections[-1][1].extend(item for item in items if item)
        else:
            sections[-1][1].append(block.text.strip())
    return [(title, questions) for title, questions in sections if questions]


def questions_outline(questionnaire: Questionnaire) -> str:
    """The outline text `parse_questions` reads, for editing."""
    parts = []
    for section in questionnaire.sections.prefetch_related("questions"):
        if section.title:
            parts.append(f"## {section.title}")
        parts.extend(question.text for question in section.questions.all())
    return blockmod.join_blocks(parts)


def _replace_questions(questionnaire: Questionnaire, outline: str) -> None:
    sections = parse_questions(outline)
    if not sections:
        raise ConsultationError(_("Write at least one question."), field="questions")
    questionnaire.sections.all().delete()
    for position, (title, questions) in enumerate(sections, start=1):
        section = QuestionnaireSection.objects.create(
            questionnaire=questionnaire, title=title[:300], position=position
        )
        Question.objects.bulk_create(
            Question(section=section, text=text, position=index)
            for index, text in enumerate(questions, start=1)
        )


@transaction.atomic
def create_questionnaire(
    *,
    by: User,
    title: str,
    body: Body | None,
    deadline: datetime,
    questions: str,
    introduction: str = "",
    language: str = "en",
    open_to_all: bool = True,
) -> Questionnaire:
    """Draft a questionnaire (not public until published). Side effects: activity entry."""
    questionnaire = Questionnaire.objects.create(
        body=body,
        title=title.strip()[:300],
        slug=_unique_slug(Questionnaire, title),
        introduction=introduction,
        language=language,
        deadline=deadline,
        open_to_all=open_to_all,
        created_by=by,
    )
    _replace_questions(questionnaire, questions)
    record_activity(by=by, verb="consultations.questionnaire_created", target=questionnaire)
    return questionnaire


@transaction.atomic
def update_questionnaire(
    *,
    by: User,
    questionnaire: Questionnaire,
    title: str,
    deadline: datetime,
    introduction: str,
    open_to_all: bool,
    questions: str | None = None,
) -> Questionnaire:
    """Change a questionnaire; its questions only while nobody has answered them.

    Side effects: one activity entry.
    """
    if questions is not None and questions.strip() != questions_outline(questionnaire).strip():
        if questionnaire.contributions.exists():
            raise ConsultationError(
                _("People have already answered; the questions can no longer change."),
                field="questions",
            )
        _replace_questions(questionnaire, questions)
    questionnaire.title = title.strip()[:300]
    questionnaire.deadline = deadline
    questionnaire.introduction = introduction
    questionnaire.open_to_all = open_to_all
    questionnaire.save(update_fields=["title", "deadline", "introduction", "open_to_all"])
    record_activity(by=by, verb="consultations.questionnaire_updated", target=questionnaire)
    return questionnaire


@transaction.atomic
def publish_questionnaire(*, by: User, questionnaire: Questionnaire) -> Questionnaire:
    """Publish a questionnaire so people can contribute. Side effects: public activity entry."""
    if questionnaire.status == QuestionnaireStatus.PUBLISHED:
        return questionnaire
    if questionnaire.deadline <= timezone.now():
        raise ConsultationError(_("The deadline has passed; set a later one first."))
    questionnaire.status = QuestionnaireStatus.PUBLISHED
    questionnaire.published_at = timezone.now()
    questionnaire.save(update_fields=["status", "published_at"])
    record_activity(
        by=by, verb="consultations.questionnaire_published", target=questionnaire, public=True
    )
    return questionnaire


@transaction.atomic
def invite(*, by: User, questionnaire: Questionnaire, people: Iterable[Person]) -> int:
    """Invite people to contribute; return how many were newly invited.

    Side effects: each new invitee is e-mailed if the questionnaire is published; one
    private activity entry.
    """
    existing = set(questionnaire.invitations.values_list("person_id", flat=True))
    new = [p for p in dict.fromkeys(people) if p.pk not in existing and p.erased is None]
    Invitation.objects.bulk_create(Invitation(questionnaire=questionnaire, person=p) for p in new)
    if questionnaire.status == QuestionnaireStatus.PUBLISHED:
        for person in new:
            notify(
                person,
                "invitation",
                {
                    "questionnaire": questionnaire,
                    "url": site_url(questionnaire.get_absolute_url()),
                },
            )
    if new:
        record_activity(
            by=by,
            verb="consultations.people_invited",
            target=questionnaire,
            data={"count": len(new)},
        )
    return len(new)


@transaction.atomic
def submit_contribution(
    *,
    by: User,
    questionnaire: Questionnaire,
    answers: Mapping[int, str],
    on_behalf_of: Organization | None = None,
    confidential: bool = False,
) -> Contribution:
    """Submit (or, before the deadline, change) one's contribution to a questionnaire.

    The deadline is checked at the moment of submission. Side effects: one private activity
    entry.
    """
    locked = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    if not locked.is_open(timezone.now()):
        raise ConsultationError(_("This questionnaire is closed; the deadline has passed."))
    person = by.person
    if not locked.open_to_all and not locked.invitations.filter(person=person).exists():
        raise ConsultationError(_("Only invited people may contribute to this questionnaire."))
    _check_belongs(person, on_behalf_of)
    questions = {q.pk: q for q in Question.objects.filter(section__questionnaire=locked)}
    cleaned = {
        pk: blockmod.clean_text(text).strip()[:MAX_TEXT]
        for pk, text in answers.items()
        if pk in questions and text and text.strip()
    }
    if not cleaned:
        raise ConsultationError(_("Answer at least one question."))
    now = timezone.now()
    contribution = Contribution.objects.filter(
        questionnaire=locked, contributor=person, on_behalf_of=on_behalf_of
    ).first()
    if contribution is None:
        number = (locked.contributions.aggregate(top=Max("number"))["top"] or 0) + 1
        contribution = Contribution.objects.create(
            questionnaire=locked,
            number=number,
            contributor=person,
            on_behalf_of=on_behalf_of,
            confidential=confidential,
            submitted=now,
            updated=now,
        )
    else:
        contribution.confidential = confidential
        contribution.updated = now
        contribution.save(update_fields=["confidential", "updated"])
        contribution.answers.exclude(question_id__in=cleaned).delete()
    for question_id, text in cleaned.items():
        Answer.objects.update_or_create(
            contribution=contribution, question_id=question_id, defaults={"text": text}
        )
    record_activity(by=by, verb="consultations.contribution_submitted", target=locked)
    return contribution


def _compilation(questionnaire: Questionnaire) -> Compilation:
    compilation, _created = Compilation.objects.get_or_create(questionnaire=questionnaire)
    return compilation


def _check_citations(
    compilation: Compilation, contributions: Iterable[Contribution]
) -> list[Contribution]:
    cited = list(contributions)
    if any(c.questionnaire_id != compilation.questionnaire_id for c in cited):
        raise ConsultationError(
            _("Cite only contributions to this questionnaire."), field="contributions"
        )
    return cited


@transaction.atomic
def save_compilation(*, by: User, questionnaire: Questionnaire, introduction: str) -> Compilation:
    """Write the compilation's introduction. Side effects: activity entry."""
    compilation = _compilation(questionnaire)
    compilation.introduction = introduction
    compilation.save(update_fields=["introduction"])
    record_activity(by=by, verb="consultations.compilation_saved", target=questionnaire)
    return compilation


@transaction.atomic
def save_point(
    *,
    by: User,
    questionnaire: Questionnaire,
    section: QuestionnaireSection,
    text: str,
    contributions: Iterable[Contribution],
    point: CompilationPoint | None = None,
    position: int | None = None,
) -> CompilationPoint:
    """Add (or change) a point of the compilation and the contributions that support it.

    Side effects: the point's history (citations included) is kept; one activity entry.
    """
    compilation = _compilation(questionnaire)
    if section.questionnaire_id != questionnaire.pk:
        raise ConsultationError(_("Choose a section of this questionnaire."), field="section")
    text = blockmod.clean_text(text or "").strip()
    if not text:
        raise ConsultationError(_("Write the point."), field="text")
    cited = _check_citations(compilation, contributions)
    if point is None:
        top = compilation.points.filter(section=section).aggregate(top=Max("position"))["top"]
        point = CompilationPoint.objects.create(
            compilation=compilation,
            section=section,
            text=text,
            position=position or (top or 0) + 1,
        )
    else:
        if point.compilation_id != compilation.pk:
            raise ConsultationError(_("This point belongs to another compilation."))
        point.section = section
        point.text = text
        if position is not None:
            point.position = position
        point.save(update_fields=["section", "text", "position"])
    point.contributions.set(cited)
    record_activity(by=by, verb="consultations.compilation_saved", target=questionnaire)
    return point


@transaction.atomic
def delete_point(*, by: User, point: CompilationPoint) -> None:
    """Remove a point from the compilation. Side effects: activity entry (history kept)."""
    questionnaire = point.compilation.questionnaire
    point.delete()
    record_activity(by=by, verb="consultations.compilation_saved", target=questionnaire)


@transaction.atomic
def publish_compilation(*, by: User, questionnaire: Questionnaire) -> Compilation:
    """Publish the compilation after the deadline. Side effects: public activity entry."""
    if not questionnaire.has_closed(timezone.now()):
        raise ConsultationError(_("The compilation can be published after the deadline."))
    compilation = _compilation(questionnaire)
    if not compilation.points.exists():
        raise ConsultationError(_("The compilation has no points yet."))
    if compilation.status != CompilationStatus.PUBLISHED:
        compilation.status = CompilationStatus.PUBLISHED
        compilation.published_at = timezone.now()
        compilation.save(update_fields=["status", "published_at"])
        record_activity(
            by=by, verb="consultations.compilation_published", target=questionnaire, public=True
        )
    return compilation


@transaction.atomic
def compilation_to_document(*, by: User, questionnaire: Questionnaire) -> Document:
    """Turn the published compilation into a document, so it can go out for comment.

    Side effects: a document with a draft first version (the compilation as Markdown, with
    numbered footnotes naming the contributors); activity entries.
    """
    from igf.consultations.compiling import compilation_markdown  # noqa: PLC0415

    compilation = _compilation(questionnaire)
    if compilation.status != CompilationStatus.PUBLISHED:
        raise ConsultationError(_("Publish the compilation first."))
    if compilation.document_id is not None:
        raise ConsultationError(_("The compilation is already a document."))
    with translation.override(questionnaire.language):
        title = str(_("Compilation of contributions: %(title)s") % {"title": questionnaire.title})
        text = compilation_markdown(compilation)
    body = questionnaire.body
    if body is not None and not body.type.may_publish_for_comment:
        body = None
    document = create_document(
        by=by,
        title=title,
        kind=DocumentKind.COMPILATION,
        language=questionnaire.language,
        body=body,
        text=text,
    )
    compilation.document = document
    compilation.save(update_fields=["document"])
    return document


# --- Personal data --------------------------------------------------------------------------------


def scrub_person(person: Person) -> None:
    """On erasure: comments and contributions stay, attributed to "former participant"; the
    country and stakeholder group recorded with them go, and so do the person's flags."""
    Comment.objects.filter(author=person).update(country=None, stakeholder_group="")
    Flag.objects.filter(flagged_by=person).delete()
    Invitation.objects.filter(person=person).delete()


def comment_status_label(status: str) -> str:
    return str(CommentStatus(status).label) if status in CommentStatus.values else status


def is_new_account(user: User, now: datetime | None = None) -> bool:
    return bool(user.date_joined > (now or timezone.now()) - NEW_ACCOUNT_AGE)


def organisations_of(person: Person) -> models.QuerySet[Organization]:
    return Organization.objects.filter(affiliations__person=person).order_by("name").distinct()


def period_filter_open(now: datetime | None = None) -> Q:
    moment = now or timezone.now()
    return Q(opens__lte=moment, closes__gt=moment)
