"""Public pages (namespace "public") and the editors' publishing pages (namespace "publishing")."""

from django.urls import include, path

from claims.publishing import public_views
from claims.publishing import views as publishing_views

public_patterns = [
    path("checks/", public_views.check_list, name="check_list"),
    path("checks/feed.atom", public_views.atom_feed, name="feed"),
    path("checks/claimreview.json", public_views.claimreview_feed, name="claimreview_feed"),
    path("checks/<slug:slug>/", public_views.check_detail, name="check"),
    path("checks/<slug:slug>/report/", public_views.error_report, name="error_report"),
    path("sitemap.xml", public_views.sitemap, name="sitemap"),
]

publishing_patterns = [
    path("articles/<int:article_id>/publish/", publishing_views.check_edit, name="check_edit"),
    path("articles/<int:article_id>/publish/preview/", publishing_views.check_preview, name="check_preview"),
    path("articles/<int:article_id>/publish/go/", publishing_views.check_publish, name="check_publish"),
    path("articles/<int:article_id>/publish/withdraw/", publishing_views.check_withdraw, name="check_withdraw"),
    path(
        "claims/<int:claim_id>/reopen-for-correction/",
        publishing_views.claim_reopen,
        name="claim_reopen",
    ),
    path("error-reports/", publishing_views.error_reports, name="error_reports"),
    path("error-reports/<int:report_id>/", publishing_views.error_report_detail, name="error_report"),
    path(
        "error-reports/<int:report_id>/reopen-claim/",
        publishing_views.error_report_reopen,
        name="error_report_reopen",
    ),
    path(
        "error-reports/<int:report_id>/resolve/",
        publishing_views.error_report_resolve,
        name="error_report_resolve",
    ),
]

urlpatterns = [
    path("", include((public_patterns, "public"))),
    path("", include((publishing_patterns, "publishing"))),
]
