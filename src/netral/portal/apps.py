from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "netral.portal"
    verbose_name = "Portal publik"
    default_auto_field = "django.db.models.BigAutoField"
