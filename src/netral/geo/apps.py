from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    name = "netral.geo"
    verbose_name = _("Wilayah")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from netral.geo.loading import load_after_migrate

        post_migrate.connect(load_after_migrate, sender=self)
