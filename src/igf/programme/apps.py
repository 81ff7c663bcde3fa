from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ProgrammeConfig(AppConfig):
    name = "igf.programme"
    label = "programme"
    verbose_name = _("Annual meeting programme")

    def ready(self) -> None:
        from igf.core.home import HomeSection, register_home_section  # noqa: PLC0415
        from igf.core.navigation import NavItem, register_nav_item  # noqa: PLC0415
        from igf.core.phrases import ACTIVITY  # noqa: PLC0415
        from igf.people.services import register_export_section  # noqa: PLC0415
        from igf.people.signals import person_erased  # noqa: PLC0415
        from igf.programme import home, phrases, queries, services  # noqa: PLC0415

        ACTIVITY.update(phrases.ACTIVITY)
        register_nav_item(
            NavItem("programme:index", pgettext_lazy("navigation", "Programme"), order=400)
        )
        register_home_section(
            HomeSection(
                name="programme_calls",
                template="programme/home_calls.html",
                context=home.open_calls,
                order=300,
            )
        )
        register_export_section("programme", queries.export_programme_data)
        person_erased.connect(services.scrub_erased_person, dispatch_uid="programme_scrub")
