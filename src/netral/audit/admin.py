"""Audit entries in the admin: searchable and filterable, never added, changed or deleted."""

from __future__ import annotations

from django.contrib import admin

from netral.audit.models import AuditEntry
from netral.core.admin import ReadOnlyAdmin


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("sequence", "created_at", "actor_label", "action", "object_type", "object_id", "region_code")
    list_filter = ("action", "actor", "created_at")
    search_fields = ("action", "actor_label", "object_type", "object_id", "region_code")
    ordering = ("-sequence",)
    show_full_result_count = False
    readonly_fields = [field.name for field in AuditEntry._meta.fields]
