from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalisationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "localisation"
    verbose_name = _("Localisation")

    def ready(self):
        from .drafts import keep_live_pages_until_published

        keep_live_pages_until_published()
