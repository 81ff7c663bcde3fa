from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "igf.funding"
    label = "funding"
    verbose_name = _("Funding")

    def ready(self) -> None:
        from igf.core.navigation import NavItem, register_nav_item  # noqa: PLC0415
        from igf.core.phrases import ACTIVITY  # noqa: PLC0415
        from igf.funding import phrases  # noqa: PLC0415

        ACTIVITY.update(phrases.ACTIVITY)
        register_nav_item(NavItem("funding:index", _("Funding"), order=700))
