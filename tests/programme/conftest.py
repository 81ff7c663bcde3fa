"""The programme's tests write static snapshots into a temporary folder, never into var/."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def snapshot_folder(settings: pytest.FixtureRequest, tmp_path: Path) -> Path:
    folder = tmp_path / "snapshots"
    settings.IGF_SNAPSHOT_DIR = str(folder)  # type: ignore[attr-defined]
    return folder
