"""The schedule's tests write static snapshots into a temporary folder, never into var/; the
permission scene's fixtures are in scene.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.schedule.scene import actors, scene  # noqa: F401 - the permission matrix's fixtures


@pytest.fixture(autouse=True)
def snapshot_folder(settings: pytest.FixtureRequest, tmp_path: Path) -> Path:
    folder = tmp_path / "snapshots"
    settings.IGF_SNAPSHOT_DIR = str(folder)  # type: ignore[attr-defined]
    return folder
