from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConductConfig(AppConfig):
    name = "igf.conduct"
    label = "conduct"
    verbose_name = _("Code of conduct")

    def ready(self) -> None:
        from igf.conduct import phrases, receivers, rules  # noqa: F401, PLC0415
        from igf.core.phrases import ACTIVITY  # noqa: PLC0415
        from igf.people.services import register_export_section  # noqa: PLC0415
        from igf.people.signals import person_erased  # noqa: PLC0415

        ACTIVITY.update(phrases.ACTIVITY)
        register_export_section("conduct", receivers.export_section)
        person_erased.connect(receivers.scrub_erased_person, dispatch_uid="conduct.erased")
