from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RulesConfig(AppConfig):
    name = "netral.rules"
    verbose_name = _("Katalog aturan")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from netral.rules.loading import load_after_migrate

        post_migrate.connect(load_after_migrate, sender=self)
