"""Audit entries in the admin: searchable and filterable, never added, changed or deleted."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from netral.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("sequence", "created_at", "actor_label", "action", "object_type", "object_id", "region_code")
    list_filter = ("action", "actor", "created_at")
    search_fields = ("action", "actor_label", "object_type", "object_id", "region_code")
    ordering = ("-sequence",)
    show_full_result_count = False
    readonly_fields = [field.name for field in AuditEntry._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
