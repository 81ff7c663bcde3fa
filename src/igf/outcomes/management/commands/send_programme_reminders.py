"""Queue the session-report reminders; schedule it every hour (cron, systemd timer, bin/serve)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from igf.outcomes.tasks import send_report_reminders


class Command(BaseCommand):
    help = "Queue the reminders for session reports about to be due."

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_report_reminders.enqueue()
        self.stdout.write(f"queued {result.id}")
