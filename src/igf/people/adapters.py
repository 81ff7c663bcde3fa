"""Hooks into django-allauth and django-axes."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest
from django.utils import translation

from igf.core.activity import record_activity
from igf.people.models import User


def language_of_request(request: HttpRequest | None) -> str:
    """The language the page was shown in, when it is one the forum speaks."""
    codes = {code for code, _name in settings.LANGUAGES}
    language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language() or ""
    return language if language in codes else ""


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
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
