from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "igf.translations"
    label = "translations"
    verbose_name = _("Content translation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from igf.core.navigation import NavItem, register_nav_item  # noqa: PLC0415
        from igf.core.phrases import ACTIVITY as CORE_ACTIVITY  # noqa: PLC0415
        from igf.translations import history, reading  # noqa: PLC0415 - models are ready now
        from igf.translations.phrases import ACTIVITY  # noqa: PLC0415

        reading.install()
        history.add_translation_columns()
        CORE_ACTIVITY.update(ACTIVITY)
        register_nav_item(
            NavItem(
                "translations:desk",
                _("Translation"),
                order=900,
                permission="translations.view_desk",
            )
        )
