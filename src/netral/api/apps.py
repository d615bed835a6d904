from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "netral.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        from netral.api import signals  # noqa: F401 - connects the webhook publishers
