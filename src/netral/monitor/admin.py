"""Admin: items, stories, alerts and fetch runs are read-only (they change through ingestion and triage, which are
audited); sources and watch terms may be corrected here."""

from __future__ import annotations

from django.contrib import admin

from netral.core.admin import ReadOnlyAdmin
from netral.monitor.models import Alert, FetchRun, Item, Source, Story, WatchTerm


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "kind", "url", "owner", "enabled", "last_status", "last_fetched_at", "failures")
    list_filter = ("kind", "enabled", "last_status")
    search_fields = ("name", "url")
    readonly_fields = ("last_fetched_at", "last_status", "last_error", "failures", "created_by", "created_at")
    raw_id_fields = ("owner",)


@admin.register(FetchRun)
class FetchRunAdmin(ReadOnlyAdmin):
    list_display = ("source", "started_at", "status", "received", "stored", "alerts")
    list_filter = ("status",)


@admin.register(WatchTerm)
class WatchTermAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("term", "kind", "owner", "active", "created_at")
    list_filter = ("kind", "active")
    search_fields = ("term",)
    raw_id_fields = ("region", "owner")
    readonly_fields = ("created_by", "created_at")


@admin.register(Story)
class StoryAdmin(ReadOnlyAdmin):
    list_display = ("title", "first_seen", "item_count", "region_code")
    search_fields = ("title",)


@admin.register(Item)
class ItemAdmin(ReadOnlyAdmin):
    list_display = ("title", "outlet", "kind", "published_at", "fetched_at", "violation", "region_code")
    list_filter = ("kind", "violation", "language")
    search_fields = ("title", "url")
    exclude = ("raw", "signature")


@admin.register(Alert)
class AlertAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "status", "region_code", "confidence", "created_at")
    list_filter = ("status",)
