from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "igf.core"
    label = "core"
    verbose_name = _("Forum")

    def ready(self) -> None:
        from igf.core import services  # noqa: PLC0415 - models are ready only now

        post_migrate.connect(services.sync_countries_after_migrate, sender=self)
