from django.urls import path

from claims import views

app_name = "claims"

urlpatterns = [
    path("", views.home, name="home"),
    path("board/", views.board, name="board"),
    path("board/export.csv", views.board_export, name="board_export"),
    path("queue/", views.queue, name="queue"),
    path("articles/", views.article_list, name="articles"),
    path("articles/<int:article_id>/", views.article_detail, name="article"),
    path("articles/<int:article_id>/claims/", views.claim_create, name="claim_create"),
    path("claims/<int:claim_id>/", views.claim_detail, name="claim"),
    path("claims/<int:claim_id>/edit/", views.claim_edit, name="claim_edit"),
    path("claims/<int:claim_id>/assign/", views.claim_assign, name="claim_assign"),
    path("claims/<int:claim_id>/unassign/", views.claim_unassign, name="claim_unassign"),
    path("claims/<int:claim_id>/review/start/", views.review_start, name="review_start"),
    path("claims/<int:claim_id>/verdict/", views.verdict_save, name="verdict_save"),
    path("claims/<int:claim_id>/verdict/submit/", views.verdict_submit, name="verdict_submit"),
    path("claims/<int:claim_id>/verdict/approve/", views.verdict_approve, name="verdict_approve"),
    path("claims/<int:claim_id>/verdict/send-back/", views.verdict_send_back, name="verdict_send_back"),
    path("claims/<int:claim_id>/evidence/", views.evidence_add, name="evidence_add"),
    path("claims/<int:claim_id>/evidence/<int:evidence_id>/remove/", views.evidence_remove, name="evidence_remove"),
    path("claims/<int:claim_id>/comments/", views.comment_add, name="comment_add"),
]
