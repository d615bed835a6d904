from django.urls import path

from netral.insights import views

app_name = "insights"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("waktu/", views.handling, name="handling"),
    path("indeks/", views.index_page, name="index"),
    path("peta/", views.map_page, name="map"),
    path("peta/provinsi.geojson", views.provinces_geojson, name="provinces_geojson"),
    path("peta/<str:code>/kabupaten.geojson", views.regencies_geojson, name="regencies_geojson"),
    path("ekspor/<slug:key>.<str:fmt>", views.export_table, name="export"),
    path("laporan.pdf", views.report_pdf, name="report"),
    path("publik/", views.public_dashboard, name="public"),
    path("publik/<slug:key>.<str:fmt>", views.public_export, name="public_export"),
]
