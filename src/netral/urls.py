"""URL routes: the public pages, staff login, the admin, the health endpoint."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from netral.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("masuk/", auth_views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("wilayah/", include("netral.geo.urls")),
    path("aturan/", include("netral.rules.urls")),
    path("perkara/", include("netral.cases.urls")),
    path("admin/", admin.site.urls),
]
