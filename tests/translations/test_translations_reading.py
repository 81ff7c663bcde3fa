"""Readers see the translation of their language with its status, can switch to the original,
and get the language they ask for in every export and feed (`?lang=` or Accept-Language)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation

from igf.bodies.models import Body
from igf.programme.models import AnnualMeeting, Session
from igf.schedule import snapshot
from tests.bodies.factories import body_type
from tests.schedule.factories import schedule_meeting
from tests.translations.helpers import translate

ARABIC_TITLE = "ورشة العمل الأولى"
CHINESE_TITLE = "第一场研讨会"


@pytest.fixture
def meeting(db: None) -> AnnualMeeting:
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    translate(session, "ar", status="draft", title=ARABIC_TITLE)
    translate(session, "zh-hans", status="official", title=CHINESE_TITLE)
    return meeting


def _session(meeting: AnnualMeeting) -> Session:
    return meeting.sessions.get()


def test_the_session_page_shows_the_translation_and_its_status(
    client: Client, meeting: AnnualMeeting
) -> None:
    url = f"/programme/sessions/{_session(meeting).pk}/"
    client.cookies["django_language"] = "ar"

    page = client.get(url).content.decode()

    assert f"<h1>{ARABIC_TITLE}</h1>" in page
    with translation.override("ar"):
        assert translation.pgettext("translation status", "Draft translation") in page
    assert f'href="{url}?original=1"' in page


def test_the_reader_can_switch_to_the_original_without_javascript(
    client: Client, meeting: AnnualMeeting
) -> None:
    url = f"/programme/sessions/{_session(meeting).pk}/"
    client.cookies["django_language"] = "ar"

    page = client.get(f"{url}?original=1").content.decode()

    assert '<h1 lang="en" dir="ltr">Workshop 1</h1>' in page
    assert ARABIC_TITLE not in page
    assert '<html lang="ar" dir="rtl">' in page
    assert f'href="{url}"' in page


def test_an_untranslated_language_reads_the_original_without_a_label(
    client: Client, meeting: AnnualMeeting
) -> None:
    client.cookies["django_language"] = "fr"
    page = client.get(f"/programme/sessions/{_session(meeting).pk}/").content.decode()
    assert '<h1 lang="en" dir="ltr">Workshop 1</h1>' in page
    assert "?original=1" not in page


@pytest.mark.parametrize("fmt", ["json", "xml", "ics", "csv"])
def test_schedule_exports_speak_the_requested_language(
    client: Client, meeting: AnnualMeeting, fmt: str
) -> None:
    url = f"/programme/meetings/{meeting.slug}/schedule.{fmt}"

    arabic = client.get(f"{url}?lang=ar").content.decode()
    chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    english = client.get(url).content.decode()

    assert ARABIC_TITLE in arabic
    assert CHINESE_TITLE in chinese
    assert "Workshop 1" in english
    assert ARABIC_TITLE not in english
    assert CHINESE_TITLE not in english


def test_the_api_speaks_the_requested_language(client: Client, db: None) -> None:
    body = Body.objects.create(
        type=body_type("mag"), name="Multistakeholder Advisory Group", slug="mag-test"
    )
    translate(body, "ar", name="الفريق الاستشاري المتعدد أصحاب المصلحة")

    arabic = client.get("/api/v1/bodies/mag-test?lang=ar").json()
    by_header = client.get("/api/v1/bodies/mag-test", HTTP_ACCEPT_LANGUAGE="ar").json()
    spanish = client.get("/api/v1/bodies/mag-test?lang=es").json()

    assert arabic["name"] == "الفريق الاستشاري المتعدد أصحاب المصلحة"
    assert by_header["name"] == "الفريق الاستشاري المتعدد أصحاب المصلحة"
    assert spanish["name"] == "Multistakeholder Advisory Group"


def test_the_static_snapshot_is_written_in_all_six_languages(
    meeting: AnnualMeeting, settings: pytest.FixtureRequest, tmp_path: Path
) -> None:
    settings.IGF_SNAPSHOT_DIR = str(tmp_path)  # type: ignore[attr-defined]

    folder = snapshot.write_snapshot(meeting)

    assert folder is not None
    assert sorted(p.name for p in folder.iterdir() if p.is_dir()) == sorted(
        ["ar", "en", "es", "fr", "ru", "zh-hans"]
    )
    arabic = (folder / "ar" / "index.html").read_text()
    assert ARABIC_TITLE in arabic
    assert '<html lang="ar" dir="rtl">' in arabic
    chinese = json.loads((folder / "zh-hans" / "schedule.json").read_text())
    assert CHINESE_TITLE in json.dumps(chinese, ensure_ascii=False)
    assert "Workshop 1" in (folder / "index.html").read_text()
    assert "Workshop 1" in (folder / "fr" / "schedule.xml").read_text()
