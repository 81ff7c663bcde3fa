"""The demo forum's translations, written by people: `data/demo_translations.json`.

Each app's demo seeding calls `apply(app_label)` once its rows exist; running it twice changes
nothing. The translations go through `services.save_translation`, so they carry their status
and the digest of the original like any other.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from django.apps import apps

from igf.translations.services import TextChange, save_translation

DATA = Path(__file__).parent / "data" / "demo_translations.json"


@cache
def _entries() -> dict[str, list[dict[str, Any]]]:
    models: dict[str, list[dict[str, Any]]] = json.loads(DATA.read_text(encoding="utf-8"))["models"]
    return models


def apply(app_label: str) -> int:
    """Save the demo translations of one app's texts; the number of objects translated."""
    translated = 0
    for label, entries in _entries().items():
        if label.split(".")[0] != app_label:
            continue
        model = apps.get_model(label)
        for entry in entries:
            for obj in model._default_manager.filter(**entry["match"]):
                languages = {lang for texts in entry["fields"].values() for lang in texts}
                for language in sorted(languages):
                    save_translation(
                        by=None,
                        obj=obj,
                        language=language,
                        changes=[
                            TextChange(field=field, text=texts[language], status=entry["status"])
                            for field, texts in entry["fields"].items()
                            if language in texts
                        ],
                    )
                translated += 1
    return translated
