"""``/sitemap.xml``: the list page and every published check, on the canonical SITE_URL domain."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from claims.models import Check
from claims.publishing import selectors


class _CanonicalSitemap(Sitemap):
    """Locations on SITE_URL whatever host the request came in on."""

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class CheckListSitemap(_CanonicalSitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self) -> list[str]:
        return ["public:check_list"]

    def location(self, item: str) -> str:
        return reverse(item)

    def get_urls(self, page: int | str = 1, site: Any = None, protocol: str | None = None) -> list[dict[str, Any]]:
        # One address: on page 1 only, so ?p=2 (checks 5,001 and on) is not a 404 because of this section.
        return super().get_urls(page=1, site=site, protocol=protocol) if str(page) == "1" else []


class CheckSitemap(_CanonicalSitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 5000

    def items(self) -> QuerySet[Check]:
        return selectors.published_checks().defer("current_version__snapshot")

    def location(self, item: Check) -> str:
        return reverse("public:check", args=[item.slug])

    def lastmod(self, item: Check) -> dt.datetime:
        return item.current_version.published_at


SITEMAPS = {"pages": CheckListSitemap, "checks": CheckSitemap}
