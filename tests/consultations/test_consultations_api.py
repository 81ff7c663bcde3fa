"""The consultations app's open data: what a visitor's pages show, as JSON, and no more."""

from __future__ import annotations

from django.test import Client

from igf.consultations.enums import CommentStatus
from igf.consultations.models import Comment
from tests.consultations import factories as f
from tests.factories import UserFactory


def test_documents_versions_paragraphs_and_public_comments(client: Client, db: None) -> None:
    bpf = f.body()
    editor = f.editor_of(bpf)
    doc = f.document(by=editor, target=bpf)
    draft = f.document(by=editor, target=bpf, publish=False, title="Not yet out")
    period = f.open_period(by=editor, doc=doc)
    named = f.old_account(UserFactory.create(display_name="Nadia Named"))
    hidden = f.old_account(UserFactory.create(display_name="Hana Hidden"))
    f.published_comment(by=named, period=period, text="Say more about youth.")
    f.published_comment(by=hidden, period=period, text="Quietly said.", anonymous=True)
    pending = f.comment(by=named, period=period, text="Still waiting.")
    Comment.objects.filter(pk=pending.pk).update(status=CommentStatus.PENDING)

    slugs = [d["slug"] for d in client.get("/api/v1/consultations").json()["items"]]
    assert doc.slug in slugs
    assert draft.slug not in slugs
    assert client.get(f"/api/v1/consultations/{draft.slug}").status_code == 404

    detail = client.get(f"/api/v1/consultations/{doc.slug}").json()
    assert [v["number"] for v in detail["versions"]] == [1]
    version = client.get(f"/api/v1/consultations/{doc.slug}/v1").json()
    assert version["paragraphs"][0]["key"]

    comments = client.get(f"/api/v1/consultations/{doc.slug}/v1/comments").json()["items"]
    texts = [c["text"] for c in comments]
    assert texts == ["Say more about youth.", "Quietly said."]
    assert "Nadia Named" in comments[0]["byline"]
    assert "Hana Hidden" not in str(comments)
    assert all(c["disposition"] is None for c in comments)
