"""Routes of prevention under /pencegahan/: staff pages, and the public signing, verification and calendar pages."""

from django.urls import path

from netral.prevention.views import campaigns, coverage, events, public

app_name = "prevention"

urlpatterns = [
    path("", campaigns.overview, name="overview"),
    path("instansi/", campaigns.agency_list, name="agencies"),
    path("instansi/<int:pk>/", campaigns.agency_detail, name="agency"),
    path("kampanye/<int:pk>/", campaigns.campaign_detail, name="campaign"),
    path("kampanye/<int:pk>/pengaturan/", campaigns.campaign_settings, name="campaign_settings"),
    path("kampanye/<int:pk>/pakta/", campaigns.pact_upload, name="pact_upload"),
    path("kampanye/<int:pk>/pakta/unduh/", campaigns.pact_download, name="pact_download"),
    path("kampanye/<int:pk>/impor/", campaigns.attendance_import, name="import"),
    path("kampanye/<int:pk>/templat/", campaigns.attendance_template, name="template"),
    path("cakupan/", coverage.coverage_page, name="coverage"),
    path("cakupan.json", coverage.coverage_json, name="coverage_json"),
    path("kegiatan/", events.event_list, name="events"),
    path("kegiatan/baru/", events.event_edit, name="event_new"),
    path("kegiatan/<int:pk>/", events.event_detail, name="event"),
    path("kegiatan/<int:pk>/ubah/", events.event_edit, name="event_edit"),
    path("kegiatan/<int:pk>/materi/", events.material_add, name="material_add"),
    path("kegiatan/<int:pk>/materi/<int:material_pk>/", events.material_download, name="material"),
    path("edaran/", events.circular_list, name="circulars"),
    path("edaran/baru/", events.circular_edit, name="circular_new"),
    path("edaran/<int:pk>/", events.circular_detail, name="circular"),
    path("edaran/<int:pk>/ubah/", events.circular_edit, name="circular_edit"),
    path("edaran/<int:pk>/berkas/", events.circular_download, name="circular_file"),
    # Public: no account needed.
    path("ikrar/<str:token>/", public.sign, name="sign"),
    path("verifikasi/<str:code>/", public.verify, name="verify"),
    path("agenda/", public.calendar, name="calendar"),
]
