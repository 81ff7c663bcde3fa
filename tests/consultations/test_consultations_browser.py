"""Consultations in Debian's Chromium: a participant comments on a passage with no script.
(axe-core runs on every consultations page in tests/browser/test_journey.py.)"""

from __future__ import annotations

from typing import Any

import pytest

from igf.consultations.models import Comment
from tests.browser_support import sign_in
from tests.consultations import factories as f
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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
