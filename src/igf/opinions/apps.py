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
        self._show_conversations_on_their_owners_pages()
        person_erased.connect(receivers.unlink_erased_person, dispatch_uid="opinions.erased")

    @staticmethod
    def _show_conversations_on_their_owners_pages() -> None:
        from igf.bodies.sections import BodySection, register_body_section  # noqa: PLC0415
        from igf.core.sections import DOCUMENT_PAGE, register_page_section  # noqa: PLC0415
        from igf.core.sections import PageSection as CorePageSection  # noqa: PLC0415
        from igf.opinions.sections import owner_conversations  # noqa: PLC0415
        from igf.programme import hooks  # noqa: PLC0415

        template = "opinions/owner_section.html"
        register_body_section(BodySection("opinions", template, owner_conversations, order=500))
        for place in (hooks.MEETING_PAGE, hooks.SESSION_PAGE):
            hooks.register_section(
                place, hooks.PageSection("opinions", template, owner_conversations, order=500)
            )
        register_page_section(
            DOCUMENT_PAGE, CorePageSection("opinions", template, owner_conversations, order=500)
        )
