"""Background tasks of the bodies app (run by the Django tasks worker).

`manage.py send_body_reminders` enqueues them; `bin/serve` runs it with the other periodic
jobs, production from cron (docs/operations.md).
"""

from __future__ import annotations

from django_tasks import task

from igf.bodies.services import registry


@task()
def check_body_requirements() -> int:
    """Check requirements from each body's facts; mark inactive after the grace period."""
    return registry.check_requirements()


@task()
def send_milestone_reminders() -> int:
    """E-mail owners and leads of overdue workplan milestones (at most weekly each)."""
    return registry.send_milestone_reminders()


@task()
def send_report_reminders() -> int:
    """E-mail leads of bodies whose annual report is due within a month or overdue."""
    return registry.send_report_reminders()


@task()
def warn_short_turnover() -> int:
    """Warn the secretariat of bodies whose renewals fall short of the turnover target."""
    return registry.warn_short_turnover()
