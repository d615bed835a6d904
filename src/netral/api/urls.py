from django.urls import include, path

from netral.api import views, webhook_views
from netral.api.api import api

token_patterns = (
    [path("", views.tokens, name="list"), path("<int:pk>/cabut/", views.revoke, name="revoke")],
    "api_tokens",
)

webhook_patterns = (
    [
        path("", webhook_views.webhook_list, name="list"),
        path("baru/", webhook_views.webhook_create, name="create"),
        path("<int:pk>/", webhook_views.webhook_detail, name="detail"),
        path("<int:pk>/kunci/", webhook_views.webhook_secret, name="secret"),
        path("<int:pk>/status/", webhook_views.webhook_toggle, name="toggle"),
        path("<int:pk>/kunci-baru/", webhook_views.webhook_rotate, name="rotate"),
        path("<int:pk>/hapus/", webhook_views.webhook_delete, name="delete"),
        path("<int:pk>/uji/", webhook_views.webhook_ping, name="ping"),
        path("<int:pk>/pengiriman/<int:delivery>/ulang/", webhook_views.webhook_retry, name="retry"),
    ],
    "api_webhooks",
)

urlpatterns = [
    path("token/", include(token_patterns)),
    path("webhook/", include(webhook_patterns)),
    path("docs", views.docs, name="api_docs"),
    path("", api.urls),
]
