"""The rules catalogue in the admin. Saving a row marks it `locally_modified`, so file reloads keep the correction."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from netral.rules.models import Election, ElectionPhase, Holiday, ProcedureStep, Regime, Sanction, ViolationType


class CatalogueAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    readonly_fields = ("locally_modified",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        obj.locally_modified = True
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        for instance in formset.save(commit=False):
            instance.locally_modified = True
            instance.save()
        for instance in formset.deleted_objects:
            instance.delete()
        formset.save_m2m()


class PhaseInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ElectionPhase
    extra = 0
    fields = ("code", "name", "start", "end", "note")


@admin.register(Election)
class ElectionAdmin(CatalogueAdmin):
    list_display = ("code", "name", "kind", "regime", "voting_day", "locally_modified")
    list_filter = ("kind", "regime")
    search_fields = ("code", "name")
    inlines = [PhaseInline]


@admin.register(Sanction)
class SanctionAdmin(CatalogueAdmin):
    list_display = ("code", "name", "level", "in_force", "locally_modified")
    list_filter = ("level", "in_force")
    search_fields = ("code", "name", "description")


@admin.register(ViolationType)
class ViolationTypeAdmin(CatalogueAdmin):
    list_display = ("code", "title", "category", "stage", "locally_modified")
    list_filter = ("category", "stage")
    search_fields = ("code", "title", "description")
    filter_horizontal = ("sanctions",)


class StepInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ProcedureStep
    extra = 0
    fields = ("position", "code", "name", "amount", "unit", "starts_on", "note")


@admin.register(Regime)
class RegimeAdmin(CatalogueAdmin):
    list_display = ("code", "name", "legal_basis", "locally_modified")
    inlines = [StepInline]


@admin.register(ProcedureStep)
class ProcedureStepAdmin(CatalogueAdmin):
    list_display = ("regime", "code", "name", "amount", "unit", "starts_on", "locally_modified")
    list_filter = ("regime", "unit")
    search_fields = ("code", "name")
    list_select_related = ("regime",)


@admin.register(Holiday)
class HolidayAdmin(CatalogueAdmin):
    list_display = ("date", "name", "type", "locally_modified")
    list_filter = ("type",)
    search_fields = ("name",)
    date_hierarchy = "date"
