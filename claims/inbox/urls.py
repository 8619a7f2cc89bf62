from django.urls import path

from claims.inbox import views

app_name = "inbox"

urlpatterns = [
    path("inbox/", views.inbox, name="list"),
    path("inbox/read-all/", views.read_all, name="read_all"),
    path("inbox/email/", views.preferences, name="preferences"),
    path("inbox/<int:notification_id>/open/", views.item_open, name="open"),
    path("inbox/<int:notification_id>/read/", views.item_read, name="read"),
]
