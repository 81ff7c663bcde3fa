"""The programme speaks the six languages: pages, criteria reasons and plural forms."""
# ruff: noqa: RUF001 - the expected sentences are in their own scripts and punctuation

from __future__ import annotations

import pytest
from django.utils import translation

from igf.programme.criteria import Check
from igf.programme.phrases import minutes_label, sdg_label
from tests.programme.factories import open_call


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            "Au moins 3 intervenants doivent confirmer leur participation ; "
            "1 l’ont fait jusqu’ici.",
        ),
        ("es", "Al menos 3 oradores deben confirmar su participación; hasta ahora lo han hecho 1."),
        ("ru", "Участие должны подтвердить по меньшей мере 3 докладчика; пока подтвердили: 1."),
        ("zh-hans", "至少需有 3 位发言人确认参加；目前已有 1 位。"),
        ("ar", "يجب أن يؤكد 3 متحدثين على الأقل مشاركتهم؛ أكّد حتى الآن: 1."),
    ],
)
def test_criteria_reasons_are_translated_with_plural_forms(language: str, expected: str) -> None:
    with translation.override(language):
        assert Check("confirmed_speakers", False, 1, 3).reason == expected


def test_goals_and_durations_are_translated() -> None:
    with translation.override("fr"):
        assert sdg_label(5) == "Objectif 5 : Égalité entre les sexes"
    with translation.override("ru"):
        assert minutes_label(90) == "90 минут"
        assert minutes_label(22) == "22 минуты"


def test_the_call_page_reads_in_arabic_right_to_left(db: None, client) -> None:  # type: ignore[no-untyped-def]
    call = open_call()
    client.cookies["django_language"] = "ar"
    page = client.get(call.get_absolute_url()).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "أنواع الجلسات ومعاييرها الدنيا" in page
    assert "حلقة عمل" in page
