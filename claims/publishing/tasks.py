"""Celery tasks of the publishing wing: they take plain values and do one thing."""

from __future__ import annotations

import logging

import httpx
from celery import shared_task
from django.conf import settings
from django.urls import reverse

logger = logging.getLogger(__name__)


def purge_paths(slug: str) -> list[str]:
    """Every public address a publish or a withdrawal of the check ``slug`` changes."""
    return [
        reverse("public:check", args=[slug]),
        reverse("public:check_list"),
        reverse("public:feed"),
        reverse("public:claimreview_feed"),
        reverse("public:sitemap"),
    ]


@shared_task(
    acks_late=True,
    ignore_result=True,
    autoretry_for=(httpx.HTTPError,),
    retry_backoff=True,
    max_retries=5,
)
def cdn_purge(slug: str) -> None:
    """Ask the CDN (``CDN_PURGE_URL``) to drop its copies of what changed: an HTTP ``PURGE`` per address,
    as Varnish, Fastly and most caching proxies take it. Safe to run twice; if it never gets through,
    the CDN's copy still expires after ``PUBLIC_CDN_MAX_AGE`` seconds."""
    base = settings.CDN_PURGE_URL.rstrip("/")
    if not base:
        return
    with httpx.Client(timeout=5.0, trust_env=False) as client:
        for path in purge_paths(slug):
            response = client.request("PURGE", base + path)
            if response.status_code >= 500:
                raise httpx.HTTPStatusError("the CDN failed to purge", request=response.request, response=response)
            if response.status_code >= 400:
                logger.warning("The CDN refused to purge %s: %s", path, response.status_code)
