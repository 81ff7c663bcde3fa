"""Page weight of every page the suite knows (tests/*/pages.py): compressed HTML, CSS and
JavaScript, against the budget of 60 KB per page with at most 20 KB of JavaScript.

    .venv/bin/python bench/pages/run.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench-pages.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.signals import request_finished, request_started  # noqa: E402
from django.db import close_old_connections  # noqa: E402

from tests.conftest import client_for  # noqa: E402
from tests.factories import OrganizationFactory, SecretariatFactory  # noqa: E402
from tests.pages import all_pages, fetch, page_weight  # noqa: E402

BUDGET, JS_BUDGET = 60 * 1024, 20 * 1024


def main() -> None:
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    call_command("migrate", verbosity=0)
    viewer = SecretariatFactory.create(display_name="Sofia Secretariat")
    TOTP.activate(viewer, generate_totp_secret())
    for _ in range(30):
        OrganizationFactory.create()
    rows = []
    for page in all_pages():
        for language in ("en", "ar"):
            html = fetch(client_for(viewer if page.signed_in else None), page, viewer, language)
            rows.append((page.name, language, page_weight(html)))
    rows.sort(key=lambda row: row[2].total, reverse=True)
    print(
        f"{'page':<36} {'lang':<4} {'HTML':>7} {'CSS':>6} {'JS':>6} {'total':>7}  (bytes, gzip -9)"
    )
    for name, language, weight in rows:
        flag = "" if weight.total <= BUDGET and weight.js <= JS_BUDGET else "  OVER BUDGET"
        sizes = f"{weight.html:>7} {weight.css:>6} {weight.js:>6} {weight.total:>7}"
        print(f"{name:<36} {language:<4} {sizes}{flag}")
    name, language, weight = rows[0]
    print(f"{len(rows)} page renderings; heaviest: {name} ({language}), {weight.total} bytes")


if __name__ == "__main__":
    main()
