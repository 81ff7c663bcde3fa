from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "igf.outcomes"
    label = "outcomes"
    verbose_name = _("Annual meeting outcomes")

    def ready(self) -> None:
        from igf.core.phrases import ACTIVITY  # noqa: PLC0415
        from igf.outcomes import phrases, queries, sections  # noqa: PLC0415
        from igf.outcomes.models import SessionReport, SessionTranscript  # noqa: PLC0415
        from igf.people.services import register_export_section  # noqa: PLC0415
        from igf.programme import hooks  # noqa: PLC0415
        from igf.schedule import receivers  # noqa: PLC0415

        ACTIVITY.update(phrases.ACTIVITY)
        hooks.register_section(
            hooks.SESSION_ACTIONS,
            hooks.PageSection(
                name="outcomes",
                template="outcomes/includes/session_actions.html",
                context=sections.session_actions,
            ),
        )
        hooks.register_section(
            hooks.SESSION_PAGE,
            hooks.PageSection(
                name="outcomes",
                template="outcomes/includes/session_sections.html",
                context=sections.session_sections,
            ),
        )
        hooks.register_section(
            hooks.MEETING_SCHEDULE_LINKS,
            hooks.PageSection(
                name="statistics",
                template="outcomes/includes/statistics_link.html",
                context=sections.statistics_link,
            ),
        )
        hooks.register_reported_sessions(queries.reported_session_ids)
        register_export_section("outcomes", queries.export_outcomes_data)
        # Reports and transcripts show on the session pages, which the schedule caches.
        receivers.watch(SessionReport, SessionTranscript)
