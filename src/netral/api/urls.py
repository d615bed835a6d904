from django.urls import include, path

from netral.api import views
from netral.api.api import api

token_patterns = (
    [path("", views.tokens, name="list"), path("<int:pk>/cabut/", views.revoke, name="revoke")],
    "api_tokens",
)

urlpatterns = [
    path("token/", include(token_patterns)),
    path("docs", views.docs, name="api_docs"),
    path("", api.urls),
]
