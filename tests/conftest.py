"""Fixtures shared by the whole suite, and the check that every URL pattern is requested."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from igf.people.models import User
from tests.factories import SecretariatFactory, UserFactory

pytest_plugins = ["tests.browser_support"]

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
