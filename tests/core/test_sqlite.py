"""SQLite is configured for durability and concurrency (WAL, FULL sync, IMMEDIATE, busy wait)."""

from __future__ import annotations

import threading

import pytest
from django.conf import settings
from django.db import connection, connections

from igf.core.models import ActivityEntry

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite configuration",
)


@pytest.mark.django_db
def test_sqlite_runs_with_durable_pragmas() -> None:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous")
        synchronous = cursor.fetchone()[0]
        cursor.execute("PRAGMA foreign_keys")
        foreign_keys = cursor.fetchone()[0]
        cursor.execute("PRAGMA busy_timeout")
        busy_timeout = cursor.fetchone()[0]
    assert synchronous == 2  # FULL
    assert foreign_keys == 1
    assert busy_timeout >= 5000
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


@pytest.mark.django_db(transaction=True)
def test_sqlite_concurrent_writers_never_see_database_is_locked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Eight threads write at once to a file database in WAL mode; every write lands."""
    if (
        "memory" in str(connection.settings_dict["NAME"])
        or connection.settings_dict["NAME"] == ":memory:"
    ):
        pytest.skip("needs a file database")
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(20):
                ActivityEntry.objects.create(verb="test.concurrent", data={"n": n, "i": i})
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert ActivityEntry.objects.filter(verb="test.concurrent").count() == 160
