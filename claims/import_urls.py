from django.urls import path

from claims import import_views

app_name = "imports"

urlpatterns = [
    path("", import_views.article_import, name="article_import"),
    path(
        "articles/<int:article_id>/suggestions/dismiss/",
        import_views.dismiss_suggestion,
        name="dismiss_suggestion",
    ),
]
