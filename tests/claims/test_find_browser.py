"""In a real browser: an editor imports an article, leaves it without claims, finds it again from the
Articles page and from the search box, and importing the same text again lands on it."""

from __future__ import annotations

import re
from typing import Any

import pytest

from claims.models import Article
from tests.browser import Shots, login
from tests.factories import UserFactory

_shot = Shots("finding")
TEXT = (
    "Hospitals in the region treated 4,200 patients for heatstroke in July, twice as many as last year.\n\n"
    "The regional health agency said most of them were over seventy and lived alone."
)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_article_without_claims_is_found_again_and_not_imported_twice(live_server: Any, page: Any) -> None:
    UserFactory(username="edna", first_name="Edna", last_name="Editor", groups=["editor"])
    base = live_server.url
    page.set_default_timeout(15_000)
    login(page, base, "edna")
    page.wait_for_url(re.compile(r"/board/"))

    # 1. Import pasted text, then walk away from it without making a claim.
    page.click("header a:has-text('Import')")
    page.fill("#id_text", TEXT)
    page.fill("#id_title", "Heatwave fills the hospitals")
    page.fill("#id_outlet", "Regional Post")
    page.click("button:has-text('Import article')")
    page.wait_for_url(re.compile(r"/articles/\d+/$"))
    article = Article.objects.get()
    _shot(page, "01-imported")
    page.click("header a:has-text('Board')")

    # 2. The Articles page lists it, with no claims yet; its title opens it.
    page.click("header a:has-text('Articles')")
    row = page.locator(f"#article-{article.pk}")
    assert "no claims yet" in row.inner_text() and "Regional Post" in row.inner_text()
    _shot(page, "02-articles-page")
    row.locator("a:has-text('Heatwave fills the hospitals')").click()
    page.wait_for_url(f"{base}/articles/{article.pk}/")

    # 3. The search box in the top bar finds it too, misspelt.
    page.fill("#topbar-q", "heatstrok")
    page.press("#topbar-q", "Enter")
    page.wait_for_url(re.compile(r"/search/\?q=heatstrok"))
    group = page.locator("section.search-group", has=page.locator("h2:has-text('Articles')"))
    assert group.locator("mark").first.inner_text().lower() == "heatstroke"
    _shot(page, "03-search")
    group.locator("a:has-text('Heatwave fills the hospitals')").click()
    page.wait_for_url(f"{base}/articles/{article.pk}/")

    # 4. Importing the same text again lands on the same article and says so; nothing new is made.
    page.click("header a:has-text('Import')")
    page.fill("#id_text", TEXT)
    page.click("button:has-text('Import article')")
    page.wait_for_url(f"{base}/articles/{article.pk}/")
    assert page.get_by_text("This text was already imported on").is_visible()
    assert page.locator("button:has-text('Import anyway, as a new version')").is_visible()
    assert Article.objects.count() == 1
    _shot(page, "04-imported-again")

    # On a phone the top bar with its search box still fits.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/articles/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _shot(page, "05-articles-phone")
