from django.urls import path

from sources import views

app_name = "sources"

urlpatterns = [
    path("claims/<int:claim_id>/sources/", views.panel, name="panel"),
    path("claims/<int:claim_id>/sources/find/", views.find, name="find"),
    path("claims/<int:claim_id>/sources/add/", views.add, name="add"),
    path("claims/<int:claim_id>/sources/retry/", views.retry, name="retry"),
    path("sources/candidates/<int:candidate_id>/confirm/", views.confirm, name="confirm"),
    path("sources/candidates/<int:candidate_id>/dispute/", views.dispute, name="dispute"),
]
