"""Documents and versions: drafting, identities kept across versions, editors' corrections,
optimistic locking, publication blocked until every comment has a disposition, differences."""

from __future__ import annotations

import pytest

from igf.consultations import services
from igf.consultations.enums import VersionStatus
from igf.consultations.models import Version
from igf.core.models import ActivityEntry
from igf.people.models import User
from tests.consultations import factories as f


def keys(version: Version) -> list[str]:
    return list(version.paragraphs.order_by("position").values_list("key", flat=True))


def test_document_starts_as_a_draft_with_numbered_paragraphs(secretariat: User) -> None:
    doc = f.document(by=secretariat, publish=False)
    version = f.version(doc)
    assert version.status == VersionStatus.DRAFT
    rows = list(version.paragraphs.order_by("position").values_list("kind", "number"))
    assert rows == [
        ("heading", None),
        ("paragraph", 1),
        ("paragraph", 2),
        ("heading", None),
        ("paragraph", 3),
        ("list", 4),
    ]


def test_draft_is_seen_only_by_editors(secretariat: User, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat, publish=False)
    assert login(None).get(doc.get_absolute_url()).status_code == 404
    assert login(participant).get(doc.get_absolute_url()).status_code == 404
    page = login(secretariat).get(doc.get_absolute_url()).content.decode()
    assert "Version 1, draft (not public)" in page


def test_new_version_keeps_identities_of_edited_and_moved_paragraphs(secretariat: User) -> None:
    doc = f.document(by=secretariat)
    first = f.version(doc)
    before = {p.text: p.key for p in first.paragraphs.all()}
    second = services.start_new_version(by=secretariat, document=doc)
    assert keys(second) == keys(first)
    paragraphs = [p.text for p in second.paragraphs.order_by("position")]
    edited = paragraphs[1].replace("greater emphasis", "stronger emphasis")
    reordered = [paragraphs[0], paragraphs[2], edited, *paragraphs[3:]]
    saved = services.save_version_text(
        by=secretariat,
        version=second,
        text="\n\n".join(reordered),
        expected_revision=second.revision,
    )
    after = {p.text: p for p in saved.paragraphs.all()}
    assert after[edited].key == before[paragraphs[1]]
    assert after[paragraphs[2]].key == before[paragraphs[2]]
    assert after[paragraphs[2]].number == 1
    assert after[edited].number == 2
    assert 0.8 < (after[edited].similarity or 0) < 1


