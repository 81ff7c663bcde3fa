"""Fixtures of the engine's tests: no database, no Django."""

from __future__ import annotations

from pathlib import Path

import pytest

POLIS_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "polis"


@pytest.fixture
def polis_data() -> Path:
    """The folder of real Pol.is exports (../shared/data/polis, read-only)."""
    if not POLIS_DATA.is_dir():
        pytest.skip("../shared/data/polis is not present")
    return POLIS_DATA
