"""Public pages: no login, no JavaScript, rendered from published snapshots and served from memory.

The check page itself carries no form: its HTML is shared by every reader (and cached), so the
per-reader CSRF token lives on the separate "Report an error" page each claim links to.
"""

from __future__ import annotations

import json
import re
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
from django.utils import translation
from django.utils.http import http_date
from django.views.decorators.http import require_http_methods, require_safe

from claims.models import Check
from claims.publishing import jsonld, selectors, services, wording
from claims.publishing.feeds import ChecksAtomFeed
from claims.publishing.forms import ErrorReportForm
from claims.publishing.memory import PUBLIC_HEADERS, pages
from claims.publishing.sitemaps import SITEMAPS
from factcheck.errors import ServiceError

# Bump when the public templates change, so browsers holding an old ETag fetch the new markup.
RENDER_REVISION = "2"
CACHE_SECONDS = 60 * 60 * 24
PAGE_SIZE = 20


def public_headers(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """What every public page shares: the newsroom's language whatever the visitor's ``Accept-Language``
    (so the memory of pages holds one language), and security headers (no script may run at all)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        language = wording.newsroom_language()
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = view(request, *args, **kwargs)
        for name, value in PUBLIC_HEADERS.items():
            response[name] = value
        response["Content-Language"] = wording.bcp47(language)
        return response

    return wrapped


# Every reader's GET of a public page is answered from this process's memory (see memory.py).
page_memory = pages


_BLANK_RUNS = re.compile(r"[ \t]*\n\s*")


def compact(html: str) -> str:
    """The page without its template indentation and blank lines: every run of white space that holds
    a line break becomes one line break, which a browser shows exactly as before (the public pages
    have no <pre> or <textarea>, and JSON-LD only has line breaks between its tokens)."""
    return _BLANK_RUNS.sub("\n", html)


def _site_context() -> dict[str, Any]:
    return {
        "organization_name": settings.ORGANIZATION_NAME,
        "organization_url": settings.ORGANIZATION_URL,
        "site_url": settings.SITE_URL,
    }


def _only_query(request: HttpRequest, name: str = "") -> bool:
    """Whether the query string is one this page uses (nothing, or ``name=<digits>``): only then is the
    response kept in memory, so made-up query strings cannot push the real pages out of it."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return True
    key, _sep, value = query.partition("=")
    return bool(name) and key == name and value.isascii() and value.isdigit() and len(value) < 7


def _localised(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The snapshot with each claim's rating labelled in the active language."""
    claims = [{**c, "rating": wording.rating_in(c["rating"])} for c in snapshot.get("claims", [])]
    return {**snapshot, "claims": claims}


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


@require_safe
@public_headers
def check_list(request: HttpRequest) -> HttpResponse:
    number = _page_number(request)

    def build() -> HttpResponse:
        generation = services.public_generation()
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
                    "snap": _localised(c.current_version.snapshot),
                    "published_at": c.current_version.published_at,
                    "version": c.current_version.number,
                }
                for c in page.object_list
            ]
            html = compact(
                render_to_string(
                    "public/check_list.html",
                    {
                        **_site_context(),
                        "page": page,
                        "items": items,
                        "canonical_url": settings.SITE_URL + request.path,
                    },
                )
            )
            cache.set(key, html, CACHE_SECONDS)
        response = HttpResponse(html)
        response["ETag"] = f'"list-{RENDER_REVISION}-{generation}-{number}"'
        return response

    return page_memory.serve(request, build, keep=_only_query(request, "page"))


@require_safe
@public_headers
def check_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The public check page. From memory when this process has it (no query at all); otherwise the
    check row, then the HTML of its version from the shared cache, or rendered from the snapshot."""

    def build() -> HttpResponse:
        check = selectors.public_check(slug)
        if check is None:
            raise Http404("No published check at this address.")
        if check.status == Check.Status.WITHDRAWN:
            return _withdrawn(request, check)
        version = check.current_version
        key = services.check_cache_key(check)
        html = cache.get(key)
        if html is None:
            snapshot = selectors.public_snapshot(check)
            context = {**_site_context(), **selectors.snapshot_page_context(snapshot)}
            html = compact(render_to_string("public/check.html", context))
            cache.set(key, html, CACHE_SECONDS)
        response = HttpResponse(html)
        response["ETag"] = f'"check-{RENDER_REVISION}-{check.pk}-v{version.number}"'
        # HTTP dates have whole seconds; a fractional timestamp would never compare equal.
        response["Last-Modified"] = http_date(int(version.published_at.timestamp()))
        return response

    return page_memory.serve(request, build, keep=_only_query(request))


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
    response = render(request, "public/withdrawn.html", context, status=410)
    response["ETag"] = f'"withdrawn-{RENDER_REVISION}-{check.pk}-{int(check.withdrawn_at.timestamp())}"'
    return response


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
    """A feed or the sitemap: from memory, else from the shared cache of this generation, else built."""

    def respond() -> HttpResponse:
        generation = services.public_generation()
        key = f"public:{name}:{generation}"
        body = cache.get(key)
        if body is None:
            body = build()
            cache.set(key, body, CACHE_SECONDS)
        response = HttpResponse(body, content_type=content_type)
        response["ETag"] = f'"{name}-{RENDER_REVISION}-{generation}"'
        return response

    return page_memory.serve(request, respond, keep=_only_query(request, "p"))


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

    # Each page of the sitemap (?p=2 past 5,000 checks) is its own copy.
    page = request.GET.get("p", "1")
    if not (page.isascii() and page.isdigit() and int(page) >= 1):
        raise Http404("No such page of the sitemap.")
    return _generation_cached(request, f"sitemap-{int(page)}", "application/xml; charset=utf-8", build)
