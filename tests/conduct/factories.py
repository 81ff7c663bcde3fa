"""Builders for the code of conduct's tests: a published code, an officer, reportable content."""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth.models import Group

from igf.conduct.demo import CODE_TEXTS
from igf.conduct.models import Code
from igf.conduct.services import accept_code, publish_code
from igf.opinions.models import Participant, Statement
from igf.people.models import User
from tests.factories import UserFactory, person_of
from tests.opinions.factories import StatementFactory


def publish(version_note: str = "", texts: dict[str, tuple[str, str]] | None = None) -> Code:
    return publish_code(by=None, texts=texts or CODE_TEXTS, changes=version_note)


def officer(display_name: str = "Olu Officer") -> User:
    """A conduct officer who has set up a second factor, as the officers' pages require."""
    user = UserFactory.create(display_name=display_name)
    group, _ = Group.objects.get_or_create(name=settings.IGF_CONDUCT_OFFICERS_GROUP)
    user.groups.add(group)
    if not Authenticator.objects.filter(user=user).exists():
        TOTP.activate(user, generate_totp_secret())
    return user


def accepted(user: User) -> User:
    accept_code(by=user)
    return user


def statement_by(
    user: User, text: str = "Platforms must publish their takedown rules."
) -> Statement:
    first = StatementFactory.create(text=text)
    participant = Participant.objects.create(
        conversation=first.conversation, person=person_of(user)
    )
    Statement.objects.filter(pk=first.pk).update(author=participant)
    first.refresh_from_db()
    return first
