"""Documents and their versions: starting a document, saving a draft (paragraph identities
kept, concurrent saves refused), starting the next version, correcting the matching,
publishing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from igf.bodies.models import Body
from igf.consultations import blocks as blockmod
from igf.consultations.enums import VersionStatus
from igf.consultations.matching import match_paragraphs, similarity, tokens
from igf.consultations.models import CommentPeriod, Document, Paragraph, Version
from igf.consultations.queries import (
    comments_awaiting_moderation,
    comments_without_disposition,
    previous_published,
)
from igf.consultations.services.common import (
    ConsultationError,
    VersionConflictError,
    check_text,
    new_key,
    unique_slug,
)
from igf.consultations.services.dispositions import publish_dispositions
from igf.core.activity import record_activity
from igf.people.models import User

_POSITION_OFFSET = 1_000_000


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
        slug=unique_slug(Document, title),
        kind=kind,
        language=language,
        summary=summary,
        created_by=by,
    )
    version = Version.objects.create(
        document=document,
        number=1,
        text=check_text(text),
        source_name=source_name[:200],
        created_by=by,
    )
    _derive_paragraphs(version)
    record_activity(by=by, verb="consultations.document_created", target=document)
    return document


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
            plan[j] = _Planned(new_blocks[j], None, new_key(taken_keys), origins, None, False)

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
    locked.text = check_text(text)
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
        text=check_text(text if text is not None else latest.text),
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
            plan[paragraph.pk] = new_key(taken)
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
