"""Factories and helpers for the consultations tests (documents, periods, comments, roles)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

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
    user = UserFactory.create(display_name=display_name)
    group, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    user.groups.add(group)
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
