"""Checks on every page: weight budget, six languages with Arabic right to left, escaping."""

from __future__ import annotations

import pytest

from igf.people.models import Organization, Person, User
from tests.factories import AffiliationFactory, OrganizationFactory, person_of
from tests.pages import Page, all_pages, fetch, page_weight

PAGES = all_pages()
LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")
BUDGET_TOTAL = 60 * 1024
BUDGET_JS = 20 * 1024


@pytest.fixture
def viewer(secretariat: User) -> User:
    """The secretariat sees every page of the foundation, signed in or not."""
    return secretariat


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_fits_the_weight_budget(page: Page, viewer: User, login) -> None:  # type: ignore[no-untyped-def]
    for _ in range(30):  # a page with content, not an empty one
        OrganizationFactory.create()
    html = fetch(login(viewer if page.signed_in else None), page, viewer)
    weight = page_weight(html)
    assert weight.total <= BUDGET_TOTAL, (page.name, weight)
    assert weight.js <= BUDGET_JS, (page.name, weight)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_renders_right_to_left_in_arabic(page: Page, viewer: User, login) -> None:  # type: ignore[no-untyped-def]
    html = fetch(login(viewer if page.signed_in else None), page, viewer, "ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert "تخطَّ إلى المحتوى الرئيسي" in html  # the skip link, translated


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_renders_in_chinese(page: Page, viewer: User, login) -> None:  # type: ignore[no-untyped-def]
    html = fetch(login(viewer if page.signed_in else None), page, viewer, "zh-hans")
    assert '<html lang="zh-hans" dir="ltr">' in html
    assert "跳至主要内容" in html


XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>"\'&'
SHORT_XSS = "<script>alert(1)</script>\"'&"  # fits a 40-character field


def test_user_text_is_escaped_on_every_page_in_every_language(
    viewer: User, login, participant: User
) -> None:  # type: ignore[no-untyped-def]
    """A hostile name, pronoun, organisation and position never reach a page unescaped (E2)."""
    Person.objects.filter(user__in=[participant, viewer]).update(
        display_name=XSS, pronouns=SHORT_XSS, accessibility_needs=XSS
    )
    organization = OrganizationFactory.create(
        name=XSS, acronym="<b>x</b>", description=XSS, website="https://example.org/?q=<x>"
    )
    AffiliationFactory.create(
        person=person_of(participant), organization=organization, position=XSS
    )
    AffiliationFactory.create(person=person_of(viewer), organization=organization, position=XSS)
    Organization.objects.filter(pk=organization.pk).update(slug="hostile")
    for language in LANGUAGES:
        for page in [*PAGES]:
            html = fetch(login(viewer if page.signed_in else None), page, viewer, language)
            assert "<script>alert" not in html, (page.name, language)
            assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", ""), (
                page.name,
                language,
            )
        html = login(None).get("/organisations/hostile/").content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;" in html


def test_pages_are_sent_compressed_to_browsers_that_accept_it(client, db: None) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/organisations/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
