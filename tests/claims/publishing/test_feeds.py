"""The Atom feed, the sitemap and the ClaimReview DataFeed parse and list only published checks."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET  # our own responses, not untrusted input
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from claims.models import Check
from tests.claims.publishing.conftest import publish

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def two_published_one_draft(make_check: Callable, editor: Any) -> list[Check]:
    first = make_check(2, title="First article")
    second = make_check(3, title="Second article")
    for check in (first, second):
        publish(check, editor)
    make_check(1, title="Draft article")
    return [first, second]


def test_atom_feed_parses_and_lists_published_checks_newest_first(
    client: Client, two_published_one_draft: list[Check]
) -> None:
    response = client.get(reverse("public:feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(  # noqa: S314
        response.content
    )
    entries = root.findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert titles == ["Checked: Second article", "Checked: First article"]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == settings.SITE_URL + reverse("public:check", args=[two_published_one_draft[1].slug])
    assert entries[0].findtext(f"{ATOM}updated")
    assert b"Draft article" not in response.content


def test_atom_feed_shows_an_update_with_its_correction_note(
    client: Client, published: Check, editor: Any, reviewer: Any
) -> None:
    from tests.claims.publishing.test_versions import correct_claim

    client.get(reverse("public:feed"))  # cached before the correction
    correct_claim(published, number=2, editor=editor, reviewer=reviewer, rating="Accurate")
    publish(published, editor, "the authors sent the full data")
    root = ET.fromstring(  # noqa: S314
        client.get(reverse("public:feed")).content
    )
    summary = root.find(f"{ATOM}entry").findtext(f"{ATOM}summary")
    assert (
        "The rating of claim 2 changed from Misleading to Accurate because the authors sent the full data." in summary
    )
    assert summary.count("Updated ") == 1  # the date once, before the note


def test_sitemap_parses_and_lists_the_list_page_and_published_checks(
    client: Client, two_published_one_draft: list[Check]
) -> None:
    response = client.get(reverse("public:sitemap"))
    assert response.status_code == 200
    root = ET.fromstring(  # noqa: S314
        response.content
    )
    locs = [u.findtext(f"{SITEMAP}loc") for u in root.findall(f"{SITEMAP}url")]
    expected = {settings.SITE_URL + reverse("public:check", args=[c.slug]) for c in two_published_one_draft}
    assert expected <= set(locs)
    assert settings.SITE_URL + reverse("public:check_list") in locs
    assert len(locs) == 3
    assert all(u.findtext(f"{SITEMAP}lastmod") for u in root.findall(f"{SITEMAP}url")[1:])


def test_claimreview_datafeed_holds_every_published_claim_review(
    client: Client, two_published_one_draft: list[Check]
) -> None:
    response = client.get(reverse("public:claimreview_feed"))
    assert response.status_code == 200
    feed = json.loads(response.content)
    assert feed["@type"] == "DataFeed" and feed["@context"] == "https://schema.org"
    reviews = feed["dataFeedElement"]
    assert len(reviews) == 5
    assert all(r["@type"] == "ClaimReview" and "#claim-" in r["url"] for r in reviews)
    assert all(r["reviewRating"]["alternateName"] for r in reviews)


def test_feeds_are_served_from_memory_until_something_is_published(
    client: Client,
    two_published_one_draft: list[Check],
    make_check: Callable,
    editor: Any,
    django_assert_num_queries: Any,
    settings: Any,
    monkeypatch: Any,
) -> None:
    from claims.publishing import memory
    from claims.publishing.public_views import page_memory

    settings.PUBLIC_REFRESH_SECONDS = 1.0
    now = [1000.0]
    monkeypatch.setattr(memory, "clock", lambda: now[0])
    page_memory.clear()
    for name in ("public:feed", "public:claimreview_feed", "public:sitemap", "public:check_list"):
        first = client.get(reverse(name))
        # Warm: no query at all, whatever the number of checks.
        with django_assert_num_queries(0):
            assert client.get(reverse(name)).content == first.content
        # The reader's copy is still good: 304, still without a query.
        with django_assert_num_queries(0):
            assert client.get(reverse(name), headers={"if-none-match": first["ETag"]}).status_code == 304
    third = make_check(1, title="Third article")
    publish(third, editor)
    now[0] += 1.01
    for name in ("public:feed", "public:claimreview_feed", "public:sitemap", "public:check_list"):
        assert third.slug in client.get(reverse(name)).content.decode(), name


def test_each_page_of_the_sitemap_is_cached_apart(
    client: Client, two_published_one_draft: list[Check], monkeypatch: Any
) -> None:
    from claims.publishing.sitemaps import CheckSitemap

    monkeypatch.setattr(CheckSitemap, "limit", 1)
    first = client.get(reverse("public:sitemap"), {"p": "1"}).content.decode()
    second = client.get(reverse("public:sitemap"), {"p": "2"}).content.decode()
    slugs = list(Check.objects.filter(status=Check.Status.PUBLISHED).values_list("slug", flat=True))
    assert len(slugs) == 2
    assert sum(slug in first for slug in slugs) == 1
    assert sum(slug in second for slug in slugs) == 1
    assert first != second
    assert client.get(reverse("public:sitemap"), {"p": "x"}).status_code == 404


def test_atom_summary_escapes_markup_from_claims_and_summaries(
    client: Client, make_check: Callable, editor: Any
) -> None:
    check = make_check(1, title="Markup article")
    check.summary = 'Sum <img src=x onerror="alert(1)">'
    check.save(update_fields=["summary"])
    claim = check.article.claims.get()
    claim.text = "<script>alert(2)</script> claim"
    claim.save(update_fields=["text"])
    publish(check, editor)
    response = client.get(reverse("public:feed"))
    summary = ET.fromstring(response.content).find(f"{ATOM}entry").findtext(f"{ATOM}summary")  # noqa: S314
    # The summary is HTML (type="html"): the text must arrive as escaped text, never as tags.
    assert "<img" not in summary and "<script>" not in summary
    assert "&lt;img" in summary and "&lt;script&gt;" in summary
