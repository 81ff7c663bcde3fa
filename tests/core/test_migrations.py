"""Every model change comes with its migration: the suite builds its database from the
migrations, so a missing one would pass here and fail on the first `migrate` in production."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_have_every_migration() -> None:
    output = StringIO()

    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=output, stderr=output)
    except SystemExit:
        pytest.fail("Model changes without a migration (run makemigrations):\n" + output.getvalue())

    assert "No changes detected" in output.getvalue()
