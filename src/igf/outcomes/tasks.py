"""Background work of the meeting's aftermath, run by the Django tasks worker.

`manage.py send_programme_reminders` enqueues it; run it every hour or so (docs/schedule.md).
"""

from __future__ import annotations

from django_tasks import task

from igf.outcomes import services


@task()
def send_report_reminders() -> int:
    """Remind organisers of session reports about to be due (once per report)."""
    return services.send_report_reminders()
