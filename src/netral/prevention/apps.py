from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreventionConfig(AppConfig):
    name = "netral.prevention"
    verbose_name = _("Pencegahan")
    default_auto_field = "django.db.models.BigAutoField"
