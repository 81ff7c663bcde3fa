"""Every page fits a phone: nothing scrolls sideways at 320 and 390 px, in English and Arabic.

Wide tables scroll inside their own labelled region and the navigation folds into a menu, so
the document itself is never wider than the screen. Screenshots of the pages most read on
phones are kept in var/test-artifacts/widths/ for a person to look at.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from tests.browser_support import sign_in_with_code
from tests.factories import OrganizationFactory, SecretariatFactory
from tests.pages import all_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 390)
LANGUAGES = ("en", "ar")
SCREENSHOTS = ("schedule", "session", "body", "conversation results")  # "body" is the MAG
ARTEFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts" / "widths"
HEIGHT = 800
# The outermost elements that stick out of the screen, to say where a page is too wide: first
# those outside the scroll regions, else those inside one (an absolute box can escape it).
STICKING_OUT = """() => {
  const outside = (el) => { const r = el.getBoundingClientRect();
    return r.width > 0 && (r.right > innerWidth + 1 || r.left < -1); };
  const name = (el) => el.tagName.toLowerCase() + [...el.classList].map((c) => "." + c).join("");
  const all = [...document.body.querySelectorAll("*")].filter(
    (el) => outside(el) && !outside(el.parentElement));
  const free = all.filter((el) => !el.closest(".table-scroll"));
  return (free.length ? free : all).slice(0, 3).map(name).join(", ");
}"""


def test_every_page_fits_a_narrow_screen_in_english_and_arabic(
    browser: Any, live_server: Any
) -> None:
    staff = SecretariatFactory.create(email="staff@example.org", display_name="Sofia Staff")
    TOTP.activate(staff, generate_totp_secret())
    for _ in range(3):
        OrganizationFactory.create()
    # Each page's data is made once; the page is then read in each language, at each width.
    urls = [(entry, entry.url(staff)) for entry in all_pages()]
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    too_wide: list[str] = []
    for language in LANGUAGES:
        for signed_in in (False, True):
            context = browser.new_context(
                base_url=live_server.url, viewport={"width": WIDTHS[0], "height": HEIGHT}
            )
            page = context.new_page()
            if signed_in:
                sign_in_with_code(page, staff)  # the sign-in form's labels are in English
            context.add_cookies(
                [{"name": "django_language", "value": language, "url": live_server.url}]
            )
            for entry, url in urls:
                if entry.signed_in != signed_in:
                    continue
                page.goto(url)
                assert page.locator("html").get_attribute("lang") == language, entry.name
                # Resizing lays the same page out again: no JavaScript depends on the width.
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": HEIGHT})
                    document, screen = page.evaluate(
                        "[document.documentElement.scrollWidth, window.innerWidth]"
                    )
                    if document > screen:
                        where = page.evaluate(STICKING_OUT)
                        too_wide.append(
                            f"{entry.name} ({language}, {width} px): {document} px, {where}"
                        )
                    if entry.name in SCREENSHOTS:
                        name = re.sub(r"\W+", "-", entry.name)
                        page.screenshot(
                            path=ARTEFACTS / f"{name}-{language}-{width}.png", full_page=True
                        )
            context.close()
    assert not too_wide, "Wider than the screen:\n" + "\n".join(too_wide)


def test_navigation_folds_into_a_menu_that_opens_without_javascript(
    browser: Any, live_server: Any
) -> None:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 320, "height": HEIGHT},
        java_script_enabled=False,
    )  # fmt: skip
    page = context.new_page()
    page.goto("/about/")
    organisations = page.get_by_role("link", name="Organisations")
    assert organisations.count() == 0  # folded away: neither seen nor read out

    page.get_by_text("Menu", exact=True).click()
    organisations.click()

    assert page.get_by_role("heading", level=1).inner_text() == "Organisation directory"
    page.set_viewport_size({"width": 1024, "height": HEIGHT})
    assert page.get_by_text("Menu", exact=True).is_visible() is False
    assert page.get_by_role("link", name="Organisations").is_visible()
    context.close()
