"""Fixtures shared by the whole suite, and the check that every URL pattern is requested."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import django
import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from igf.people.models import User
from tests.factories import SecretariatFactory, UserFactory

pytest_plugins = ["tests.browser_support"]

# --- The test database: migrated once, then copied ---------------------------------------------
# Migrating from nothing takes each test process 20 s or more (Django renders the model state
# again at every operation). On SQLite the migrated database is kept as a template named by a
# hash of every migration file and Django's version, and each process starts from a copy;
# `migrate` then still runs (nothing to apply) and its post_migrate handlers refresh countries,
# content types and permissions. PostgreSQL, or --no-migrations, go the usual way.
TEMPLATE_DAYS = 2


def _migrations_key() -> str:
    digest = hashlib.sha256(django.get_version().encode())
    for config in sorted(apps.get_app_configs(), key=lambda config: config.label):
        for path in sorted((Path(config.path) / "migrations").glob("*.py")):
            digest.update(f"{config.label}/{path.name}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _copy_sqlite(source: Path, target: Path) -> None:
    """SQLite's own backup, which is right whatever the journal (WAL) holds."""
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    with (
        contextlib.closing(sqlite3.connect(source)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


def _build_template(template: Path) -> None:
    creation = connection.creation
    old_name = connection.settings_dict["NAME"]
    built = Path(creation.create_test_db(verbosity=0, autoclobber=True, serialize=False))
    creation.destroy_test_db(old_name, verbosity=0, keepdb=True)
    partial = template.with_suffix(f".{os.getpid()}.partial")
    _copy_sqlite(built, partial)
    partial.replace(template)
    for path in template.parent.glob("igf-test-template-*.sqlite3"):
        if time.time() - path.stat().st_mtime > TEMPLATE_DAYS * 86400:
            path.unlink(missing_ok=True)
            Path(f"{path}.lock").unlink(missing_ok=True)


@pytest.fixture(scope="session")
def _test_database_from_template(
    request: pytest.FixtureRequest,
    django_test_environment: None,
    django_db_blocker: Any,
    django_db_use_migrations: bool,
    django_db_modify_db_settings: None,
) -> Iterator[bool]:
    """True when this process's test database was copied from the migrated template."""
    database = connection.settings_dict  # after pytest-xdist's suffix is added to its name
    name = database.get("TEST", {}).get("NAME")
    if (
        database["ENGINE"] != "django.db.backends.sqlite3"
        or not name
        or not django_db_use_migrations
        or request.config.getvalue("create_db")
    ):
        yield False
        return
    template = Path(tempfile.gettempdir()) / f"igf-test-template-{_migrations_key()}.sqlite3"
    with django_db_blocker.unblock(), open(f"{template}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one process builds it, the others wait for it
        if not template.exists():
            _build_template(template)
        os.utime(template)
        _copy_sqlite(template, Path(name))
    yield True
    for path in (Path(name), Path(f"{name}-wal"), Path(f"{name}-shm")):
        path.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def django_db_keepdb(request: pytest.FixtureRequest, _test_database_from_template: bool) -> bool:
    """Keep (use) the copied database rather than create one; it is removed at the end."""
    return bool(request.config.getvalue("reuse_db")) or _test_database_from_template


# --- Roles -----------------------------------------------------------------------------------


@pytest.fixture
def participant(db: None) -> User:
    return UserFactory.create(display_name="Amina Participant")


@pytest.fixture
def other_participant(db: None) -> User:
    return UserFactory.create(display_name="Oleg Other")


@pytest.fixture
def secretariat(db: None) -> User:
    """A secretariat member who has set up a second factor, as the platform requires."""
    user = SecretariatFactory.create(display_name="Sofia Secretariat")
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def admin_user(db: None) -> User:
    user = UserFactory.create(display_name="Ada Admin", is_staff=True, is_superuser=True)
    TOTP.activate(user, generate_totp_secret())
    return user


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
    return client


@pytest.fixture
def login() -> Callable[[User | None], Client]:
    return client_for


@pytest.fixture
def roles(
    db: None, participant: User, other_participant: User, secretariat: User, admin_user: User
) -> dict[str, User | None]:
    return {
        "anonymous": None,
        "participant": participant,
        "other_participant": other_participant,
        "secretariat": secretariat,
        "admin": admin_user,
    }


# --- Every URL pattern must be requested by the suite -----------------------------------------

REQUESTED_ROUTES: set[str] = set()
# The namespaces of the platform's own apps (each app's urls.py sets app_name to its label).
OWN_NAMESPACES = (
    *(c.label for c in apps.get_app_configs() if c.name.startswith("igf.")),
    "api-v1",
)
# django-ninja's own root pattern: shadowed by our redirect to the docs ("api_root").
SHADOWED = {"api-v1:api-root"}


def _route_key(match: Any) -> str:
    return f"{match.namespace}:{match.url_name}" if match.namespace else str(match.url_name)


@pytest.fixture(autouse=True)
def _record_requested_routes(monkeypatch: pytest.MonkeyPatch) -> None:
    original = Client.request

    def recording(self: Client, **request: Any) -> Any:
        with contextlib.suppress(Resolver404):
            REQUESTED_ROUTES.add(_route_key(resolve(request.get("PATH_INFO", "/"))))
        return original(self, **request)

    monkeypatch.setattr(Client, "request", recording)


def own_routes() -> set[str]:
    """Every named URL pattern of the platform's own apps (not the admin's or allauth's)."""
    found: set[str] = set()

    def walk(patterns: list[Any], namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                if namespace in OWN_NAMESPACES:
                    found.add(f"{namespace}:{pattern.name}")
                elif namespace is None and pattern.name == "api_root":
                    found.add(pattern.name)

    walk(get_resolver().url_patterns, None)
    return found - SHADOWED


def pytest_configure(config: pytest.Config) -> None:
    """Under pytest-xdist, workers report the routes they requested through files in one
    folder that the controller creates (workers inherit its environment)."""
    if not hasattr(config, "workerinput") and "IGF_ROUTES_DIR" not in os.environ:
        os.environ["IGF_ROUTES_DIR"] = tempfile.mkdtemp(prefix="igf-routes-")


def _requested_by_all_processes() -> set[str]:
    routes = set(REQUESTED_ROUTES)
    folder = Path(os.environ.get("IGF_ROUTES_DIR", ""))
    if folder.is_dir():
        for report in folder.glob("*.txt"):
            routes.update(report.read_text(encoding="utf-8").split())
    return routes


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With IGF_URL_COVERAGE=1 (set by `make test`), fail when a URL pattern went unrequested."""
    workerinput = getattr(session.config, "workerinput", None)
    if workerinput is not None:
        folder = Path(os.environ.get("IGF_ROUTES_DIR", ""))
        if folder.is_dir():
            (folder / f"{workerinput['workerid']}.txt").write_text(
                "\n".join(sorted(REQUESTED_ROUTES)), encoding="utf-8"
            )
        return
    if os.environ.get("IGF_URL_COVERAGE") != "1" or exitstatus != 0:
        return
    if session.config.getoption("markexpr", "") not in ("not browser", ""):
        return
    if session.config.args and any("::" in a or a.endswith(".py") for a in session.config.args):
        return
    missing = sorted(own_routes() - _requested_by_all_processes())
    if missing:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(
                "URL patterns never requested by the suite: " + ", ".join(missing), red=True
            )


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Rate limits and lock-outs live in the cache; each test starts with none."""
    from django.core.cache import cache  # noqa: PLC0415

    cache.clear()


@pytest.fixture(autouse=True)
def _english_outside_requests() -> Iterator[None]:
    """Each test starts in English: a language activated by an earlier test (a page rendered
    in Arabic, a task run in a person's language) must not leak into the next one."""
    from django.utils import translation  # noqa: PLC0415

    translation.activate("en")
    yield
    translation.deactivate()
