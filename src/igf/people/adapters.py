"""Hooks into django-allauth and django-axes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest
from django.utils import translation

from igf.core.activity import record_activity
from igf.core.links import site_url
from igf.people.models import User


def language_of_request(request: HttpRequest | None) -> str:
    """The language the page was shown in, when it is one the forum speaks."""
    codes = {code for code, _name in settings.LANGUAGES}
    language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language() or ""
    return language if language in codes else ""


@dataclass(frozen=True)
class ForumSite:
    """What allauth's e-mails call `current_site`: the forum's name and public address, never
    the host the request happened to come in on (which greeted people "Hello from
    127.0.0.1:8300")."""

    name: str
    domain: str


def forum_site() -> ForumSite:
    return ForumSite(
        name=str(settings.IGF_SITE_NAME),
        domain=urlsplit(site_url()).netloc or str(settings.IGF_SITE_NAME),
    )


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """allauth's e-mails (confirmation, password reset, security notices) name the forum
        by IGF_SITE_NAME and its address by IGF_SITE_URL, as notify() does."""
        super().send_mail(template_prefix, email, {**context, "current_site": forum_site()})

    def save_user(self, request: HttpRequest, user: User, form: Any, commit: bool = True) -> User:
        """A new account gets its Person at once (the post_save signal makes sure)."""
        # E-mails go out in the language the person signed up in, until they choose another.
        user.language = language_of_request(request)
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            record_activity(by=user, verb="person.joined", target=user.person)
        return user


def axes_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """The e-mail being tried, whichever login form sent it (allauth's or the admin's)."""
    credentials = credentials or {}
    for key in ("email", "username", "login"):
        value = credentials.get(key)
        if value:
            return str(value).strip().lower()
    value = request.POST.get("login") or request.POST.get("username") if request else None
    return str(value).strip().lower() if value else None
