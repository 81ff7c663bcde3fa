"""Fixtures of the browser suite: Debian's Chromium driven by Playwright, axe-core injected.

A plugin of the whole suite (tests/conftest.py), so any app's browser tests share one browser
per session: two Playwright instances in one process refuse to run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from igf.people.models import User

CHROMIUM = os.environ.get("IGF_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    if not AXE.exists():
        pytest.fail("axe-core not found: run `npm ci`")
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    # Playwright's sync API runs an event loop in this thread; the ORM calls in the tests
    # are still synchronous and safe. Only the browser suite sets this.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    # axe is injected as an inline script, which our CSP rightly forbids; only the test bypasses it.
    context = browser.new_context(bypass_csp=True, base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


FACTORY_PASSWORD = "correct horse battery staple"  # the password of tests/factories accounts


def sign_in(page: Any, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password:", exact=True).fill(password)
    page.get_by_role("button", name="Sign In").click()


def sign_in_with_code(page: Any, user: User, password: str = FACTORY_PASSWORD) -> None:
    """Sign in with the password and the current code of the user's authenticator (TOTP)."""
    from allauth.mfa.models import Authenticator  # noqa: PLC0415
    from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time  # noqa: PLC0415
    from allauth.mfa.utils import decrypt  # noqa: PLC0415

    sign_in(page, user.email, password)
    secret = decrypt(Authenticator.objects.get(user=user, type="totp").data["secret"])
    code = f"{hotp_value(secret, next(yield_hotp_counters_from_time())):06d}"
    page.locator("input[name=code]").fill(code)
    page.get_by_role("button", name="Sign In").click()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Serious and critical WCAG 2.1 A/AA violations that axe-core finds on the current page."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag',
                      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}
        })"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]  # fmt: skip
