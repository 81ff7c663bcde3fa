"""The translation desk's pages, for the checks on every page (weight, languages, escaping)."""

from __future__ import annotations

from igf.people.models import User
from tests.pages import Page
from tests.programme.factories import SessionFactory


def _edit(user: User) -> str:
    session = SessionFactory.create(title='Rethinking <script>alert("x")</script> content')
    return f"/translations/ar/programme.session/{session.pk}/"


def _language(user: User) -> str:
    SessionFactory.create(title="Lessons from multilingual content")
    return "/translations/ar/"


PAGES = [
    Page("translation desk", lambda u: "/translations/", signed_in=True),
    Page("translation desk, one language", _language, signed_in=True),
    Page("translation editor", _edit, signed_in=True),
    Page("translators", lambda u: "/translations/translators/", signed_in=True),
]
