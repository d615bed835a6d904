"""Regions in the admin, read-only: they mirror Kemendagri's list and change only through the data files."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from netral.core.admin import ReadOnlyAdmin
from netral.geo.models import Region, RegionAlias


class AliasInline(admin.TabularInline):  # type: ignore[type-arg]
    model = RegionAlias
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Region)
class RegionAdmin(ReadOnlyAdmin):
    list_display = ("code", "canonical_name", "type", "level", "timezone", "is_active")
    list_filter = ("level", "type", "timezone", "is_active")
    search_fields = ("code", "canonical_name", "name", "aliases__alias")
    list_select_related = ("parent",)
    show_full_result_count = False
    inlines = [AliasInline]


@admin.register(RegionAlias)
class RegionAliasAdmin(ReadOnlyAdmin):
    list_display = ("alias", "region", "note")
    search_fields = ("alias", "region__canonical_name")
    list_select_related = ("region",)
