from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "igf.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        from igf.bodies.sections import BodySection, register_body_section  # noqa: PLC0415
        from igf.core.home import HomeSection, register_home_section  # noqa: PLC0415
        from igf.core.navigation import NavItem, register_nav_item  # noqa: PLC0415
        from igf.core.phrases import ACTIVITY  # noqa: PLC0415
        from igf.meetings import home, phrases, receivers, rules  # noqa: F401, PLC0415
        from igf.people.services import register_export_section  # noqa: PLC0415
        from igf.people.signals import person_erased  # noqa: PLC0415

        ACTIVITY.update(phrases.ACTIVITY)
        register_nav_item(NavItem("meetings:list", _("Meetings"), order=300))
        register_home_section(
            HomeSection(
                name="meetings",
                template="meetings/home_upcoming.html",
                context=home.upcoming_meetings,
                order=300,
            )
        )
        register_body_section(
            BodySection("meetings", "meetings/body_section.html", home.body_section, order=200)
        )
        register_export_section("meetings", receivers.export_section)
        person_erased.connect(receivers.scrub_person, dispatch_uid="meetings.scrub_person")
