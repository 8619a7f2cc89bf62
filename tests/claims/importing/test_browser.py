"""In a real browser: upload the seed article, read its hints, dismiss one and make a claim from another."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from claims.models import Article, Claim, DismissedSuggestion
from tests.browser import Shots
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[3]
SEED_PATH = ROOT / "seeds" / "data" / "ketamine-depression.txt"
_shot = Shots("import")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_uploads_the_seed_article_and_works_through_its_hints(
    live_server: Any, page: Any, settings: Any
) -> None:
    settings.SOURCES_AUTO_SEARCH = False
    UserFactory(username="edna", first_name="Edna", last_name="Editor", groups=["editor"])
    base = live_server.url
    page.set_default_timeout(10_000)
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", "edna")
    page.fill("#id_password", "pass-for-tests-1")
    page.click("button:has-text('Log in')")
    page.wait_for_url(re.compile(r"/board/"))

    # A refused address keeps what was typed, swapped in place by htmx.
    page.click("nav >> text=Import")
    page.fill("#id_source_url", "ftp://example.org/story.txt")
    page.fill("#id_outlet", "Example News")
    page.click("button:has-text('Import article')")
    page.get_by_text("“ftp:” addresses cannot be imported").wait_for()
    assert page.input_value("#id_outlet") == "Example News"
    _shot(page, "01-refused-url")

    # The seed file is uploaded instead.
    page.fill("#id_source_url", "")
    page.set_input_files("#id_file", str(SEED_PATH))
    page.click("button:has-text('Import article')")
    page.wait_for_url(re.compile(r"/articles/\d+/$"))
    article = Article.objects.get()
    assert article.body == SEED_PATH.read_text("utf-8")
    assert article.outlet == "Example News"
    hints = page.locator("#suggestions li.hint")
    count = hints.count()
    assert count >= 6
    jama = page.locator("#suggestions li.hint", has_text="JAMA Psychiatry")
    assert "cites a journal" in jama.inner_text()
    assert page.locator("#suggestions li.hint", has_text="Leave a Comment").count() == 0
    _shot(page, "02-article-with-hints")
    # The hints sit in the scrolling side column; show them in the viewport for their own screenshot.
    page.locator("#suggestions").scroll_into_view_if_needed()
    page.screenshot(path=str(_shot.folder / "02-hint-list.png"))

    # Dismiss the first hint: the list refreshes in place.
    first = hints.first
    first_text = first.locator("blockquote").inner_text()
    first.locator("button:has-text('Dismiss')").click()
    page.wait_for_function(f"document.querySelectorAll('#suggestions li.hint').length === {count - 1}")
    assert DismissedSuggestion.objects.filter(article=article).count() == 1
    assert page.locator("#suggestions li.hint", has_text=first_text[:40]).count() == 0
    _shot(page, "03-hint-dismissed")

    # Make a claim from the JAMA Psychiatry hint.
    jama = page.locator("#suggestions li.hint", has_text="JAMA Psychiatry")
    jama.locator("summary:has-text('Make claim')").click()
    jama.locator("textarea[name=text]").fill("JAMA Psychiatry published the results")
    jama.locator("button:has-text('Create claim')").click()
    page.get_by_text("Claim 1 created").wait_for()
    claim = Claim.objects.get()
    assert claim.quote.startswith("These results, published in the journal JAMA Psychiatry")
    assert article.body[claim.span_start : claim.span_end] == claim.quote
    assert claim.text == "JAMA Psychiatry published the results"
    assert page.locator("#suggestions li.hint", has_text="JAMA Psychiatry").count() == 0
    _shot(page, "04-claim-from-hint")
