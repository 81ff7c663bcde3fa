"""Translations aligned paragraph by paragraph, their status always shown."""

from __future__ import annotations

import pytest

from igf.consultations import services
from igf.consultations.models import TranslatedParagraph, Translation
from igf.people.models import User
from tests.consultations import factories as f

TEXT = "## Outcomes\n\nThe forum should publish messages.\n\nThe forum should reach out."
FRENCH = "## Résultats\n\nLe forum devrait publier des messages.\n\nLe forum devrait aller vers."


def test_translation_is_aligned_and_labelled(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat, text=TEXT)
    response = login(secretariat).post(
        f"/consultations/d/{doc.slug}/v1/translations/new/",
        {"language": "fr", "status": "machine", "text": FRENCH},
    )
    assert response.status_code == 302
    translation = Translation.objects.get()
    aligned = dict(
        TranslatedParagraph.objects.filter(translation=translation).values_list(
            "paragraph__number", "text"
        )
    )
    assert aligned[1] == "Le forum devrait publier des messages."
    page = login(None).get(f"/consultations/d/{doc.slug}/v1/fr/").content.decode()
    assert "Machine translation, not checked." in page
    assert "Only the original is authoritative." in page
    assert '<div lang="fr"><p>Le forum devrait aller vers.</p>' in page
    side = login(None).get(f"/consultations/d/{doc.slug}/v1/fr/", {"original": "1"})
    assert "The forum should reach out." in side.content.decode()
    original = login(None).get(doc.get_absolute_url()).content.decode()
    assert "Français" in original or "French" in original


def test_translation_with_a_different_number_of_paragraphs_is_refused(
    secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat, text=TEXT)
    response = login(secretariat).post(
        f"/consultations/d/{doc.slug}/v1/translations/new/",
        {"language": "fr", "status": "draft", "text": "Un seul paragraphe."},
    )
    assert response.status_code == 400
    assert "The translation has 1 paragraphs and the original 3." in response.content.decode()


def test_translation_edited_paragraph_by_paragraph_with_locking(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat, text=TEXT)
    translation = services.create_translation(
        by=secretariat, version=f.version(doc), language="ar", status="draft"
    )
    paragraph = f.version(doc).paragraphs.get(number=1)
    url = f"/consultations/d/{doc.slug}/v1/ar/edit/"
    response = login(secretariat).post(
        url,
        {"status": "official", "revision": translation.revision, f"p{paragraph.pk}": "نص"},
    )
    assert response.status_code == 302
    translation.refresh_from_db()
    assert translation.status == "official"
    stale = login(secretariat).post(
        url, {"status": "draft", "revision": 1, f"p{paragraph.pk}": "قديم"}
    )
    assert stale.status_code == 409
    page = login(None).get(f"/consultations/d/{doc.slug}/v1/ar/").content.decode()
    assert "Official translation." in page
    assert "2 paragraphs are not translated yet; the original is shown instead." in page


def test_unchanged_paragraphs_keep_their_translation_in_the_next_version(
    secretariat: User,
) -> None:
    doc = f.document(by=secretariat, text=TEXT)
    services.create_translation(
        by=secretariat, version=f.version(doc), language="fr", status="official", text=FRENCH
    )
    draft = services.start_new_version(
        by=secretariat,
        document=doc,
        text=TEXT.replace("reach out.", "reach out to new stakeholders."),
    )
    services.publish_version(by=secretariat, version=draft)
    carried = services.create_translation(
        by=secretariat, version=draft, language="fr", status="draft"
    )
    texts = list(carried.paragraphs.order_by("paragraph__position").values_list("text", flat=True))
    assert texts == ["## Résultats", "Le forum devrait publier des messages.", ""]


def test_translation_into_the_original_language_is_refused(secretariat: User) -> None:
    doc = f.document(by=secretariat, text=TEXT)
    with pytest.raises(services.ConsultationError, match="language of the original"):
        services.create_translation(
            by=secretariat, version=f.version(doc), language="en", status="draft"
        )


def test_unknown_language_in_the_address_is_404(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat, text=TEXT)
    assert login(None).get(f"/consultations/d/{doc.slug}/v1/xx/").status_code == 404
    assert login(None).get(f"/consultations/d/{doc.slug}/v1/fr/").status_code == 404
