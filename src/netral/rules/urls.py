from django.urls import path

from netral.rules import views

app_name = "rules"
urlpatterns = [
    path("", views.violation_list, name="violation_list"),
    path("pemilihan/", views.election_list, name="election_list"),
    path("tenggat/", views.deadline_list, name="deadline_list"),
]
