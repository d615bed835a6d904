from django.urls import path

from netral.geo import views

app_name = "geo"
urlpatterns = [
    path("", views.region_list, name="list"),
    path("peta/", views.region_map, name="map"),
    path("peta/provinsi.geojson", views.province_geojson, name="province_geojson"),
    path("peta/<str:code>/kabupaten-kota.geojson", views.regency_geojson, name="regency_geojson"),
    path("<str:code>/", views.region_detail, name="detail"),
]
