"""`notify()`: the one way the forum writes to a person.

In the person's preferred language and time zone, with absolute links from `site_url()`,
queued as a task by the mail backend, and only once the transaction that decided to write
has committed (a refused or rolled-back change writes to nobody).
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from typing import Any, Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from igf.core.links import site_url
from igf.core.timezones import is_valid_timezone


class Account(Protocol):
    email: str
    is_active: bool
    language: str


class Recipient(Protocol):
    """What `notify` needs of a person (people.Person is one)."""

    @property
    def user(self) -> Account: ...

    timezone: str
    languages: list[str]

    @property
    def erased(self) -> Any: ...


def language_of(person: Recipient) -> str:
    """The language to write to a person in: the one they chose, else the first they speak
    that the forum speaks, else the forum's default."""
    codes = {code for code, _name in settings.LANGUAGES}
    chosen = getattr(person.user, "language", "")
    if chosen in codes:
        return str(chosen)
    return next((str(c) for c in person.languages or [] if c in codes), settings.LANGUAGE_CODE)


def notify(person: Recipient, template: str, context: Mapping[str, Any]) -> bool:
    """E-mail `person` from `<template>_subject.txt` and `<template>.txt`.

    Rendered now, in their language and time zone, with `person`, `site_url` and `site_name`
    in the context, signed with the site's name and address unless the template names the
    site itself; sent (queued) when the current transaction commits. Returns whether a
    message will go: people who left the forum or have no usable address are not written to.
    Side effects: one e-mail task after commit.
    """
    user = person.user
    if person.erased is not None or not user.is_active or not user.email:
        return False
    zone = (
        zoneinfo.ZoneInfo(person.timezone)
        if person.timezone and is_valid_timezone(person.timezone)
        else zoneinfo.ZoneInfo("UTC")
    )
    full = {
        **context,
        "person": person,
        "site_url": site_url(),
        "site_name": settings.IGF_SITE_NAME,
    }
    with translation.override(language_of(person)), timezone.override(zone):
        subject = " ".join(render_to_string(f"{template}_subject.txt", full).split())
        body = str(render_to_string(f"{template}.txt", full))
    if settings.IGF_SITE_NAME not in body:
        # Every e-mail says which forum it comes from, even when its template does not.
        body = f"{body.rstrip()}\n\n-- \n{settings.IGF_SITE_NAME}\n{site_url()}\n"
    address = str(user.email)
    transaction.on_commit(lambda: send_mail(subject, body, None, [address]))
    return True
