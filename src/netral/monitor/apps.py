from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    name = "netral.monitor"
    verbose_name = _("Pemantauan media")
    default_auto_field = "django.db.models.BigAutoField"
