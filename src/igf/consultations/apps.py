from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "igf.consultations"
    label = "consultations"
    verbose_name = _("Consultations")

    def ready(self) -> None:
        from igf.consultations import home, receivers  # noqa: PLC0415 - models are ready only now
        from igf.consultations.phrases import ACTIVITY  # noqa: PLC0415
        from igf.core.home import HomeSection, register_home_section  # noqa: PLC0415
        from igf.core.navigation import NavItem, register_nav_item  # noqa: PLC0415
        from igf.core.phrases import ACTIVITY as CORE_ACTIVITY  # noqa: PLC0415
        from igf.people.services import register_export_section  # noqa: PLC0415
        from igf.people.signals import person_erased  # noqa: PLC0415

        CORE_ACTIVITY.update(ACTIVITY)
        register_nav_item(NavItem("consultations:index", _("Consultations"), order=400))
        register_home_section(
            HomeSection(
                name="consultations",
                template="consultations/home_section.html",
                context=home.open_now,
                order=300,
            )
        )
        register_export_section("consultations", receivers.export_section)
        person_erased.connect(receivers.scrub_erased_person, dispatch_uid="consultations-erase")
