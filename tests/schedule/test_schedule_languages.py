"""The schedule speaks Arabic from its own catalogue: its pages and its section of the
meeting's page."""

from __future__ import annotations

from tests.schedule.factories import schedule_meeting


def test_the_schedule_reads_in_arabic_right_to_left(db: None, client) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=1)
    client.cookies["django_language"] = "ar"
    page = client.get(f"/programme/meetings/{meeting.slug}/schedule/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "ما الذي تغيّر" in page
    assert "جدول بيانات (CSV)" in page


def test_the_meeting_page_shows_the_schedule_section_in_arabic(db: None, client) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=1)
    client.cookies["django_language"] = "ar"
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "عرض الجدول الزمني" in page
    assert f'href="/programme/meetings/{meeting.slug}/schedule/"' in page
    assert f'href="/programme/meetings/{meeting.slug}/statistics/"' in page
