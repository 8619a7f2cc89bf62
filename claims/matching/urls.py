from django.urls import path

from claims.matching import views

app_name = "matching"

urlpatterns = [
    path("claims/<int:claim_id>/checked-before/", views.panel, name="panel"),
    path("claims/<int:claim_id>/checked-before/look/", views.look_again, name="look"),
    path("claims/<int:claim_id>/checked-before/<int:similar_id>/same/", views.mark_same, name="same"),
    path("claims/<int:claim_id>/checked-before/<int:similar_id>/dismiss/", views.dismiss, name="dismiss"),
    path("claims/<int:claim_id>/checked-before/undo/", views.undo_same, name="undo"),
    path("claims/<int:claim_id>/checked-before/reuse/", views.reuse_verdict, name="reuse"),
]
