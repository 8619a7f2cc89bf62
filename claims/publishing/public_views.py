"""Public pages: no login, no JavaScript, rendered from published snapshots and cached per version.

The check page itself carries no form: its HTML is shared by every reader (and cached), so the
per-reader CSRF token lives on the separate "Report an error" page each claim links to.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_http_methods, require_safe

from claims.models import Check
from claims.publishing import jsonld, selectors, services
from claims.publishing.feeds import ChecksAtomFeed
from claims.publishing.forms import ErrorReportForm
from claims.publishing.sitemaps import SITEMAPS
from factcheck.errors import ServiceError

# Bump when the public templates change, so browsers holding an old ETag fetch the new markup.
RENDER_REVISION = "1"
CACHE_SECONDS = 60 * 60 * 24
PAGE_SIZE = 20
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)


def public_headers(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Security headers every public page sends: a strict CSP (no script may run at all)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response["X-Content-Type-Options"] = "nosniff"
        response["Referrer-Policy"] = "strict-origin-when-cross-origin"
        return response

    return wrapped


class _PageMemory:
    """A small per-process LRU in front of the shared cache for rendered check pages.

    Safe without invalidation: its keys name the published version and status, and the check row
    is read on every request, so a republished or withdrawn check never finds an old entry.
    """

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self.pages: OrderedDict[str, str] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self.lock:
            html = self.pages.get(key)
            if html is not None:
                self.pages.move_to_end(key)
            return html

    def put(self, key: str, html: str) -> None:
        with self.lock:
            self.pages[key] = html
            self.pages.move_to_end(key)
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.pages.clear()


page_memory = _PageMemory()


def _site_context() -> dict[str, Any]:
    return {
        "organization_name": settings.ORGANIZATION_NAME,
        "organization_url": settings.ORGANIZATION_URL,
        "site_url": settings.SITE_URL,
    }


def _conditional(
    request: HttpRequest, etag: str, last_modified: int | None, build: Callable[[], HttpResponse]
) -> HttpResponse:
    """Answer 304 when the reader already holds this version; otherwise build and tag the response."""
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    response = not_modified if not_modified is not None else build()
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    # Readers revalidate every time (cheap 304s), so a withdrawal or correction shows at once.
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


@require_safe
@public_headers
def check_list(request: HttpRequest) -> HttpResponse:
    number = _page_number(request)
    generation = services.public_generation()
    etag = f'"list-{RENDER_REVISION}-{generation}-{number}"'

    def build() -> HttpResponse:
        key = f"public:list:{generation}:{number}"
        html = cache.get(key)
        if html is None:
            paginator = Paginator(selectors.published_checks(), PAGE_SIZE)
            try:
                page = paginator.page(number)
            except (EmptyPage, PageNotAnInteger):
                raise Http404("No such page of checks.") from None
            items = [
                {
                    "slug": c.slug,
                    "snap": c.current_version.snapshot,
                    "published_at": c.current_version.published_at,
                    "version": c.current_version.number,
                }
                for c in page.object_list
            ]
            html = render_to_string(
                "public/check_list.html",
                {**_site_context(), "page": page, "items": items, "canonical_url": settings.SITE_URL + request.path},
            )
            cache.set(key, html, CACHE_SECONDS)
        return HttpResponse(html)

    return _conditional(request, etag, None, build)


@require_safe
@public_headers
def check_detail(request: HttpRequest, slug: str) -> HttpResponse:
    check = selectors.public_check(slug)
    if check is None:
        raise Http404("No published check at this address.")
    if check.status == Check.Status.WITHDRAWN:
        return _withdrawn(request, check)
    version = check.current_version
    etag = f'"check-{RENDER_REVISION}-{check.pk}-v{version.number}"'

    def build() -> HttpResponse:
        key = services.check_cache_key(check)
        html = page_memory.get(key)
        if html is None:
            html = cache.get(key)
            if html is None:
                snapshot = selectors.public_snapshot(check)
                context = {**_site_context(), **selectors.snapshot_page_context(snapshot)}
                html = render_to_string("public/check.html", context)
                cache.set(key, html, CACHE_SECONDS)
            page_memory.put(key, html)
        return HttpResponse(html)

    # HTTP dates have whole seconds; a fractional timestamp would never compare equal.
    return _conditional(request, etag, int(version.published_at.timestamp()), build)


def _withdrawn(request: HttpRequest, check: Check) -> HttpResponse:
    snapshot = selectors.public_snapshot(check)
    context = {
        **_site_context(),
        "headline": snapshot.get("headline", ""),
        "article_title": snapshot.get("article", {}).get("title", ""),
        "withdrawn_at": check.withdrawn_at,
        "reason": check.withdrawn_reason,
        "canonical_url": jsonld.public_check_url(check.slug),
    }
    return render(request, "public/withdrawn.html", context, status=410)


def _claim_number(request: HttpRequest) -> int | None:
    raw = request.POST.get("claim") if request.method == "POST" else request.GET.get("claim")
    try:
        return int(raw) if raw else None
    except ValueError:
        return None


@require_http_methods(["GET", "HEAD", "POST"])
@public_headers
def error_report(request: HttpRequest, slug: str) -> HttpResponse:
    check = selectors.public_check(slug)
    if check is None:
        raise Http404("No published check at this address.")
    if check.status == Check.Status.WITHDRAWN:
        return _withdrawn(request, check)
    snapshot = selectors.public_snapshot(check)
    number = _claim_number(request)
    claim = next((c for c in snapshot["claims"] if c["number"] == number), None)
    context: dict[str, Any] = {
        **_site_context(),
        "snap": snapshot,
        "claim": claim,
        "check_url": jsonld.public_check_url(check.slug),
        "canonical_url": jsonld.public_check_url(check.slug),
    }
    status = 200
    form = ErrorReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.error_report_create(
                    check_id=check.pk,
                    claim_number=claim["number"] if claim else None,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    message=form.cleaned_data["message"],
                    ip=services.client_ip(request.META),
                    honeypot=form.cleaned_data["website"],
                )
            except services.RateLimited as exc:
                form.add_error(None, str(exc))
                status = 429
            except ServiceError as exc:
                form.add_error(None, str(exc))
                status = 400
            else:
                return render(request, "public/report_thanks.html", context)
        else:
            status = 400
    context["form"] = form
    return render(request, "public/report_form.html", context, status=status)


def _generation_cached(request: HttpRequest, name: str, content_type: str, build: Callable[[], bytes]) -> HttpResponse:
    generation = services.public_generation()
    etag = f'"{name}-{RENDER_REVISION}-{generation}"'

    def respond() -> HttpResponse:
        key = f"public:{name}:{generation}"
        body = cache.get(key)
        if body is None:
            body = build()
            cache.set(key, body, CACHE_SECONDS)
        return HttpResponse(body, content_type=content_type)

    return _conditional(request, etag, None, respond)


@require_safe
@public_headers
def atom_feed(request: HttpRequest) -> HttpResponse:
    def build() -> bytes:
        return ChecksAtomFeed()(request).content

    return _generation_cached(request, "feed", "application/atom+xml; charset=utf-8", build)


@require_safe
@public_headers
def claimreview_feed(request: HttpRequest) -> HttpResponse:
    def build() -> bytes:
        checks = list(selectors.published_checks())
        snapshots = [c.current_version.snapshot for c in checks]
        modified = max((c.current_version.published_at for c in checks), default=None)
        feed = jsonld.data_feed(snapshots, modified.isoformat() if modified else None)
        return json.dumps(feed, ensure_ascii=False, indent=1).encode("utf-8")

    return _generation_cached(request, "claimreview", "application/ld+json; charset=utf-8", build)


@require_safe
@public_headers
def sitemap(request: HttpRequest) -> HttpResponse:
    def build() -> bytes:
        response = sitemap_view(request, sitemaps=SITEMAPS)
        response.render()
        return response.content

    return _generation_cached(request, "sitemap", "application/xml; charset=utf-8", build)
