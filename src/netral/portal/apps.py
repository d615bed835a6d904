from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "netral.portal"
    verbose_name = _("Portal publik")
    default_auto_field = "django.db.models.BigAutoField"
