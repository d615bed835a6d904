from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):  # type: ignore[type-arg]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Instansi"), {"fields": ("full_name", "agency")}),
    )
    list_display = ("username", "full_name", "agency", "is_staff", "is_active")
    search_fields = ("username", "full_name", "agency", "email")
