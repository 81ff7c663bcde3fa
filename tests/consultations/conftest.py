"""Fixtures of the consultations tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Messages compared in these tests are English; a page fetched in Arabic or Chinese by
    an earlier test in the same process must not leave its language active."""
    with translation.override("en"):
        yield
