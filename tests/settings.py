"""Settings for the test suite: the real settings, with fast and isolated services."""

import os
import tempfile
from pathlib import Path

from igf.settings import *  # noqa: F403
from igf.settings import PASSWORD_HASHERS

# Hashing with Argon2 is slow on purpose; tests that check hashing ask for it themselves.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
IGF_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: WAL, the busy timeout and concurrent writers are tested for real.
    # One file per test process, so parallel runs on one machine never share a database.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"igf-test-{os.getpid()}.sqlite3")
    }

# Tests serve static files through the finders; an empty collected folder keeps whitenoise quiet.
STATIC_ROOT = Path(tempfile.gettempdir()) / "igf-test-static"
STATIC_ROOT.mkdir(exist_ok=True)
