"""In a real browser: what the hardening shows people (screenshots under test-results/hardening/)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.utils import timezone

from claims.models import ClaimStatus
from claims.publishing import services as publishing
from tests.browser import Shots, login
from tests.claims.importing.test_hints_scale import one_paragraph
from tests.claims.publishing.conftest import approved_claim
from tests.factories import ArticleFactory, ClaimFactory, UserFactory, VerdictFactory

_shot = Shots("hardening")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_who_wrote_a_verdict_is_offered_neither_approve_nor_publish(live_server: Any, page: Any) -> None:
    both = UserFactory(username="bo", first_name="Bo", last_name="Both", groups=["editor", "reviewer"])
    editor = UserFactory(username="edna", first_name="Edna", last_name="Editor", groups=["editor"])
    submitted = ClaimFactory(status=ClaimStatus.SUBMITTED, assignee=both)
    VerdictFactory(claim=submitted, author=both, submitted_at=timezone.now())
    article = ArticleFactory(title="Ketamine lifts mood")
    approved_claim(article, number=1, reviewer=both, editor=editor)
    publishing.check_prepare(
        article_id=article.pk, by=editor, headline="Checked", summary="", assessment="", excluded_claim_ids=[]
    )
    base = live_server.url
    page.set_default_timeout(10_000)
    login(page, base, "bo")
    page.wait_for_url(re.compile(r"/board/"))
    page.goto(f"{base}/claims/{submitted.pk}/")
    page.get_by_text("You wrote this verdict, so another editor approves it.").wait_for()
    assert page.locator("button:has-text('Approve the verdict')").count() == 0
    assert page.locator("button:has-text('Send back to the reviewer')").count() == 1
    _shot(page, "01-no-approve-for-the-author")
    page.goto(f"{base}/articles/{article.pk}/publish/")
    page.get_by_text("You wrote a verdict in this check, so another editor publishes it.").wait_for()
    assert page.locator("button.primary:has-text('Publish')").count() == 0
    _shot(page, "02-no-publish-for-the-author")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_huge_paste_opens_with_hints_and_says_they_cover_its_opening(live_server: Any, page: Any) -> None:
    UserFactory(username="edna", first_name="Edna", last_name="Editor", groups=["editor"])
    article = ArticleFactory(title="A very long paste", body=one_paragraph(600_000))
    base = live_server.url
    page.set_default_timeout(30_000)
    login(page, base, "edna")
    page.wait_for_url(re.compile(r"/board/"))
    page.goto(f"{base}/articles/{article.pk}/")
    page.locator("#hints-cut-short").wait_for()
    page.locator("#hints-cut-short").scroll_into_view_if_needed()
    _shot.folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(_shot.folder / "03-hints-cover-the-opening.png"))
    assert "first 200,000 characters" in page.inner_text("#hints-cut-short")
