"""The platform's own settings with one more page, /hello/: the ceiling the schedule pages
are measured against (the same middleware, server and workers, no work in the view)."""

from igf.settings import *  # noqa: F403

ROOT_URLCONF = "bench.schedule.hello_urls"
