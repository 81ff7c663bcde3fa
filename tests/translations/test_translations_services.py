"""Translations of the forum's texts: read in their language, the original otherwise; their
status and whether the original changed since; every change in the activity log."""

from __future__ import annotations

import pytest
from django.utils import translation

from igf.core.enums import TranslationStatus
from igf.core.models import ActivityEntry
from igf.programme.models import Session
from igf.translations import queries
from igf.translations.enums import State
from igf.translations.models import ContentTranslation
from igf.translations.services import TextChange, TranslationError, save_translation
from tests.programme.factories import SessionFactory, ThemeFactory
from tests.translations.helpers import translate, translator


def _session_group(language: str) -> queries.Group:
    return next(g for g in queries.desk(language) if g.translatable.label == "programme.session")


def test_a_translation_is_read_in_its_language_and_the_original_elsewhere(db: None) -> None:
    theme = ThemeFactory.create(name="Universal and meaningful connectivity")
    translate(theme, "ar", name="الاتصال الشامل والهادف")

    theme = type(theme).objects.get(pk=theme.pk)
    with translation.override("ar"):
        assert theme.name == "الاتصال الشامل والهادف"
    with translation.override("fr"):
        assert theme.name == "Universal and meaningful connectivity"
    with translation.override("en"):
        assert theme.name == "Universal and meaningful connectivity"


def test_texts_written_in_another_language_keep_their_original(db: None) -> None:
    with translation.override("ar"):
        session = SessionFactory.create(title="Rethinking IPv6 deployment")
    session = Session.objects.get(pk=session.pk)
    with translation.override("en"):
        assert session.title == "Rethinking IPv6 deployment"
    with translation.override("es"):
        assert session.title == "Rethinking IPv6 deployment"


def test_the_desk_shows_missing_then_out_of_date_then_current(db: None) -> None:
    session = SessionFactory.create(title="Lessons from multilingual content", description="")
    assert _session_group("fr").missing == 1

    translate(session, "fr", status="draft", title="Leçons à tirer : contenus multilingues")
    assert (_session_group("fr").missing, _session_group("fr").out_of_date) == (0, 0)

    session.title = "Lessons from multilingual content online"
    session.save(update_fields=["title"])
    group = _session_group("fr")
    assert (group.missing, group.out_of_date) == (0, 1)
    assert group.items[0].label == "Lessons from multilingual content online"

    # Saved again unchanged, without saying it still fits: still out of date.
    save_translation(
        by=None,
        obj=session,
        language="fr",
        changes=[TextChange("title", "Leçons à tirer : contenus multilingues", "draft")],
    )
    assert _session_group("fr").out_of_date == 1
    save_translation(
        by=None,
        obj=session,
        language="fr",
        changes=[
            TextChange("title", "Leçons à tirer : contenus multilingues", "draft", confirmed=True)
        ],
    )
    assert _session_group("fr").out_of_date == 0


def test_a_saved_translation_carries_status_author_and_activity(db: None) -> None:
    user = translator("ru")
    session = SessionFactory.create(title="Rethinking platform accountability")

    changed = translate(
        session, "ru", status="official", by=user, title="Новый взгляд: подотчётность платформ"
    )

    assert changed == ["title"]
    record = ContentTranslation.objects.get(object_id=str(session.pk), language="ru")
    assert (record.status, record.field, record.translated_by) == ("official", "title", user)
    entry = ActivityEntry.objects.filter(verb="translation.saved").latest("when")
    assert (entry.actor, entry.data) == (user, {"language": "ru", "fields": ["title"]})


def test_an_empty_translation_gives_readers_the_original_again(db: None) -> None:
    session = SessionFactory.create(title="Rethinking e-waste and circular design")
    translate(session, "es", title="Nuevas miradas: residuos electrónicos y diseño circular")

    translate(session, "es", title="")

    session = Session.objects.get(pk=session.pk)
    with translation.override("es"):
        assert session.title == "Rethinking e-waste and circular design"
    assert not ContentTranslation.objects.filter(object_id=str(session.pk)).exists()


def test_the_original_language_and_the_original_status_are_refused(db: None) -> None:
    session = SessionFactory.create(title="Who decides? encryption and lawful access")
    with pytest.raises(TranslationError):
        translate(session, "en", title="Who decides?")
    with pytest.raises(TranslationError):
        translate(session, "ar", status=TranslationStatus.ORIGINAL, title="من يقرّر؟")


def test_the_history_of_an_object_keeps_its_translations(db: None) -> None:
    session = SessionFactory.create(title="Rethinking satellite broadband policy")
    translate(session, "zh-hans", title="重新思考卫星宽带政策")

    latest = session.history.latest()  # type: ignore[attr-defined]
    assert latest.title_zh_hans == "重新思考卫星宽带政策"
    assert latest.title_en == "Rethinking satellite broadband policy"


def test_desk_states_cover_every_text(db: None) -> None:
    SessionFactory.create(title="Lessons from IPv6 deployment", description="A workshop.")
    group = _session_group("ar")
    assert group.total == 2
    assert group.missing == 2
    texts = queries.texts_of(group.translatable, Session.objects.get(), "ar")
    assert [(t.field, t.state) for t in texts] == [
        ("title", State.MISSING),
        ("description", State.MISSING),
    ]
