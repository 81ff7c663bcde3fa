"""Benchmark: a document's commented view and its comment-resolution CSV, at two sizes.

The issue's bar: a 200-paragraph document with 5,000 comments renders its commented view
with a constant number of SQL queries, and the comment-resolution CSV exports in under 2 s.
Prints a table (queries, median time of several rounds, size) for both sizes.

    .venv/bin/python bench/consultations/run.py
"""

from __future__ import annotations

import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
DB = Path(tempfile.mkdtemp()) / "bench-consultations.sqlite3"
# BENCH_DATABASE_URL runs it on PostgreSQL (an empty database it may migrate).
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{DB}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from igf.consultations.enums import CommentStatus, VersionStatus  # noqa: E402
from igf.consultations.models import (  # noqa: E402
    Comment,
    CommentPeriod,
    Disposition,
    Document,
    Paragraph,
    Version,
)
from igf.core.enums import StakeholderGroup  # noqa: E402
from igf.people.models import Person, User  # noqa: E402

ROUNDS = 5
SIZES = ((20, 100), (200, 5_000))
WORDS = [
    "forum",
    "stakeholders",
    "outcomes",
    "participation",
    "remote",
    "developing",
    "countries",
    "messages",
    "MAG",
    "secretariat",
    "funding",
    "transparency",
    "inclusive",
    "dialogue",
    "capacity",
    "building",
    "youth",
    "gender",
    "balance",
    "national",
    "regional",
    "initiatives",
    "outreach",
    "policy",
    "networks",
    "best",
    "practices",
]


def text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def build(paragraphs: int, comments: int, offset: int) -> Document:
    """A published version of `paragraphs` paragraphs and a period of `comments` comments,
    a tenth of them replies and 60% of the rest with a published disposition."""
    rng = random.Random(offset)
    now = timezone.now()
    users = User.objects.bulk_create(
        [User(email=f"bench{offset}-{i}@example.org", password="!") for i in range(300)]
    )
    Person.objects.bulk_create(
        [
            Person(
                user=u,
                display_name=f"Commenter {offset}-{i}",
                stakeholder_group=StakeholderGroup.values[i % 5],
                country_id=("KE", "FR", "BR", "IN", "RU", "CN")[i % 6],
            )
            for i, u in enumerate(users)
        ]
    )
    people = list(Person.objects.filter(user__in=users))
    document = Document.objects.create(title=f"Bench {offset}", slug=f"bench-{offset}")
    version = Version.objects.create(
        document=document,
        number=1,
        status=VersionStatus.PUBLISHED,
        published_at=now - timedelta(days=40),
        text="",
    )
    rows = Paragraph.objects.bulk_create(
        [
            Paragraph(
                version=version,
                key=f"{offset:02x}{i:06x}",
                position=i + 1,
                number=i + 1,
                text=text(rng, 60),
            )
            for i in range(paragraphs)
        ]
    )
    period = CommentPeriod.objects.create(
        version=version, opens=now - timedelta(days=39), closes=now - timedelta(days=9)
    )
    top = int(comments * 0.9)
    created = Comment.objects.bulk_create(
        [
            Comment(
                period=period,
                paragraph=rng.choice(rows) if i % 25 else None,
                author=people[i % len(people)],
                stakeholder_group=people[i % len(people)].stakeholder_group,
                country_id=people[i % len(people)].country_id,
                text=text(rng, 40),
                status=CommentStatus.PUBLISHED,
                created=now - timedelta(days=30, minutes=i),
            )
            for i in range(top)
        ]
    )
    Comment.objects.bulk_create(
        [
            Comment(
                period=period,
                paragraph_id=parent.paragraph_id,
                parent=parent,
                author=people[(i * 7) % len(people)],
                text=text(rng, 20),
                status=CommentStatus.PUBLISHED,
                created=now - timedelta(days=20, minutes=i),
            )
            for i, parent in enumerate(rng.sample(created, comments - top))
        ]
    )
    Disposition.objects.bulk_create(
        [
            Disposition(
                comment=c,
                outcome=rng.choice(("accepted", "partly_accepted", "not_accepted")),
                reason=text(rng, 15),
                published_at=now - timedelta(days=5),
            )
            for c in created
            if rng.random() < 0.6
        ]
    )
    return document


def measure(client: Client, url: str) -> tuple[int, float, int]:
    """(queries, median seconds, bytes) of a GET, after one warm-up request."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    queries = len(captured)
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
    return queries, statistics.median(times), len(response.content)


def main() -> None:
    call_command("migrate", verbosity=0)
    client = Client()
    results = []
    for offset, (paragraphs, comments) in enumerate(SIZES, start=1):
        start = time.perf_counter()
        document = build(paragraphs, comments, offset)
        built = time.perf_counter() - start
        period = CommentPeriod.objects.get(version__document=document)
        base = f"/consultations/d/{document.slug}/v1/"
        pages = {
            "commented view": f"{base}comments/",
            "text with counts": base,
            "resolution CSV": f"/consultations/periods/{period.pk}/resolution.csv",
            "resolution table": f"/consultations/periods/{period.pk}/",
            "statistics": f"/consultations/periods/{period.pk}/statistics/",
        }
        for name, url in pages.items():
            queries, seconds, size = measure(client, url)
            results.append((paragraphs, comments, name, queries, seconds, size))
        print(f"built {paragraphs} paragraphs / {comments} comments in {built:.1f} s", flush=True)

    print()
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, Django {django.get_version()}, {engine}"
        + (f" (SQLite {sqlite3.sqlite_version})" if engine == "sqlite3" else "")
    )
    print(f"Median of {ROUNDS} requests through Django's test client, after one warm-up.\n")
    print(
        f"{'paragraphs':>10} {'comments':>9}  {'page':<18} {'queries':>7} {'median s':>9} {'KB':>8}"
    )
    for paragraphs, comments, name, queries, seconds, size in results:
        print(
            f"{paragraphs:>10} {comments:>9}  {name:<18} {queries:>7} {seconds:>9.3f} "
            f"{size / 1024:>8.0f}"
        )
    by_page: dict[str, list[int]] = {}
    for _p, _c, name, queries, _s, _size in results:
        by_page.setdefault(name, []).append(queries)
    constant = all(len(set(counts)) == 1 for counts in by_page.values())
    csv_time = max(s for p, c, name, _q, s, _z in results if name == "resolution CSV")
    print()
    print(f"Queries constant across sizes on every page: {'yes' if constant else 'NO'}")
    print(
        f"Resolution CSV of 5,000 comments under 2 s: {'yes' if csv_time < 2 else 'NO'} "
        f"({csv_time:.2f} s)"
    )


if __name__ == "__main__":
    main()
