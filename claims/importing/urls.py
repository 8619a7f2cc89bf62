from django.urls import path

from claims.importing import views

app_name = "imports"

urlpatterns = [
    path("", views.article_import, name="article_import"),
    path("anyway/", views.import_anyway, name="import_anyway"),
    path(
        "articles/<int:article_id>/suggestions/dismiss/",
        views.dismiss_suggestion,
        name="dismiss_suggestion",
    ),
]
