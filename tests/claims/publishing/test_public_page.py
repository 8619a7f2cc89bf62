"""The public check page: content from the snapshot, ClaimReview markup, headers, queries, caching."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import lxml.html
import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from claims.models import Check, Rating
from claims.publishing import memory
from claims.publishing.public_views import page_memory
from tests.claims.publishing.conftest import publish, withdraw

pytestmark = pytest.mark.django_db


def get_page(client: Client, check: Check, **headers: str) -> Any:
    return client.get(reverse("public:check", args=[check.slug]), headers=headers)


def claim_reviews(html: str) -> list[dict[str, Any]]:
    doc = lxml.html.fromstring(html)
    blocks = doc.xpath('//script[@type="application/ld+json"]')
    reviews: list[dict[str, Any]] = []
    for block in blocks:
        data = json.loads(block.text)
        reviews.extend(data if isinstance(data, list) else [data])
    return reviews


def test_published_check_shows_article_claims_ratings_evidence_and_credits(client: Client, published: Check) -> None:
    response = get_page(client, published)
    assert response.status_code == 200
    html = response.content.decode()
    doc = lxml.html.fromstring(html)
    assert doc.xpath("string(//h1)") == "Checked: Ketamine proves effective against depression"
    assert "The Daily Example" in html and "https://news.example.org/ketamine" in html
    assert [a.get("id") for a in doc.xpath('//article[@class="claim"]')] == ["claim-1", "claim-2", "claim-3"]
    claim2 = doc.get_element_by_id("claim-2")
    text = claim2.text_content()
    assert "Misleading" in text
    assert "Dr Claimant 2" in text
    assert "Bottemanne H, Morlaas O, Claret A et al." in " ".join(text.split())
    assert "JAMA Psychiatry" in text and "doi:10.5555/example." in text
    assert "Retracted." in text  # the retraction flag of claim 2's source
    assert "Refutes the claim" in text
    assert "Reviewed by Rita Reviewer" in text
    assert "Edited by Edna Editor" in html
    # The methodology lists every step of the scale with its meaning.
    for rating in Rating.objects.all():
        assert rating.label in doc.get_element_by_id("methodology").text_content()
    assert "No corrections have been made" in doc.get_element_by_id("corrections").text_content()


def test_claimreview_jsonld_is_complete_and_matches_the_visible_page(client: Client, published: Check) -> None:
    html = get_page(client, published).content.decode()
    doc = lxml.html.fromstring(html)
    reviews = claim_reviews(html)
    assert len(reviews) == 3
    page_url = settings.SITE_URL + reverse("public:check", args=[published.slug])
    for review in reviews:
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        for field in (
            "claimReviewed",
            "reviewRating",
            "url",
            "author",
            "datePublished",
            "dateModified",
            "itemReviewed",
        ):
            assert review.get(field), f"{field} missing"
        rating = review["reviewRating"]
        for field in ("ratingValue", "bestRating", "worstRating", "alternateName"):
            assert field in rating, f"reviewRating.{field} missing"
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert review["author"] == {
            "@type": "Organization",
            "name": settings.ORGANIZATION_NAME,
            "url": settings.ORGANIZATION_URL,
        }
        url, _, anchor = review["url"].partition("#")
        assert url == page_url
        claim_el = doc.get_element_by_id(anchor)  # the anchor exists on the page
        visible = claim_el.find_class("claim-text")[0].text_content()
        assert review["claimReviewed"] == visible
        assert rating["alternateName"] in claim_el.find_class("rating-label")[0].text_content()
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["author"]["name"] in claim_el.text_content()
        assert item["appearance"]["url"] == "https://news.example.org/ketamine"
    assert reviews[0]["reviewRating"]["bestRating"] == max(r.value for r in Rating.objects.all())
    assert reviews[0]["reviewRating"]["worstRating"] == min(r.value for r in Rating.objects.all())


def test_jsonld_cannot_break_out_of_its_script_element(client: Client, make_check: Callable, editor: Any) -> None:
    check = make_check(1)
    claim = check.article.claims.get()
    claim.text = "It is </script><script>alert(1)</script> & more"
    claim.save()
    publish(check, editor)
    html = get_page(client, check).content.decode()
    assert "<script>alert(1)" not in html
    assert claim_reviews(html)[0]["claimReviewed"] == claim.text


def test_page_has_open_graph_twitter_and_canonical_meta(client: Client, published: Check) -> None:
    doc = lxml.html.fromstring(get_page(client, published).content)
    canonical = settings.SITE_URL + reverse("public:check", args=[published.slug])
    assert doc.xpath('string(//link[@rel="canonical"]/@href)') == canonical
    assert doc.xpath('string(//meta[@property="og:url"]/@content)') == canonical
    assert doc.xpath('string(//meta[@property="og:title"]/@content)') == published.headline
    assert doc.xpath('string(//meta[@property="og:type"]/@content)') == "article"
    assert doc.xpath('string(//meta[@name="twitter:card"]/@content)') == "summary"
    assert doc.xpath('string(//meta[@name="twitter:title"]/@content)') == published.headline


def test_page_has_no_javascript_and_sends_security_headers(client: Client, published: Check) -> None:
    response = get_page(client, published)
    doc = lxml.html.fromstring(response.content)
    scripts = doc.xpath("//script")
    assert scripts and all(s.get("type") == "application/ld+json" for s in scripts)
    assert not doc.xpath("//@*[starts-with(name(), 'on')]")  # no inline event handlers
    assert not doc.xpath("//@*[starts-with(name(), 'hx-')]")
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp and "script-src" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"]
    assert "csrftoken" not in response.cookies  # the shared page carries no per-reader token


def test_page_has_landmarks_and_one_h1(client: Client, published: Check) -> None:
    doc = lxml.html.fromstring(get_page(client, published).content)
    assert doc.xpath("//html/@lang") == ["en"]
    assert len(doc.xpath("//h1")) == 1
    assert doc.xpath("//header") and doc.xpath("//main") and doc.xpath("//footer") and doc.xpath("//nav")
    assert doc.xpath('//meta[@name="viewport"]')
    # Colour never alone: every swatch is decorative and sits beside a text label.
    for badge in doc.find_class("rating-badge"):
        assert badge.xpath("./svg/@aria-hidden") == ["true"]
        assert badge.find_class("rating-label")[0].text_content().strip()


def test_draft_check_is_not_public(client: Client, make_check: Callable) -> None:
    check = make_check(2)
    assert get_page(client, check).status_code == 404


def test_unknown_slug_is_a_friendly_404(client: Client) -> None:
    response = client.get("/checks/no-such-check/")
    assert response.status_code == 404
    assert b"Traceback" not in response.content


# Cold: the public revision, the check row, a cache read, the snapshot, the DatabaseCache write (five).
COLD_QUERIES = 9
# Another process rendered it (shared cache warm): the revision, the check row and one cache read.
SHARED_QUERIES = 3
# This process has it and read the revision less than PUBLIC_REFRESH_SECONDS ago: nothing at all.
HOT_QUERIES = 0


@pytest.fixture
def frozen_clock(settings: Any, monkeypatch: Any) -> list[float]:
    """The production window (one revision read per second at most), on a clock the test moves."""
    settings.PUBLIC_REFRESH_SECONDS = 1.0
    now = [1000.0]
    monkeypatch.setattr(memory, "clock", lambda: now[0])
    page_memory.clear()
    return now


@pytest.mark.parametrize("claims", [2, 30])
def test_query_count_is_constant_whatever_the_number_of_claims(
    client: Client,
    make_check: Callable,
    editor: Any,
    django_assert_num_queries: Any,
    claims: int,
    frozen_clock: list[float],
) -> None:
    check = make_check(claims)
    publish(check, editor)
    cache.clear()
    page_memory.clear()
    with django_assert_num_queries(COLD_QUERIES):
        response = get_page(client, check)
    assert len(lxml.html.fromstring(response.content).find_class("claim")) == claims
    with django_assert_num_queries(HOT_QUERIES):
        assert get_page(client, check).content == response.content
    with django_assert_num_queries(HOT_QUERIES):
        assert get_page(client, check, if_none_match=response["ETag"]).status_code == 304
    frozen_clock[0] += 1.5
    with django_assert_num_queries(1):  # the window passed: the revision is read, nothing moved
        assert get_page(client, check).content == response.content
    page_memory.clear()
    with django_assert_num_queries(SHARED_QUERIES):
        assert get_page(client, check).content == response.content


def test_a_withdrawal_reaches_readers_within_the_refresh_window(
    client: Client, published: Check, editor: Any, frozen_clock: list[float]
) -> None:
    assert get_page(client, published).status_code == 200
    withdraw(published, editor, "The article was retracted by its outlet.")
    frozen_clock[0] += 0.5
    assert get_page(client, published).status_code == 200  # still inside the second
    frozen_clock[0] += 0.6
    gone = get_page(client, published)
    assert gone.status_code == 410
    assert "The article was retracted by its outlet." in gone.content.decode()


def test_a_correction_reaches_readers_within_the_refresh_window(
    client: Client, published: Check, editor: Any, reviewer: Any, frozen_clock: list[float]
) -> None:
    from tests.claims.publishing.test_versions import correct_claim

    first = get_page(client, published)
    correct_claim(published, number=1, editor=editor, reviewer=reviewer, rating="Inaccurate")
    publish(published, editor, "a second study contradicts it")
    frozen_clock[0] += 1.01
    second = get_page(client, published)
    assert second["ETag"] != first["ETag"]
    assert "Inaccurate" in lxml.html.fromstring(second.content).get_element_by_id("claim-1").text_content()


def test_pages_in_memory_are_served_while_the_database_is_unreachable(
    client: Client, published: Check, monkeypatch: Any
) -> None:
    from django.db import OperationalError

    first = get_page(client, published)

    def unreachable() -> int:
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(page_memory, "read_revision", unreachable)
    again = get_page(client, published)
    assert again.status_code == 200 and again.content == first.content


def test_text_responses_are_gzipped_for_readers_who_accept_it(client: Client, published: Check) -> None:
    import gzip

    plain = get_page(client, published)
    packed = get_page(client, published, accept_encoding="gzip, deflate, br")
    assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) * 4 < len(plain.content)
    # Two encodings, two representations: the compressed one carries the weak form of the tag.
    assert packed["ETag"] == "W/" + plain["ETag"]
    assert get_page(client, published, if_none_match=packed["ETag"]).status_code == 304
    for name in ("public:check_list", "public:feed", "public:claimreview_feed", "public:sitemap"):
        response = client.get(reverse(name), headers={"accept-encoding": "gzip"})
        assert response["Content-Encoding"] == "gzip", name


def test_repeat_visit_with_etag_or_last_modified_gets_304(client: Client, published: Check) -> None:
    first = get_page(client, published)
    assert first["ETag"] and first["Last-Modified"]
    again = get_page(client, published, if_none_match=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    since = get_page(client, published, if_modified_since=first["Last-Modified"])
    assert since.status_code == 304


def test_republishing_changes_the_etag_and_the_cached_page(
    client: Client, published: Check, editor: Any, reviewer: Any
) -> None:
    first = get_page(client, published)
    assert "Misleading" in first.content.decode()
    from tests.claims.publishing.test_versions import correct_claim

    correct_claim(published, number=1, editor=editor, reviewer=reviewer, rating="Inaccurate")
    publish(published, editor, "a second study contradicts it")
    second = get_page(client, published, if_none_match=first["ETag"])
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    doc = lxml.html.fromstring(second.content)
    assert "Inaccurate" in doc.get_element_by_id("claim-1").text_content()


def test_workspace_edits_after_publishing_never_reach_the_page(client: Client, published: Check) -> None:
    get_page(client, published)  # warm the cache, then bypass it too
    claim = published.article.claims.order_by("span_start").first()
    claim.text = "A reworded claim not yet published"
    claim.save()
    claim.verdict.explanation = "A half-written new explanation"
    claim.verdict.save()
    Check.objects.filter(pk=published.pk).update(headline="Draft headline in progress")
    cache.clear()
    page_memory.clear()
    html = get_page(client, published).content.decode()
    assert "A reworded claim not yet published" not in html
    assert "A half-written new explanation" not in html
    assert "Draft headline in progress" not in html
    assert "Checked: Ketamine proves effective against depression" in html


def test_check_list_shows_published_checks_newest_first_and_paginates(
    client: Client, make_check: Callable, editor: Any
) -> None:
    checks = [make_check(1, title=f"Article number {i}") for i in range(23)]
    for check in checks:
        publish(check, editor)
    make_check(1, title="An unpublished draft")
    response = client.get(reverse("public:check_list"))
    assert response.status_code == 200
    doc = lxml.html.fromstring(response.content)
    titles = [t.strip() for t in doc.xpath("//li[@class='check-card']/h2/a/text()")]
    assert len(titles) == 20
    assert titles[0] == "Checked: Article number 22"
    assert "An unpublished draft" not in response.content.decode()
    page2 = client.get(reverse("public:check_list") + "?page=2")
    titles2 = lxml.html.fromstring(page2.content).xpath("//li[@class='check-card']/h2/a/text()")
    assert [t.strip() for t in titles2] == [
        "Checked: Article number 2",
        "Checked: Article number 1",
        "Checked: Article number 0",
    ]
    assert client.get(reverse("public:check_list") + "?page=9").status_code == 404


def test_public_pages_refuse_post(client: Client, published: Check) -> None:
    assert client.post(reverse("public:check", args=[published.slug])).status_code == 405
    assert client.post(reverse("public:check_list")).status_code == 405


def test_the_page_weight_per_claim_stays_in_check(client: Client, make_check: Callable, editor: Any) -> None:
    import gzip

    sizes = {}
    for claims in (2, 30):
        check = make_check(claims, title=f"An article with {claims} claims")
        publish(check, editor)
        sizes[claims] = len(get_page(client, check).content)
    per_claim = (sizes[30] - sizes[2]) / 28
    # Each claim here has a quote, a verdict, one source and its ClaimReview markup.
    assert per_claim < 3200, per_claim  # 3,011 when written (3,393 before the symbols, more before compaction)
    html = get_page(client, check).content.decode()
    assert "\n\n" not in html and "\n " not in html  # no template indentation nor blank lines
    assert len(gzip.compress(html.encode())) < sizes[30] / 4


def test_a_made_up_query_string_is_answered_but_not_kept_in_memory(
    client: Client, published: Check, django_assert_max_num_queries: Any, frozen_clock: list[float]
) -> None:
    url = reverse("public:check", args=[published.slug])
    page = client.get(url).content
    kept = len(page_memory.entries)
    for n in range(5):
        assert client.get(url, {"utm_source": f"x{n}"}).content == page
    assert len(page_memory.entries) == kept


def test_the_hot_path_still_checks_the_host_and_sends_the_public_headers(
    client: Client, published: Check, settings: Any
) -> None:
    url = reverse("public:check", args=[published.slug])
    client.get(url)  # now in memory
    hit = client.get(url)
    assert hit["Content-Security-Policy"].startswith("default-src 'none'")
    assert hit["X-Frame-Options"] == "DENY" and hit["X-Content-Type-Options"] == "nosniff"
    assert "sessionid" not in hit.cookies and "csrftoken" not in hit.cookies
    assert client.get(url, headers={"host": "evil.example"}).status_code == 400
