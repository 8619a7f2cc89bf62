from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from factcheck.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("", include("claims.urls")),
    path("import/", include("claims.importing.urls")),
    path("search/", include("claims.search.urls")),
    path("", include("claims.matching.urls")),
    path("", include("claims.publishing.urls")),
    path("", include("claims.inbox.urls")),
    path("", include("claims.insights.urls")),
    path("", include("sources.urls")),
]

handler404 = "factcheck.error_pages.not_found"
handler500 = "factcheck.error_pages.server_error"
