"""Reference-data bookkeeping in the admin, with a background reload."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from netral.core.models import ReferenceDataset
from netral.core.tasks import reload_reference_data


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """For records that change only through files or services (regions, the audit log): look, never touch."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ReferenceDataset)
class ReferenceDatasetAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "rows", "checksum", "loaded_at")
    readonly_fields = ("name", "rows", "checksum", "loaded_at")
    actions = ["reload"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Muat ulang semua data rujukan dari berkas (di latar belakang)"))
    def reload(self, request: HttpRequest, queryset: QuerySet[ReferenceDataset]) -> None:
        result = reload_reference_data.enqueue(force=True)
        self.message_user(
            request, _("Pemuatan ulang dijadwalkan (tugas %(id)s).") % {"id": result.id}, messages.SUCCESS
        )
