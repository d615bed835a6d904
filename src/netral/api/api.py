"""The NinjaAPI instance: routers, token auth, error bodies, the offline docs at /api/docs."""

from __future__ import annotations

from ninja import NinjaAPI

from netral.api.auth import TokenAuth
from netral.api.errors import install_error_handlers
from netral.api.routers import alerts, cases, regions

DESCRIPTION = (
    "API Netral untuk mitra dan layanan: wilayah, perkara, peringatan pantauan. Setiap token bertindak sebagai "
    "pemiliknya, dibatasi cakupan izin dan wilayah token. Identitas pelapor tidak pernah dikembalikan.\n\n"
    "Netral API for partners and services: regions, cases, monitoring alerts. A token acts as its owner, limited "
    "to its scopes and jurisdiction. Reporter identity is never returned."
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
