"""Who may write a session's report and follow the reports of a meeting."""

from __future__ import annotations

import rules

from igf.core.rules import grant_model_permissions, is_secretariat, is_signed_in
from igf.schedule.rules import is_released, is_session_organiser

can_write_report = is_signed_in & (is_secretariat | (is_session_organiser & is_released))

rules.add_perm("outcomes.write_report", can_write_report)
rules.add_perm("outcomes.view_report_compliance", is_secretariat)

# The secretariat reads the reports in the admin; they change only on the report pages.
grant_model_permissions("outcomes", is_secretariat, {"sessionreport": ("view",)})
