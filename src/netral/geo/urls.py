from django.urls import path

from netral.geo import views

app_name = "geo"
urlpatterns = [
    path("", views.region_list, name="list"),
    path("<str:code>/", views.region_detail, name="detail"),
]
