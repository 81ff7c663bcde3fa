from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BodiesConfig(AppConfig):
    name = "igf.bodies"
    label = "bodies"
    verbose_name = _("Bodies")

    def ready(self) -> None:
        from igf.bodies.phrases import ACTIVITY  # noqa: PLC0415
        from igf.core import phrases  # noqa: PLC0415
        from igf.core.navigation import NavItem, register_nav_item  # noqa: PLC0415

        phrases.ACTIVITY.update(ACTIVITY)
        register_nav_item(NavItem("bodies:list", _("Bodies"), order=100))
