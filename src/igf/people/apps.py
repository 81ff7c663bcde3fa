from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PeopleConfig(AppConfig):
    name = "igf.people"
    label = "people"
    verbose_name = _("People")

    def ready(self) -> None:
        from igf.core.home import HomeSection, register_home_section  # noqa: PLC0415
        from igf.core.navigation import NavItem, register_nav_item  # noqa: PLC0415
        from igf.people import home, receivers  # noqa: PLC0415

        post_save.connect(receivers.create_person_for_user, sender="people.User")
        register_nav_item(NavItem("people:organizations", _("Organisations"), order=800))
        register_nav_item(
            NavItem(
                "people:balance",
                pgettext_lazy("navigation: balance of participants", "Balance"),
                order=900,
                permission="people.view_people_balance",
            )
        )
        register_home_section(
            HomeSection(
                name="participation",
                template="people/home_participation.html",
                context=home.participation_figures,
                order=900,
            )
        )
