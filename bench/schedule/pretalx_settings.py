"""pretalx's own settings with the platform's cache: a file cache on the same disk (the
platform's default without Redis; pretalx's is no cache at all without Redis). Used by the
seeding script and pretalx's gunicorn, in pretalx's virtual environment."""

import os

from pretalx.settings import *  # type: ignore[import-not-found]  # noqa: F403

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ["BENCH_PRETALX_CACHE"],
    }
}
