"""Queries per page on the seeded demo, for the choice of a translation library
(docs/architecture.md, "Content translation"). Runs on the database of DATABASE_URL (default:
var/igf.sqlite3 after `manage.py seed_demo`), with the page cache bypassed.

    PYTHONPATH=src .venv/bin/python bench/translations/queries.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'igf.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from igf.bodies.models import Body  # noqa: E402
from igf.consultations.models import Document  # noqa: E402
from igf.programme.models import AnnualMeeting, Session  # noqa: E402


def pages() -> list[tuple[str, str]]:
    meeting = AnnualMeeting.objects.order_by("-year").first()
    session = Session.objects.order_by("pk").first()
    body = Body.objects.filter(acronym="MAG").first() or Body.objects.order_by("pk").first()
    document = Document.objects.order_by("pk").first()
    if not (meeting and session and body and document):
        raise SystemExit("seed the demo first")
    return [
        ("schedule", reverse("schedule:schedule", kwargs={"slug": meeting.slug})),
        ("session", reverse("schedule:session", kwargs={"pk": session.pk})),
        ("body (MAG)", body.get_absolute_url()),
        ("document", document.get_absolute_url()),
    ]


def main() -> None:
    client = Client(HTTP_HOST="localhost")
    print(f"{'page':<14} {'lang':<8} {'status':>6} {'queries':>8}")
    for name, url in pages():
        for language in ("en", "ar", "zh-hans"):
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            print(f"{name:<14} {language:<8} {response.status_code:>6} {len(queries):>8}")


if __name__ == "__main__":
    main()
