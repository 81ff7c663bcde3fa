from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "igf.funding"
    label = "funding"
    verbose_name = _("Funding")

    def ready(self) -> None:
        from igf.core.navigation import NavItem, register_nav_item  # noqa: PLC0415
        from igf.core.phrases import ACTIVITY  # noqa: PLC0415
        from igf.funding import phrases, queries, receivers  # noqa: PLC0415
        from igf.people.services import register_export_section  # noqa: PLC0415
        from igf.people.signals import person_erased  # noqa: PLC0415

        ACTIVITY.update(phrases.ACTIVITY)
        register_export_section("funding", queries.export_funding_data)
        person_erased.connect(receivers.scrub_erased_person, dispatch_uid="funding-erase")
        register_nav_item(NavItem("funding:index", _("Funding"), order=700))