def test_saving_a_draft_someone_else_saved_is_refused_and_nothing_is_lost(
    secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat, publish=False)
    version = f.version(doc)
    stale = version.revision
    services.save_version_text(
        by=secretariat, version=version, text="Their text.", expected_revision=stale
    )
    response = login(secretariat).post(
        f"/consultations/d/{doc.slug}/v1/edit/",
        {"text": "My careful text.", "note": "", "revision": stale},
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved this text while you were editing it." in page
    assert "My careful text." in page  # kept in the form
    assert "Their" in page  # their version shown with the difference
    version.refresh_from_db()
    assert version.text == "Their text."


def test_editor_corrects_the_matching(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat, text="Alpha beta gamma delta.\n\nEpsilon zeta eta theta.")
    first = f.version(doc)
    alpha, epsilon = first.paragraphs.order_by("position")
    second = services.start_new_version(
        by=secretariat, document=doc, text="Something else entirely here.\n\nEpsilon zeta eta."
    )
    new_first, new_second = second.paragraphs.order_by("position")
    assert new_first.key not in (alpha.key, epsilon.key)
    response = login(secretariat).post(
        f"/consultations/d/{doc.slug}/v2/matching/",
        {"revision": second.revision, f"p{new_first.pk}": alpha.key, f"p{new_second.pk}": ""},
    )
    assert response.status_code == 302
    new_first.refresh_from_db()
    new_second.refresh_from_db()
    assert new_first.key == alpha.key
    assert new_first.matched_by_editor
    assert new_second.key not in (alpha.key, epsilon.key)
    assert ActivityEntry.objects.filter(verb="consultations.matching_corrected").count() == 1


def test_matching_refuses_two_paragraphs_continuing_one(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat, text="Alpha beta gamma delta.\n\nEpsilon zeta eta theta.")
    alpha = f.version(doc).paragraphs.get(position=1)
    second = services.start_new_version(by=secretariat, document=doc)
    one, two = second.paragraphs.order_by("position")
    response = login(secretariat).post(
        f"/consultations/d/{doc.slug}/v2/matching/",
        {"revision": second.revision, f"p{one.pk}": alpha.key, f"p{two.pk}": alpha.key},
    )
    assert response.status_code == 400
    assert "cannot both continue the same paragraph" in response.content.decode()


def test_publication_waits_for_every_disposition(
    secretariat: User, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    f.old_account(participant)
    doc = f.document(by=secretariat)
    period = f.open_period(by=secretariat, doc=doc)
    first = f.comment(by=participant, period=period)
    second = f.comment(by=participant, period=period, text="And another point.")
    f.close(period)
    draft = services.start_new_version(by=secretariat, document=doc)
    response = login(secretariat).get(f"/consultations/d/{doc.slug}/v2/publish/")
    assert "2 comments on the previous versions still need a disposition." in (
        response.content.decode()
    )
    response = login(secretariat).post(f"/consultations/d/{doc.slug}/v2/publish/", {"note": ""})
    assert response.status_code == 400
    assert "2 comments still need a disposition." in response.content.decode()
    for comment in (first, second):
        services.record_disposition(
            by=secretariat, comment=comment, outcome="accepted", reason="Done."
        )
    response = login(secretariat).post(
        f"/consultations/d/{doc.slug}/v2/publish/", {"note": "Comments taken in."}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == VersionStatus.PUBLISHED
    assert draft.note == "Comments taken in."


def test_publication_waits_for_the_comment_period_to_end(secretariat: User) -> None:
    doc = f.document(by=secretariat)
    f.open_period(by=secretariat, doc=doc)
    draft = services.start_new_version(by=secretariat, document=doc)
    with pytest.raises(services.ConsultationError, match="still open for comment"):
        services.publish_version(by=secretariat, version=draft)


def test_only_one_draft_at_a_time(secretariat: User) -> None:
    doc = f.document(by=secretariat)
    services.start_new_version(by=secretariat, document=doc)
    with pytest.raises(services.ConsultationError, match="already has a draft"):
        services.start_new_version(by=secretariat, document=doc)


def test_published_version_cannot_change(secretariat: User) -> None:
    doc = f.document(by=secretariat)
    version = f.version(doc)
    with pytest.raises(services.ConsultationError, match="cannot be changed"):
        services.save_version_text(
            by=secretariat, version=version, text="x", expected_revision=version.revision
        )


def test_difference_marks_words_without_colour_alone(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat, text="The forum should change.\n\nA second paragraph.")
    draft = services.start_new_version(
        by=secretariat,
        document=doc,
        text="The forum must change.\n\nA new paragraph about remote hubs.",
    )
    services.publish_version(by=secretariat, version=draft)
    page = login(None).get(f"/consultations/d/{doc.slug}/v2/diff/").content.decode()
    assert '<del><span class="visually-hidden">[deleted:</span>should' in page
    assert '<ins><span class="visually-hidden">[inserted:</span>must' in page
    assert "1 changed, 0 moved, 1 new, 1 removed, 0 unchanged." in page


def test_difference_between_any_two_versions(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat, text="One two three four.")
    for text in ("One two three four five.", "One two three four five six."):
        draft = services.start_new_version(by=secretariat, document=doc, text=text)
        services.publish_version(by=secretariat, version=draft)
    page = login(None).get(f"/consultations/d/{doc.slug}/v3/diff/", {"from": 1}).content.decode()
    assert "what changed from version 1 to version 3" in page
    assert "five six" in page
    hostile = login(None).get(f"/consultations/d/{doc.slug}/v3/diff/", {"from": "<x>"})
    assert hostile.status_code == 200


def test_document_created_from_a_word_file(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    response = login(secretariat).post(
        "/consultations/new/",
        {
            "title": "Imported draft",
            "kind": "output_report",
            "language": "en",
            "text": "",
            "file": f.docx_upload(),
        },
    )
    assert response.status_code == 302
    version = Version.objects.get(document__title="Imported draft")
    assert version.text.startswith("## Introduction")
    assert version.source_name == "draft.docx"


def test_body_editors_only_start_documents_for_their_bodies(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    bpf = f.body()
    chair = f.editor_of(bpf)
    assert login(participant).get("/consultations/new/").status_code == 403
    page = login(chair).get("/consultations/new/").content.decode()
    assert bpf.name in page
    response = login(chair).post(
        "/consultations/new/",
        {"title": "Forum draft", "kind": "messages", "language": "en", "text": "Text."},
    )
    assert response.status_code == 400  # a chair must choose their body
