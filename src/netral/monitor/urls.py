from django.urls import path

from netral.monitor.views import alert, items, queue, sources, upload, watchlist

app_name = "monitor"
urlpatterns = [
    path("", queue.queue, name="queue"),
    path("abaikan/", queue.bulk_dismiss, name="bulk_dismiss"),
    path("peringatan/<int:pk>/", alert.detail, name="alert"),
    path("peringatan/<int:pk>/buka/", alert.open_as_case, name="open_case"),
    path("peringatan/<int:pk>/gabung/", alert.attach, name="attach"),
    path("peringatan/<int:pk>/cari-perkara/", alert.case_lookup, name="case_lookup"),
    path("peringatan/<int:pk>/abaikan/", alert.dismiss, name="dismiss"),
    path("cari/", items.search, name="search"),
    path("item/<int:pk>/", items.item_detail, name="item"),
    path("item/<int:pk>/asli/", items.item_raw, name="item_raw"),
    path("sumber/", sources.source_list, name="sources"),
    path("sumber/tambah/", sources.source_add, name="source_add"),
    path("sumber/<int:pk>/", sources.source_detail, name="source"),
    path("sumber/<int:pk>/ambil/", sources.fetch_now, name="fetch_now"),
    path("unggah/", upload.upload, name="upload"),
    path("unggah/kolom/", upload.upload_mapping, name="upload_mapping"),
    path("unggah/<int:pk>/", upload.upload_result, name="upload_result"),
    path("daftar-pantau/", watchlist.watchlist, name="watchlist"),
    path("daftar-pantau/<int:pk>/nonaktifkan/", watchlist.deactivate, name="watch_deactivate"),
]
