from django.urls import path

from claims.insights import views

app_name = "insights"

urlpatterns = [
    path("insights/", views.dashboard, name="dashboard"),
    path("insights/<slug:chart_id>.csv", views.chart_export, name="export"),
]
