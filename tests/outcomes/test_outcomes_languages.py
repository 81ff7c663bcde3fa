"""The outcomes speak Arabic from their own catalogue, on the session's page."""

from __future__ import annotations

from django.utils import timezone

from igf.outcomes.models import SessionReport
from tests.schedule.factories import schedule_meeting


def test_the_report_on_the_session_page_reads_in_arabic(db: None, client) -> None:  # type: ignore[no-untyped-def]
    meeting = schedule_meeting(sessions=1)
    session = meeting.sessions.get()
    SessionReport.objects.create(
        session=session,
        key_takeaways="- Spectrum matters.",
        calls_to_action="- Regulators act.",
        short_submitted=timezone.now(),
    )
    client.cookies["django_language"] = "ar"
    page = client.get(session.get_absolute_url()).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "الاستنتاجات الرئيسية" in page
    assert "الدعوات إلى العمل" in page
