"""The NinjaAPI instance: routers, token auth, error bodies, the offline docs at /api/docs."""

from __future__ import annotations

from ninja import NinjaAPI

from netral.api.auth import TokenAuth
from netral.api.errors import install_error_handlers
from netral.api.routers import alerts, cases, exports, regions, rules, statistics
from netral.api.routers.reports import router as reports_router

DESCRIPTION = (
    "API Netral untuk mitra dan layanan: wilayah, perkara, peringatan pantauan. Setiap token bertindak sebagai "
    "pemiliknya, dibatasi cakupan izin dan wilayah token. Identitas pelapor tidak pernah dikembalikan.\n\n"
    "Netral API for partners and services: regions, cases, monitoring alerts. A token acts as its owner, limited "
    "to its scopes and jurisdiction. Reporter identity is never returned."
    "\n\nAturan (jenis pelanggaran SKB, sanksi, pemilihan dan tahapannya, tenggat, hari libur), statistik dasbor "
    "dan ekspor tabelnya (CSV/XLSX, dicatat di log audit) untuk wilayah token. / The rules catalogue (SKB violation "
    "types, sanctions, elections and phases, deadlines, holidays), dashboard statistics and their table exports "
    "(CSV/XLSX, audited) for the token's jurisdiction."
    "\n\nKanal mitra (sistem pengaduan instansi lain, LAPOR!/SP4N, pusat panggilan) mengirim laporan dengan token "
    "layanan ber-cakupan reports:write. / Partner intake channels (another agency's complaint system, LAPOR!/SP4N, "
    "a call centre) send reports with a service token holding reports:write."
)

api = NinjaAPI(
    title="Netral API",
    version="1",
    description=DESCRIPTION,
    auth=TokenAuth(),
    urls_namespace="api",
    docs_url=None,  # served by netral.api.views.docs: vendored Swagger UI, no CDN, no inline script
    openapi_url="/openapi.json",
)
install_error_handlers(api)
api.add_router("/", regions.router)
api.add_router("/", cases.router)
api.add_router("/", alerts.router)
api.add_router("/", reports_router)
api.add_router("/", rules.router)
api.add_router("/", statistics.router)
api.add_router("/", exports.router)
