"""Factories and helpers for the consultations tests (documents, periods, comments, roles)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from igf.bodies.enums import Role
from igf.bodies.models import Body, BodyType, Membership
from igf.consultations import services
from igf.consultations.enums import CommentStatus
from igf.consultations.models import Comment, CommentPeriod, Document, Questionnaire, Version
from igf.consultations.rules import MODERATORS_GROUP
from igf.people.models import User
from tests.factories import UserFactory, person_of

DRAFT_TEXT = """## Outcomes of the forum

The Working Group considered that the forum should place a greater emphasis on the
visibility of its outcomes.

New ways should be found to extract the outcomes of discussions, for example in the form
of messages.

## Inclusiveness

Steps need to be undertaken to allow the participation of new stakeholders, in particular
from developing countries.

- remote participation
- capacity building
- travel support
"""


def body(*, slug: str = "bpf-cybersecurity", type_slug: str = "bpf", name: str = "") -> Body:
    body_type = BodyType.objects.get(slug=type_slug)
    found, _ = Body.objects.get_or_create(
        slug=slug, defaults={"type": body_type, "name": name or f"Best Practice Forum {slug}"}
    )
    return found


def editor_of(target: Body, *, role: str = Role.CHAIR, display_name: str = "Chen Chair") -> User:
    user = UserFactory.create(display_name=display_name)
    Membership.objects.create(
        body=target,
        person=person_of(user),
        role=role,
        start=timezone.localdate() - timedelta(days=30),
    )
    return user


def moderator(display_name: str = "Moses Moderator") -> User:
    """A moderator who has set up a second factor, as moderation pages require."""
    user = UserFactory.create(display_name=display_name)
    group, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    user.groups.add(group)
    TOTP.activate(user, generate_totp_secret())
    return user


def old_account(user: User) -> User:
    """An account older than the moderation window: its comments are published at once."""
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=365))
    user.refresh_from_db()
    return user


def secretariat_user() -> User:
    user = UserFactory.create(display_name="Sam Secretariat", is_staff=True)
    group, _ = Group.objects.get_or_create(name=settings.IGF_SECRETARIAT_GROUP)
    user.groups.add(group)
    return user


def document(
    *,
    by: User,
    text: str = DRAFT_TEXT,
    target: Body | None = None,
    publish: bool = True,
    title: str = "Draft output of the Best Practice Forum",
    language: str = "en",
) -> Document:
    created = services.create_document(
        by=by,
        title=title,
        kind="output_report",
        language=language,
        body=target,
        text=text,
    )
    if publish:
        services.publish_version(by=by, version=created.versions.get(number=1))
    return created


def version(doc: Document, number: int = 1) -> Version:
    return doc.versions.get(number=number)


def open_period(*, by: User, doc: Document, number: int = 1, days: int = 30) -> CommentPeriod:
    return services.open_comment_period(
        by=by,
        version=version(doc, number),
        opens=timezone.now() - timedelta(minutes=5),
        closes=timezone.now() + timedelta(days=days),
    )


def comment(
    *,
    by: User,
    period: CommentPeriod,
    text: str = "Please mention the role of national and regional initiatives.",
    paragraph_number: int | None = 1,
    **kwargs: Any,
) -> Comment:
    paragraph = period.version.paragraphs.get(number=paragraph_number) if paragraph_number else None
    return services.post_comment(by=by, period=period, text=text, paragraph=paragraph, **kwargs)


def published_comment(**kwargs: Any) -> Comment:
    created = comment(**kwargs)
    if created.status != CommentStatus.PUBLISHED:
        Comment.objects.filter(pk=created.pk).update(status=CommentStatus.PUBLISHED)
        created.refresh_from_db()
    return created


def close(period: CommentPeriod) -> CommentPeriod:
    CommentPeriod.objects.filter(pk=period.pk).update(
        opens=timezone.now() - timedelta(days=40), closes=timezone.now() - timedelta(days=1)
    )
    period.refresh_from_db()
    return period


def questionnaire(
    *, by: User, target: Body | None = None, publish: bool = True, days: int = 14
) -> Questionnaire:
    created = services.create_questionnaire(
        by=by,
        title="Questionnaire on improvements to the forum",
        body=target,
        deadline=timezone.now() + timedelta(days=days),
        questions=(
            "## Format of the meetings\n\nHow should the main sessions be organised?\n\n"
            "What should change in the length of the meeting?\n\n"
            "## Outcomes\n\n- Should the forum produce messages?\n- Who should draft them?\n"
        ),
        introduction="The Working Group invites contributions.",
    )
    if publish:
        services.publish_questionnaire(by=by, questionnaire=created)
    return created


FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>General Assembly Resolution 65/141, paragraph 17.'
    "</w:t></w:r></w:p></w:footnote></w:footnotes>"
)


def docx_bytes(*, footnote: bool = True) -> bytes:
    """A Word draft with a heading, formatting, a typed paragraph number, a list, a table
    and a footnote, as drafters send them."""
    import io  # noqa: PLC0415
    import zipfile  # noqa: PLC0415

    import docx  # noqa: PLC0415
    from docx.oxml import parse_xml  # noqa: PLC0415

    document = docx.Document()
    document.add_heading("Introduction", level=1)
    paragraph = document.add_paragraph("1. The forum is ")
    paragraph.add_run("open").bold = True
    paragraph.add_run(" and ")
    paragraph.add_run("inclusive").italic = True
    paragraph.add_run(".")
    if footnote:
        paragraph._p.append(
            parse_xml(
                '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                '<w:footnoteReference w:id="1"/></w:r>'
            )
        )
    document.add_paragraph("Remote participation", style="List Bullet")
    document.add_paragraph("Capacity building", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "Group", (0, 1): "Share", (1, 0): "Civil society",
                             (1, 1): "32%"}.items():  # fmt: skip
        table.cell(row, col).text = text
    document.add_paragraph("The secretariat supports the forum.")
    buffer = io.BytesIO()
    document.save(buffer)
    if not footnote:
        return buffer.getvalue()
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            archive.writestr(item, source.read(item.filename))
        archive.writestr("word/footnotes.xml", FOOTNOTES_XML)
    return target.getvalue()


def docx_upload(name: str = "draft.docx", **kwargs: Any) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: PLC0415

    return SimpleUploadedFile(
        name,
        docx_bytes(**kwargs),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


def pdf_upload(name: str = "comments.pdf") -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: PLC0415

    return SimpleUploadedFile(name, b"%PDF-1.4\n% comments\n", content_type="application/pdf")
