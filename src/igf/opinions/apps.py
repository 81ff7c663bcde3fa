from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpinionsConfig(AppConfig):
    name = "igf.opinions"
    label = "opinions"
    verbose_name = _("Opinion mapping")

    def ready(self) -> None:
        from igf.core.home import HomeSection, register_home_section  # noqa: PLC0415
        from igf.core.navigation import NavItem, register_nav_item  # noqa: PLC0415
        from igf.core.phrases import ACTIVITY  # noqa: PLC0415
        from igf.opinions import home, phrases, receivers  # noqa: PLC0415
        from igf.people.services import register_export_section  # noqa: PLC0415
        from igf.people.signals import person_erased  # noqa: PLC0415

        ACTIVITY.update(phrases.ACTIVITY)
        register_nav_item(NavItem("opinions:conversations", _("Conversations"), order=500))
        register_home_section(
            HomeSection(
                name="opinions",
                template="opinions/home_section.html",
                context=home.open_conversations,
                order=500,
            )
        )
        register_export_section("opinions", receivers.export_section)
        person_erased.connect(receivers.unlink_erased_person, dispatch_uid="opinions.erased")
