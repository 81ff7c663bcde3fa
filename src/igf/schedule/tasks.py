"""Background work of the schedule, run by the Django tasks worker."""

from __future__ import annotations

from django_tasks import task

from igf.schedule import services
from igf.schedule.enums import SolverStatus
from igf.schedule.models import SolverRun


@task()
def solve_schedule(run_id: int) -> str:
    """Run a queued solver run (see `services.run_solver`)."""
    run = SolverRun.objects.select_related("meeting", "requested_by").filter(pk=run_id).first()
    if run is None or run.status != SolverStatus.QUEUED:
        return "skipped"
    services.run_solver(run=run)
    return str(run.status)
