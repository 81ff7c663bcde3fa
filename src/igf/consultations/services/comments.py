"""Comment periods and comments: opening a period, posting a comment or a reply (the period
checked at the moment of posting), flagging a comment."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from igf.consultations import blocks as blockmod
from igf.consultations.enums import CommentStatus, FlagReason, VersionStatus
from igf.consultations.models import Comment, CommentPeriod, Flag, Paragraph, Version
from igf.consultations.queries import needs_moderation
from igf.consultations.services.common import (
    DEFAULT_PERIOD,
    MAX_FILE_BYTES,
    MAX_TEXT,
    ConsultationError,
    check_belongs,
)
from igf.core.activity import record_activity
from igf.core.models import Country
from igf.core.written import checked_language
from igf.people.models import Organization, User


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
    language: str = "",
) -> Comment:
    """Post a comment (or reply) in an open comment period, in the language its author names.

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
    check_belongs(person, on_behalf_of)
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
        language=checked_language(language),
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
