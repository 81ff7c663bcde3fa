"""The consultations pages in Debian's Chromium: axe-core finds no serious or critical
violation in English or Arabic, and a participant comments on a passage with no script."""
# ruff: noqa: F811 - the browser suite's fixtures are imported, then requested by name

from __future__ import annotations

from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from igf.consultations.models import Comment
from tests.browser.conftest import axe_violations, browser, page  # noqa: F401 - fixtures
from tests.browser.test_journey import _set_language, _sign_in_with_code, sign_in
from tests.consultations import factories as f
from tests.consultations.pages import PAGES
from tests.factories import SecretariatFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_consultations_pages_have_no_serious_accessibility_violation(
    page: Any,
    language: str,
) -> None:
    staff = SecretariatFactory.create(email="staff@example.org", display_name="Sofia Staff")
    TOTP.activate(staff, generate_totp_secret())
    found: dict[str, list[dict[str, Any]]] = {}
    for signed_in in (False, True):
        if signed_in:
            page.context.clear_cookies()
            _sign_in_with_code(page, staff)
        _set_language(page, language)
        for entry in PAGES:
            if entry.signed_in != signed_in:
                continue
            page.goto(entry.url(staff))
            assert page.locator("html").get_attribute("lang") == language, entry.name
            violations = axe_violations(page)
            if violations:
                found[entry.name] = violations
    assert found == {}


def test_participant_comments_on_a_passage_without_javascript(
    browser: Any, live_server: Any
) -> None:
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", java_script_enabled=False
    )
    tab = context.new_page()
    editor = f.secretariat_user()
    doc = f.document(by=editor)
    f.open_period(by=editor, doc=doc)
    f.old_account(UserFactory.create(email="amina@example.org", display_name="Amina Commenter"))
    sign_in(tab, "amina@example.org", "correct horse battery staple")
    tab.goto(doc.get_absolute_url())
    tab.get_by_role("link", name="Comment on paragraph 1 (0 comments so far)").click()
    tab.get_by_role("textbox", name="Your comment:").fill(
        "Name the national and regional initiatives here."
    )
    tab.get_by_label("Passage you comment on (optional):").fill("visibility of its outcomes")
    tab.get_by_role("button", name="Send the comment").click()
    assert tab.get_by_text("Thank you. Your comment is published.").is_visible()
    assert (
        tab.locator("blockquote.consultations-passage")
        .inner_text()
        .endswith("visibility of its outcomes")
    )
    comment = Comment.objects.get()
    assert comment.passage == "visibility of its outcomes"
    context.close()
