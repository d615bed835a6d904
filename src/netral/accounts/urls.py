from django.urls import path

from netral.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("dua-langkah/", views.enrol, name="enrol"),
    path("dua-langkah/kode-pemulihan/", views.renew_recovery_codes, name="renew_recovery_codes"),
    path("kode/", views.verify, name="verify"),
]
