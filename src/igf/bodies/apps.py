from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BodiesConfig(AppConfig):
    name = "igf.bodies"
    label = "bodies"
    verbose_name = _("Bodies")

    def ready(self) -> None:
        from igf.bodies import home, receivers  # noqa: PLC0415
        from igf.bodies.phrases import ACTIVITY  # noqa: PLC0415
        from igf.core import phrases  # noqa: PLC0415
        from igf.core.home import HomeSection, register_home_section  # noqa: PLC0415
        from igf.core.navigation import NavItem, register_nav_item  # noqa: PLC0415
        from igf.people.services import register_export_section  # noqa: PLC0415
        from igf.people.signals import person_erased  # noqa: PLC0415

        phrases.ACTIVITY.update(ACTIVITY)
        register_nav_item(NavItem("bodies:list", _("Bodies"), order=100))
        register_home_section(
            HomeSection(
                name="open_calls",
                template="bodies/home_calls.html",
                context=home.open_calls,
                order=200,
            )
        )
        register_export_section("bodies", receivers.export_bodies)
        person_erased.connect(receivers.erase_from_bodies, dispatch_uid="bodies.erase")
