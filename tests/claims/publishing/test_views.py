"""The editors' publishing pages: compose, preview, publish, withdraw, correct; plain POST and htmx."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Check, ClaimStatus
from tests.claims.publishing.conftest import approved_claim, publish
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def edit_url(check_or_article: Any) -> str:
    article_id = getattr(check_or_article, "article_id", None) or check_or_article.pk
    return reverse("publishing:check_edit", args=[article_id])


def test_editor_opens_the_publish_page_with_an_empty_headline_and_what_is_missing(
    client: Client, editor: Any, reviewer: Any
) -> None:
    article = ArticleFactory(title="Ketamine works")
    approved_claim(article, number=1, reviewer=reviewer, editor=editor)
    ClaimFactory(
        article=article, status=ClaimStatus.ASSIGNED, assignee=reviewer, text="Still open", span_start=80, span_end=89
    )
    client.force_login(editor)
    response = client.get(edit_url(article))
    assert response.status_code == 200
    html = response.content.decode()
    # The check's headline says what the check found: the article's own headline is not put in its place.
    doc = lxml.html.fromstring(html)
    assert doc.get_element_by_id("id_headline").get("value") == ""
    # Before any draft is saved, the page already says what stands in the way, each thing once.
    blockers = doc.get_element_by_id("publish-blockers").text_content()
    assert "Write a headline for the check." in blockers
    assert "Claim 2 (“Still open”) is assigned; it needs an approved verdict" in blockers
    assert html.count("Still open”) is assigned") == 1
    assert (
        "needs an approved verdict"
        not in doc.get_element_by_id("publish-claim-" + str(article.claims.last().pk)).text_content()
    )
    client.post(edit_url(article), {"headline": "Ketamine works?", "summary": "", "assessment": ""})
    html = client.get(edit_url(article)).content.decode()
    assert "Claim 2 (“Still open”) is assigned; it needs an approved verdict, or leave it out" in html
    assert 'value="Ketamine works?"' in html


def test_a_refused_publish_names_the_blockers_once(client: Client, editor: Any, reviewer: Any) -> None:
    article = ArticleFactory(title="Ketamine works")
    approved_claim(article, number=1, reviewer=reviewer, editor=editor)
    ClaimFactory(
        article=article, status=ClaimStatus.ASSIGNED, assignee=reviewer, text="Still open", span_start=80, span_end=89
    )
    client.force_login(editor)
    response = client.post(
        reverse("publishing:check_publish", args=[article.pk]), {"headline": "Checked", "summary": "", "assessment": ""}
    )
    html = response.content.decode()
    assert "The check cannot be published yet" in html
    assert html.count("it needs an approved verdict") == 1


def test_blockers_quote_claims_without_cutting_a_word(client: Client, editor: Any, reviewer: Any) -> None:
    from claims.publishing.services import clip

    long_text = "Ketamine relieves the symptoms of treatment-resistant major depression within hours for most patients"
    assert clip(long_text) == "Ketamine relieves the symptoms of treatment-resistant major depression within…"
    assert clip("short") == "short"
    article = ArticleFactory(title="Ketamine works")
    ClaimFactory(article=article, status=ClaimStatus.NEW, text=long_text)
    client.force_login(editor)
    html = client.get(edit_url(article)).content.decode()
    assert "(“Ketamine relieves the symptoms of treatment-resistant major depression within…”)" in html


def test_saving_a_draft_publishes_nothing(client: Client, editor: Any, make_check: Callable) -> None:
    check = make_check(2)
    client.force_login(editor)
    response = client.post(edit_url(check), {"headline": "New headline", "summary": "S", "assessment": "A"})
    assert response.status_code == 302
    check.refresh_from_db()
    assert (check.headline, check.status) == ("New headline", Check.Status.DRAFT)
    assert client.get(reverse("public:check", args=[check.slug])).status_code == 404


def test_saving_over_htmx_returns_only_the_panel(client: Client, editor: Any, make_check: Callable) -> None:
    check = make_check(1)
    client.force_login(editor)
    response = client.post(
        edit_url(check), {"headline": "Via htmx", "summary": "", "assessment": ""}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="publish-panel">') and "<html" not in html
    assert "Draft saved" in html and 'value="Via htmx"' in html


def test_publish_with_a_missing_verdict_is_refused_keeps_the_text_and_lists_the_claim(
    client: Client, editor: Any, reviewer: Any, make_check: Callable
) -> None:
    check = make_check(1)
    ClaimFactory(
        article=check.article,
        status=ClaimStatus.SUBMITTED,
        assignee=reviewer,
        text="Waiting",
        span_start=90,
        span_end=99,
    )
    client.force_login(editor)
    response = client.post(
        reverse("publishing:check_publish", args=[check.article_id]),
        {"headline": "Typed headline", "summary": "Typed summary", "assessment": ""},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The check cannot be published yet" in html and "“Waiting”" in html
    assert 'value="Typed headline"' in html and "Typed summary" in html
    check.refresh_from_db()
    assert check.status == Check.Status.DRAFT and check.headline == "Typed headline"


def test_leaving_a_claim_out_then_publishing_from_the_page(
    client: Client, editor: Any, reviewer: Any, make_check: Callable
) -> None:
    check = make_check(2)
    waiting = ClaimFactory(
        article=check.article,
        status=ClaimStatus.IN_REVIEW,
        assignee=reviewer,
        text="Left out",
        span_start=90,
        span_end=99,
    )
    client.force_login(editor)
    response = client.post(
        reverse("publishing:check_publish", args=[check.article_id]),
        {"headline": "Final", "summary": "", "assessment": "", "excluded": [str(waiting.pk)]},
    )
    assert response.status_code == 302
    check.refresh_from_db()
    assert check.status == Check.Status.PUBLISHED
    assert len(check.current_version.snapshot["claims"]) == 2
    page = client.get(edit_url(check)).content.decode()
    assert "Published. Readers now see the check." in page
    assert check.get_absolute_url() in page


def test_publishing_over_htmx_returns_the_panel(client: Client, editor: Any, make_check: Callable) -> None:
    check = make_check(1)
    client.force_login(editor)
    response = client.post(
        reverse("publishing:check_publish", args=[check.article_id]),
        {"headline": "Htmx publish", "summary": "", "assessment": ""},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "Published. Readers now see the check." in response.content.decode()
    assert "<html" not in response.content.decode()


def test_preview_shows_the_draft_exactly_as_public_but_marked_and_not_indexed(
    client: Client, editor: Any, make_check: Callable
) -> None:
    check = make_check(2)
    client.force_login(editor)
    response = client.get(reverse("publishing:check_preview", args=[check.article_id]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview:" in html and check.headline in html
    assert 'id="claim-2"' in html and "application/ld+json" in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    check.refresh_from_db()
    assert check.status == Check.Status.DRAFT


def test_preview_of_a_correction_shows_the_pending_note(
    client: Client, editor: Any, reviewer: Any, published: Check
) -> None:
    from tests.claims.publishing.test_versions import correct_claim

    correct_claim(published, number=1, editor=editor, reviewer=reviewer, rating="Accurate")
    client.force_login(editor)
    html = client.get(reverse("publishing:check_preview", args=[published.article_id])).content.decode()
    assert "The rating of claim 1 changed from Misleading to Accurate because [the reason you give" in html
    page = client.get(edit_url(published)).content.decode()
    assert "Since version 1: the rating of claim 1 changed from Misleading to Accurate." in page


def test_correction_flow_from_the_page(client: Client, editor: Any, reviewer: Any, published: Check) -> None:
    from claims.workflow import transition

    claim = published.article.claims.order_by("span_start").first()
    client.force_login(editor)
    response = client.post(reverse("publishing:claim_reopen", args=[claim.pk]), {"note": "Dose is wrong"})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.CHANGES_REQUESTED
    transition(claim.pk, "start_review", by=reviewer)
    transition(claim.pk, "submit", by=reviewer)
    transition(claim.pk, "approve", by=editor)
    publish_url = reverse("publishing:check_publish", args=[published.article_id])
    refused = client.post(publish_url, {"reason": ""})
    assert refused.status_code == 400
    assert "Say why it changed" in refused.content.decode()
    done = client.post(publish_url, {"reason": "we rechecked the dose"})
    assert done.status_code == 302
    published.refresh_from_db()
    assert published.current_version.number == 2
    assert published.current_version.correction_note.endswith("We rechecked the dose.")


def test_reopen_without_a_note_says_why(client: Client, editor: Any, published: Check) -> None:
    claim = published.article.claims.first()
    client.force_login(editor)
    response = client.post(reverse("publishing:claim_reopen", args=[claim.pk]), {"note": ""})
    assert response.status_code == 400
    assert "Say what needs correcting" in response.content.decode()


def test_withdraw_from_the_page(client: Client, editor: Any, published: Check) -> None:
    client.force_login(editor)
    url = reverse("publishing:check_withdraw", args=[published.article_id])
    refused = client.post(url, {"withdraw_reason": ""})
    assert refused.status_code == 400 and "Give readers a reason" in refused.content.decode()
    assert client.post(url, {"withdraw_reason": "Outlet retracted the article"}).status_code == 302
    assert client.get(published.get_absolute_url()).status_code == 410


@pytest.mark.parametrize("name", ["check_publish", "check_withdraw"])
def test_get_on_a_post_only_url_is_405(client: Client, editor: Any, published: Check, name: str) -> None:
    client.force_login(editor)
    assert client.get(reverse(f"publishing:{name}", args=[published.article_id])).status_code == 405


def test_get_on_reopen_and_resolve_is_405(client: Client, editor: Any, published: Check) -> None:
    client.force_login(editor)
    claim = published.article.claims.first()
    assert client.get(reverse("publishing:claim_reopen", args=[claim.pk])).status_code == 405
    assert client.get(reverse("publishing:error_report_resolve", args=[1])).status_code == 405


def test_reviewer_cannot_publish_and_anonymous_is_sent_to_login(
    client: Client, reviewer: Any, make_check: Callable
) -> None:
    check = make_check(1)
    url = reverse("publishing:check_publish", args=[check.article_id])
    anonymous = client.post(url, {"headline": "x"})
    assert anonymous.status_code == 302 and reverse("login") in anonymous["Location"]
    client.force_login(reviewer)
    assert client.post(url, {"headline": "x"}).status_code == 403
    assert client.get(edit_url(check)).status_code == 403
    check.refresh_from_db()
    assert check.status == Check.Status.DRAFT


def test_publish_box_fragment_links_to_the_publish_page(editor: Any, published: Check, make_check: Callable) -> None:
    from django.template.loader import render_to_string

    html = render_to_string("publishing/_article_publish_box.html", {"article": published.article})
    assert edit_url(published) in html and published.get_absolute_url() in html
    fresh = ArticleFactory()
    html = render_to_string("publishing/_article_publish_box.html", {"article": fresh})
    assert "Publish the check" in html and edit_url(fresh) in html


def test_publishing_twice_in_a_row_needs_a_reason(client: Client, editor: Any, published: Check) -> None:
    client.force_login(editor)
    response = client.post(reverse("publishing:check_publish", args=[published.article_id]), {"reason": ""})
    assert "nothing on the page has changed" in response.content.decode()
    publish(published, editor, "we added a link to the data")
    published.refresh_from_db()
    assert published.current_version.number == 2


def test_article_page_and_nav_lead_to_publishing(client: Client, editor: Any, make_check: Callable) -> None:
    check = make_check(1)
    client.force_login(editor)
    html = client.get(reverse("claims:article", args=[check.article_id])).content.decode()
    assert f'href="{edit_url(check)}"' in html
    assert f'href="{reverse("publishing:error_reports")}"' in html
    assert f'href="{reverse("public:check_list")}"' in html


def test_save_and_preview_saves_the_draft_then_opens_the_preview(client: Client, editor: Any, reviewer: Any) -> None:
    article = ArticleFactory(title="Ketamine works")
    approved_claim(article, number=1, reviewer=reviewer, editor=editor)
    client.force_login(editor)
    response = client.post(edit_url(article), {"headline": "Typed headline", "preview": "1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("publishing:check_preview", args=[article.pk])
    assert "Typed headline" in client.get(response["Location"]).content.decode()


def test_a_published_check_without_changes_says_so(client: Client, make_check: Callable, editor: Any) -> None:
    check = make_check(2, title="Published article")
    publish(check, editor)
    client.force_login(editor)
    html = client.get(edit_url(check.article)).content.decode()
    assert "Nothing saved has changed since" in html
