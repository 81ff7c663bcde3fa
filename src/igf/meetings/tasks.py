"""Background tasks of the meetings app (run by the Django tasks worker).

`manage.py send_meeting_reminders` enqueues both; run it every 15 minutes from cron or a
systemd timer (docs/meetings.md).
"""

from __future__ import annotations

from django_tasks import task

from igf.meetings import services


@task()
def send_meeting_reminders() -> int:
    """E-mail everyone expected at meetings that start within 24 hours (once per meeting)."""
    return services.send_due_reminders()


@task()
def send_overdue_action_notices() -> int:
    """E-mail owners of overdue action items (at most weekly per item)."""
    return services.send_overdue_notices()
