"""Staff accounts in the admin, with role and jurisdiction; every access change is audited in the same transaction."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import User
from netral.accounts.services import access_snapshot, record_access_change


@admin.register(User)
class UserAdmin(BaseUserAdmin):  # type: ignore[type-arg]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Instansi"), {"fields": ("full_name", "agency")}),
        (_("Peran dan wilayah tugas"), {"fields": ("role", "jurisdiction")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("Peran dan wilayah tugas"), {"fields": ("role", "jurisdiction")}),
    )
    list_display = ("username", "full_name", "agency", "role", "jurisdiction", "is_staff", "is_active")
    list_filter = ("role", "is_staff", "is_superuser", "is_active")
    list_select_related = ("jurisdiction",)
    search_fields = ("username", "full_name", "agency", "email")
    autocomplete_fields = ("jurisdiction",)

    def save_model(self, request: HttpRequest, obj: User, form: ModelForm[Any], change: bool) -> None:
        with transaction.atomic():
            previous = access_snapshot(User.objects.select_for_update().get(pk=obj.pk)) if change else None
            super().save_model(request, obj, form, change)
            record_access_change(request.user, obj, previous=previous)
