"""Translated sentences of the meeting's outcomes: the activity of reports, session
logistics, links and transcripts."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

# Whole sentences per activity verb: with a named actor, and done by the platform.
ACTIVITY: dict[str, tuple[Promise, Promise]] = {
    "report.saved": (
        gettext_lazy("%(actor)s saved the report of %(object)s."),
        gettext_lazy("The report of %(object)s was saved."),
    ),
    "report.short_submitted": (
        gettext_lazy("%(actor)s submitted the short report of %(object)s."),
        gettext_lazy("The short report of %(object)s was submitted."),
    ),
    "report.full_submitted": (
        gettext_lazy("%(actor)s submitted the full report of %(object)s."),
        gettext_lazy("The full report of %(object)s was submitted."),
    ),
    "session.updated": (
        gettext_lazy("%(actor)s changed the session %(object)s."),
        gettext_lazy("The session %(object)s was changed."),
    ),
    "session.link_added": (
        gettext_lazy("%(actor)s linked a document from %(object)s."),
        gettext_lazy("A document was linked from %(object)s."),
    ),
    "session.link_removed": (
        gettext_lazy("%(actor)s removed a link from %(object)s."),
        gettext_lazy("A link was removed from %(object)s."),
    ),
    "session.transcript_attached": (
        gettext_lazy("%(actor)s attached a transcript to %(object)s."),
        gettext_lazy("A transcript was attached to %(object)s."),
    ),
}
