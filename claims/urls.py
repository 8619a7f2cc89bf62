from django.urls import path

from claims import views

app_name = "claims"

urlpatterns = [
    path("", views.home, name="home"),
    path("board/", views.board, name="board"),
    path("articles/<int:article_id>/", views.article_detail, name="article"),
    path("claims/<int:article_id>/", views.claim_detail, name="claim"),
]
