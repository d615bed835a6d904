"""Prevention records in the admin: read-only, because every change must go through a service and its audit entry."""

from __future__ import annotations

from django.contrib import admin

from netral.core.admin import ReadOnlyAdmin
from netral.prevention.models import Agency, AttendanceImport, Campaign, Circular, Event, Pledge


@admin.register(Agency)
class AgencyAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "region", "headcount")
    search_fields = ("name",)
    list_filter = ("kind",)


@admin.register(Campaign)
class CampaignAdmin(ReadOnlyAdmin):
    list_display = ("agency", "election", "expected", "is_open", "pact_sha256")
    list_filter = ("election", "is_open")
    exclude = ("token",)  # the signing link is shown to the agency's managers, not in the admin


@admin.register(Pledge)
class PledgeAdmin(ReadOnlyAdmin):
    list_display = ("code", "campaign", "source", "signed_at")
    exclude = ("nip", "full_name")  # personal data stays on the scoped staff pages
    list_filter = ("source",)


@admin.register(AttendanceImport)
class AttendanceImportAdmin(ReadOnlyAdmin):
    list_display = ("original_name", "campaign", "imported", "already_signed", "created_at")


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ("title", "kind", "region", "starts_at", "is_public")
    list_filter = ("kind", "is_public")


@admin.register(Circular)
class CircularAdmin(ReadOnlyAdmin):
    list_display = ("number", "date", "issuer", "subject", "is_public")
    search_fields = ("number", "subject", "issuer")
