"""The periodic jobs (meeting reminders, programme reminders), run once across every host.

Every app host may run this loop (systemd unit `igf-periodic`); each tick, a host claims the
tick's slot for each job with an atomic add in the shared cache (Redis: SET NX with an expiry),
and only the host that claimed it runs the job. A host that dies takes no lock with it beyond
its slot: the next slot is claimed by a living host. Without Redis (one machine), the file cache
serves the same purpose.
"""

from __future__ import annotations

import logging
import socket
import time
from typing import Any

from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand

logger = logging.getLogger(__name__)

JOBS = ("send_meeting_reminders", "send_programme_reminders")


def claim(job: str, slot: int, every: int) -> bool:
    """True for exactly one caller per job and slot, across every host sharing the cache."""
    owner = f"{socket.gethostname()}:{time.monotonic_ns()}"
    return bool(cache.add(f"igf:periodic:{job}:{slot}", owner, timeout=every * 2))


def run_due(every: int, now: float | None = None) -> list[str]:
    """Run the jobs of the current slot that this host claims; their names."""
    slot = int((time.time() if now is None else now) // every)
    ran = []
    for job in JOBS:
        if not claim(job, slot, every):
            continue
        try:
            call_command(job, verbosity=0)
        except Exception:
            logger.exception("Periodic job %s failed", job)
        ran.append(job)
    return ran


class Command(BaseCommand):
    help = "Run the periodic jobs every --every seconds, once across all hosts."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--every", type=int, default=900)
        parser.add_argument("--once", action="store_true", help="One tick, then exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        every = int(options["every"])
        while True:
            for job in run_due(every):
                self.stdout.write(f"ran {job}")
            if options["once"]:
                return
            time.sleep(every - time.time() % every + 1)
