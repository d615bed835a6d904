"""The scopes a token may carry; each endpoint needs one. Labels are Indonesian (shown in the token form)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

SCOPES = {
    "regions:read": _("Membaca wilayah"),
    "rules:read": _("Membaca aturan"),
    "cases:read": _("Membaca perkara"),
    "cases:transition": _("Menjalankan tindakan perkara"),
    "alerts:read": _("Membaca peringatan pantauan"),
    "statistics:read": _("Membaca statistik dasbor"),
    "exports:read": _("Mengunduh ekspor tabel statistik"),
    "reports:write": _("Mengirim laporan dari kanal mitra (token layanan)"),
}
