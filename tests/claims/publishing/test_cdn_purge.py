"""A CDN in front of the public pages: told to purge what changed on every publish and withdrawal."""

from __future__ import annotations

from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from claims.models import Check
from claims.publishing import services as publishing
from claims.publishing.tasks import cdn_purge

pytestmark = pytest.mark.django_db


def test_the_purge_task_sends_a_purge_for_every_changed_address(httpserver: HTTPServer, settings: Any) -> None:
    settings.CDN_PURGE_URL = httpserver.url_for("/")
    for path in ("/checks/ketamine/", "/checks/", "/checks/feed.atom", "/checks/claimreview.json", "/sitemap.xml"):
        httpserver.expect_ordered_request(path, method="PURGE").respond_with_data("purged")
    cdn_purge("ketamine")
    httpserver.check_assertions()
    assert len(httpserver.log) == 5


def test_a_cdn_that_fails_makes_the_task_retry(httpserver: HTTPServer, settings: Any) -> None:
    import httpx

    settings.CDN_PURGE_URL = httpserver.url_for("/")
    httpserver.expect_request("/checks/ketamine/", method="PURGE").respond_with_data("busy", status=503)
    with pytest.raises(httpx.HTTPStatusError):
        cdn_purge.run("ketamine")


def test_publish_and_withdraw_ask_for_a_purge_only_when_a_cdn_is_configured(
    published: Check, editor: Any, settings: Any, monkeypatch: Any, django_capture_on_commit_callbacks: Any
) -> None:
    sent: list[tuple[str, tuple[Any, ...]]] = []
    monkeypatch.setattr(publishing, "enqueue_on_commit", lambda name, *args: sent.append((name, args)))
    settings.CDN_PURGE_URL = ""
    publishing.check_publish(check_id=published.pk, by=editor, reason="a link to the data was added")
    assert sent == []
    settings.CDN_PURGE_URL = "http://cdn.internal"
    publishing.check_withdraw(check_id=published.pk, by=editor, reason="The outlet retracted the article.")
    assert sent == [("claims.publishing.tasks.cdn_purge", (published.slug,))]
