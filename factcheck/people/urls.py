from django.urls import path

from factcheck.people import views

app_name = "people"

urlpatterns = [
    path("settings/", views.person_settings, name="settings"),
]
