"""Staff accounts in the admin, with role and jurisdiction; every access change is audited in the same transaction."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from netral.accounts import twofactor
from netral.accounts.models import LoginFailures, User
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
    actions = ("reset_two_factor", "unlock")

    @admin.action(description=_("Atur ulang verifikasi dua langkah (ponsel hilang)"))
    def reset_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            twofactor.reset(user, by=request.user)
        self.message_user(request, _("Pengguna tersebut akan mendaftarkan aplikasi autentikator lagi saat masuk."))

    @admin.action(description=_("Buka kunci akun"))
    def unlock(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        from netral.audit.services import record

        with transaction.atomic():
            for user in queryset:
                if LoginFailures.objects.filter(user=user).delete()[0]:
                    record(request.user, "account.unlocked", obj=user)
        self.message_user(request, _("Kunci akun dibuka."))

    def save_model(self, request: HttpRequest, obj: User, form: ModelForm[Any], change: bool) -> None:
        with transaction.atomic():
            previous = access_snapshot(User.objects.select_for_update().get(pk=obj.pk)) if change else None
            super().save_model(request, obj, form, change)
            record_access_change(request.user, obj, previous=previous)
