from django.urls import path

from netral.portal import views

app_name = "portal"
urlpatterns = [
    path("lapor/", views.report_step, name="report"),
    path("lapor/langkah/<slug:step>/", views.report_step, name="report_step"),
    path("lapor/wilayah/", views.region_options, name="region_options"),
    path("lapor/kirim/", views.review, name="review"),
    path("lapor/tindak-lanjut/", views.followup, name="followup"),
    path("lapor/tindak-lanjut/jawab/<int:pk>/", views.followup_answer, name="followup_answer"),
    path("lapor/tindak-lanjut/bukti/", views.followup_evidence, name="followup_evidence"),
    path("lapor/tindak-lanjut/selesai/", views.followup_end, name="followup_end"),
    path("perkara/<int:pk>/tanya/", views.ask, name="ask"),
    path("statistik/", views.statistics, name="statistics"),
]
