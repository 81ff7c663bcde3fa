"""A newcomer's journey in a real browser, with axe-core on every page, in English and Arabic."""

from __future__ import annotations

import re
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail

from igf.people.models import User
from tests.browser_support import axe_violations, sign_in, sign_in_with_code
from tests.factories import OrganizationFactory, SecretariatFactory
from tests.pages import all_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long and memorable passphrase"


def test_newcomer_signs_up_confirms_signs_in_edits_profile_and_switches_to_arabic(
    page: Any,
) -> None:
    OrganizationFactory.create(name="Nairobi Internet Exchange")

    page.goto("/")
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Email").fill("newcomer@example.org")
    page.get_by_label("Display name").fill("Wanjiru K.")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again):").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    assert "/accounts/confirm-email/" in page.url

    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+", str(mail.outbox[-1].body))
    assert link, mail.outbox[-1].body
    page.goto(link.group(0))
    page.get_by_role("button", name="Confirm").click()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "newcomer@example.org", PASSWORD)
    page.get_by_role("link", name="My profile").first.click()

    page.get_by_label("Display name:").fill("Wanjiru Kamau")
    page.get_by_label("Organisation:", exact=True).fill("Nairobi Internet Exchange")
    page.get_by_label("Country:", exact=True).select_option("KE")
    page.locator("input[name=stakeholder_group][value=technical_community]").check()
    page.get_by_label("Time zone:", exact=True).select_option("Africa/Nairobi")
    page.get_by_role("button", name="Save profile").click()
    assert page.get_by_text("Your profile is saved.").is_visible()
    assert page.get_by_label("Display name:").input_value() == "Wanjiru Kamau"

    page.locator("button[name=language][value=ar]").click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    user = User.objects.get(email="newcomer@example.org")
    assert user.person.display_name == "Wanjiru Kamau"
    assert user.person.timezone == "Africa/Nairobi"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_page_has_no_serious_accessibility_violation(page: Any, language: str) -> None:
    staff = SecretariatFactory.create(email="staff@example.org", display_name="Sofia Staff")
    TOTP.activate(staff, generate_totp_secret())
    for _ in range(3):
        OrganizationFactory.create()
    found: dict[str, list[dict[str, Any]]] = {}
    # Public pages as a visitor, then every page signed in (the secretariat sees them all).
    for signed_in in (False, True):
        if signed_in:
            page.context.clear_cookies()
            sign_in_with_code(page, staff)
        _set_language(page, language)
        for entry in all_pages():
            if entry.signed_in != signed_in:
                continue
            page.goto(entry.url(staff))
            assert page.locator("html").get_attribute("lang") == language, entry.name
            violations = axe_violations(page)
            if violations:
                found[entry.name] = violations
    assert found == {}


def _set_language(page: Any, language: str) -> None:
    page.goto("/about/")
    page.locator(f"button[name=language][value='{language}']").click()


def test_accessibility_check_catches_a_real_violation(page: Any) -> None:
    """The harness itself: an image without a text alternative must be reported."""
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>Test</title></head>'
        '<body><main><img src="x.png"></main></body></html>'
    )
    assert [v["id"] for v in axe_violations(page)] == ["image-alt"]
