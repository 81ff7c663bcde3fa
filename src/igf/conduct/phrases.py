"""Translated sentences of the code of conduct's activity-log verbs."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

ACTIVITY: dict[str, tuple[Promise, Promise]] = {
    "conduct.code_published": (
        gettext_lazy("%(actor)s published %(object)s."),
        gettext_lazy("%(object)s was published."),
    ),
    # Reports are confidential: their entries name neither reporter, subject nor officer.
    "conduct.report_received": (
        gettext_lazy("A concern was reported to the conduct officers."),
        gettext_lazy("A concern was reported to the conduct officers."),
    ),
    "conduct.report_handled": (
        gettext_lazy("The conduct officers handled a report."),
        gettext_lazy("The conduct officers handled a report."),
    ),
}
