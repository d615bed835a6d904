"""Names of the source kinds for the pages, translatable."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from netral.monitor.sources import KINDS

#: The source kinds' names as the pages show them, translatable (the kinds themselves are pure Python, without
#: gettext; their own `label` is the Indonesian fallback for a kind added without an entry here).
KIND_LABELS = {
    "feed": gettext_lazy("Umpan RSS/Atom"),
    "sitemap": gettext_lazy("Peta situs (sitemap)"),
    "article": gettext_lazy("Satu artikel (URL)"),
    "social": gettext_lazy("Ekspor media sosial (CSV/JSON)"),
    "whatsapp": gettext_lazy("Ekspor obrolan WhatsApp (.txt)"),
    "file": gettext_lazy("Berkas teks, HTML atau JSON"),
}


def kind_label(name: str) -> str:
    return str(KIND_LABELS[name]) if name in KIND_LABELS else KINDS[name].label if name in KINDS else name
