from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.i18n import JavaScriptCatalog

from factcheck.health import healthz

# The translations scripts show (gettext(), ngettext(), interpolate() in the browser), in the request's language.
# Pages ask for it with their language in the address (includes/javascript_catalog.html), so a browser keeps one
# copy per language. Only the project's catalogue (LOCALE_PATHS, djangojs domain): no app has its own locale/.
javascript_catalog = cache_control(max_age=3600)(JavaScriptCatalog.as_view(packages=["claims"]))

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("jsi18n/", javascript_catalog, name="javascript_catalog"),
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("accounts/", include("factcheck.people.urls")),
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
