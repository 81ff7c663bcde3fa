"""Benchmark: the public list of all bodies and a MAG page with 50 members and 10 years of
history render with a constant number of SQL queries, at two sizes. Prints a table.

    .venv/bin/python bench/bodies/run.py
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
DB = Path(tempfile.mkdtemp()) / "bench-bodies.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ["ALLOWED_HOSTS"] = "testserver"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.signals import request_finished, request_started  # noqa: E402
from django.db import close_old_connections, connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from igf.bodies.models import Body, BodyType, Membership  # noqa: E402
from igf.core.enums import StakeholderGroup  # noqa: E402
from igf.people.models import Person, User  # noqa: E402

ROUNDS = 7


def people(n: int, offset: int) -> list[Person]:
    users = User.objects.bulk_create(
        [User(email=f"bench{offset}-{i}@example.org", password="!") for i in range(n)]
    )
    Person.objects.bulk_create(
        [
            Person(
                user=u,
                display_name=f"Member {offset + i}",
                stakeholder_group=StakeholderGroup.values[i % 5],
                country_id=("KE", "FR", "BR", "IN", "RU")[i % 5],
            )
            for i, u in enumerate(users)
        ]
    )
    return list(Person.objects.filter(user__in=users))


def build(bodies: int, members: int, years: int, offset: int) -> Body:
    """`bodies` open bodies of 10 members each, and a MAG with `members` seats per year."""
    dc = BodyType.objects.get(slug="dc")
    created = Body.objects.bulk_create(
        [
            Body(type=dc, name=f"Coalition {offset}-{i}", slug=f"dc-{offset}-{i}")
            for i in range(bodies)
        ]
    )
    pool = people(10 * bodies + members * years, offset)
    rows = [
        Membership(
            body=b,
            person=pool[(i * 10 + j) % len(pool)],
            start=date(2020, 1, 1),
            stakeholder_group="civil_society",
        )
        for i, b in enumerate(created)
        for j in range(10)
    ]
    mag = Body.objects.create(
        type=BodyType.objects.get(slug="mag"), name=f"MAG {offset}", slug=f"mag-{offset}"
    )
    for year in range(2026 - years + 1, 2027):
        for seat in range(members):
            person = pool[10 * bodies + ((year - 2017) * members + seat) % (members * years)]
            rows.append(
                Membership(
                    body=mag,
                    person=person,
                    start=date(year, 1, 1),
                    end=date(year, 12, 31),
                    stakeholder_group=person.stakeholder_group,
                )
            )
    Membership.objects.bulk_create(rows)
    return mag


def measure(client: Client, url: str) -> tuple[int, float]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    count = queries.final_queries - queries.initial_queries
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return count, statistics.median(timings) * 1000


def main() -> None:
    # As Django's test client does: keep one connection and one query log across requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_started.disconnect(reset_queries)
    call_command("migrate", verbosity=0)
    client = Client()
    print(
        f"# bodies benchmark · {platform.machine()} · Python {platform.python_version()} · "
        f"Django {django.get_version()} · SQLite {connection.Database.sqlite_version}"
    )
    print(f"{'page':<44} {'bodies':>7} {'memberships':>12} {'queries':>8} {'median ms':>10}")
    for offset, bodies in enumerate((50, 300)):
        mag = build(bodies, members=50, years=10, offset=offset)
        total_bodies = Body.objects.count()
        total_members = Membership.objects.count()
        for label, url in (
            ("public list of all bodies (/bodies/)", "/bodies/"),
            ("MAG page, 50 members, 10 years", mag.get_absolute_url()),
            ("MAG membership history (100 per page)", f"{mag.get_absolute_url()}members/history/"),
            ("all bodies' composition (CSV)", "/bodies/composition.csv"),
        ):
            queries, ms = measure(client, url)
            print(f"{label:<44} {total_bodies:>7} {total_members:>12} {queries:>8} {ms:>10.1f}")


if __name__ == "__main__":
    main()
