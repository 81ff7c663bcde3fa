"""Queue the meeting reminders and overdue-action notices; schedule it every 15 minutes."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from igf.meetings.tasks import send_meeting_reminders, send_overdue_action_notices


class Command(BaseCommand):
    help = "Queue the 24-hour meeting reminders and the overdue action-item notices."

    def handle(self, *args: Any, **options: Any) -> None:
        reminders = send_meeting_reminders.enqueue()
        notices = send_overdue_action_notices.enqueue()
        self.stdout.write(f"queued {reminders.id} and {notices.id}")
