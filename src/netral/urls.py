"""URL routes: the public pages, staff login, the admin, the health endpoint."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from netral.accounts import views as account_views
from netral.core import views as core_views
from netral.core.ratelimit import ratelimit

# Staff login: 10 posts a minute per client address, and 5 a minute per username (guessing one account's password
# from many addresses). The per-username limit lets anyone slow a known account's login for a minute: accepted.
login_limited = ratelimit("login.client", "10/m")
login_limited_by_user = ratelimit("login.user", "5/m", key=lambda request: request.POST.get("username", "").lower())

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("masuk/", login_limited(login_limited_by_user(account_views.StaffLoginView.as_view())), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("akun/", include("netral.accounts.urls")),
    path("wilayah/", include("netral.geo.urls")),
    path("aturan/", include("netral.rules.urls")),
    path("perkara/", include("netral.cases.urls")),
    path("pencegahan/", include("netral.prevention.urls")),
    path("pantauan/", include("netral.monitor.urls")),
    path("dasbor/", include("netral.insights.urls")),
    path("api/", include("netral.api.urls")),
    path("", include("netral.portal.urls")),
    # The admin's own login form is a second door to the same accounts: the same limits apply.
    path("admin/login/", login_limited(login_limited_by_user(admin.site.login))),
    path("admin/", admin.site.urls),
]
