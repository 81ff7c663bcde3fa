from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScheduleConfig(AppConfig):
    name = "igf.schedule"
    label = "schedule"
    verbose_name = _("Annual meeting schedule")

    def ready(self) -> None:
        from igf.core.home import HomeSection, register_home_section  # noqa: PLC0415
        from igf.core.phrases import ACTIVITY  # noqa: PLC0415
        from igf.people.services import register_export_section  # noqa: PLC0415
        from igf.programme import hooks  # noqa: PLC0415
        from igf.schedule import home, phrases, queries, receivers  # noqa: PLC0415

        ACTIVITY.update(phrases.ACTIVITY)
        register_home_section(
            HomeSection(
                name="programme_schedule",
                template="schedule/home_schedule.html",
                context=home.schedule_section,
                order=310,
            )
        )
        hooks.register_section(
            hooks.MEETING_PAGE,
            hooks.PageSection(
                name="schedule",
                template="schedule/includes/meeting_section.html",
                context=home.meeting_section,
            ),
        )
        register_export_section("schedule", queries.export_schedule_data)
        receivers.connect()
