"""Every page of the app renders for the roles that may see it (a first line of defence)."""

from __future__ import annotations

from django.test import Client

from igf.people.models import User
from tests.consultations import factories as f


def test_document_pages_render_for_secretariat_and_public(
    secretariat: User, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    f.old_account(participant)
    doc = f.document(by=secretariat)
    period = f.open_period(by=secretariat, doc=doc)
    comment = f.comment(by=participant, period=period)
    public: Client = login(None)
    staff: Client = login(secretariat)
    key = f.version(doc).paragraphs.get(number=1).key
    urls = [
        "/consultations/",
        doc.get_absolute_url(),
        f"/consultations/d/{doc.slug}/v1/",
        f"/consultations/d/{doc.slug}/v1/comments/",
        f"/consultations/d/{doc.slug}/v1/p/{key}/",
        f"/consultations/periods/{period.pk}/",
        f"/consultations/periods/{period.pk}/statistics/",
        f"/consultations/periods/{period.pk}/feed/",
        f"/consultations/periods/{period.pk}/resolution.csv",
        f"/consultations/periods/{period.pk}/resolution.docx",
        f"/consultations/d/{doc.slug}/v1/export.docx",
        f"/consultations/d/{doc.slug}/v1/export.html",
        f"/consultations/d/{doc.slug}/v1/export.pdf",
    ]
    for url in urls:
        for client in (public, staff):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
    for url in [
        "/consultations/new/",
        "/consultations/moderation/",
        f"/consultations/periods/{period.pk}/dispositions/",
        f"/consultations/comments/{comment.pk}/disposition/",
        f"/consultations/moderation/{comment.pk}/",
        f"/consultations/d/{doc.slug}/v1/periods/new/",
        f"/consultations/d/{doc.slug}/v1/translations/new/",
        f"/consultations/d/{doc.slug}/versions/new/",
        "/consultations/q/new/",
    ]:
        response = staff.get(url)
        assert response.status_code == 200, (url, response.status_code)
