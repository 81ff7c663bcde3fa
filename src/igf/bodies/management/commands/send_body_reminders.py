"""Queue the bodies' periodic work: requirement checks, milestone and annual-report reminders,
turnover warnings. Schedule it with the meetings' reminders (every 15 minutes is harmless:
each reminder goes once)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from igf.bodies.tasks import (
    check_body_requirements,
    send_milestone_reminders,
    send_report_reminders,
    warn_short_turnover,
)


class Command(BaseCommand):
    help = (
        "Queue the requirement checks, overdue-milestone and annual-report reminders and the "
        "turnover warnings of bodies."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        queued = [
            task.enqueue().id
            for task in (
                check_body_requirements,
                send_milestone_reminders,
                send_report_reminders,
                warn_short_turnover,
            )
        ]
        self.stdout.write("queued " + ", ".join(str(i) for i in queued))
