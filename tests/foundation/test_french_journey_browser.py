"""In a real browser: the French seed's whole journey with a French-speaking editor and reviewer, and the
French public page, with no English sentence of the app on any page visited.

"English sentence" means a message of the catalogue whose French differs from it: each page's visible text
and its attributes meant for people (title, aria-label, placeholder, alt) are compared with every such
message's literal words. The test clicks by form and by the French words of each button, so it follows the
catalogue rather than a copy of it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import polib
import pytest
from django.urls import reverse
from django.utils import timezone

from claims.models import Article, Check, Claim, ClaimStatus, Rating
from tests.browser import PASSWORD, Shots
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"
SEED_DIR = ROOT / "seeds" / "data"
_shot = Shots("french-journey")

# What a page may show that is the same in both languages or is the newsroom's data, not the app's words.
_PLACEHOLDER = re.compile(r"%\([^)]*\)[sdif]|%[sdif]|\{[^}]*\}|<[^>]+>")
_ATTRIBUTES_JS = """() => {
    const bits = [document.body.innerText, document.title];
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
        for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
            const value = el.getAttribute(name);
            if (value) bits.push(value);
        }
    }
    return bits.join('\\n');
}"""


def _english_pieces() -> list[re.Pattern[str]]:
    """The literal runs of words of every message whose French is not the English, as whole-word patterns.

    A run must hold two words or more, or one word of six letters or more, so that names and abbreviations
    common to both languages (PubMed, DOI, CSV) and short words do not count.
    """
    patterns: dict[str, re.Pattern[str]] = {}
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete:
            continue
        english = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        french = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in english:
            if not text or text in french:
                continue
            for piece in _PLACEHOLDER.split(text):
                piece = " ".join(piece.split()).strip(" .,:;!?()·—–-“”\"'")
                words = re.findall(r"[A-Za-z]+", piece)
                if len(words) >= 2 or (len(words) == 1 and len(words[0]) >= 6 and piece == words[0]):
                    if any(piece in f for f in french):
                        continue  # a name the French keeps inside its sentence
                    patterns[piece] = re.compile(rf"(?<![\w’']){re.escape(piece)}(?![\w’'])")
    return list(patterns.values())


class EnglishFinder:
    def __init__(self, allowed: set[str]) -> None:
        self.patterns = _english_pieces()
        self.allowed = allowed  # the newsroom's own data on the pages (names, titles in English)
        self.pages: list[str] = []
        assert len(self.patterns) > 500, "the English catalogue was not read"

    def check(self, page: Any, name: str) -> None:
        page.wait_for_load_state("networkidle")
        text = page.evaluate(_ATTRIBUTES_JS)
        for data in self.allowed:
            text = text.replace(data, " ")
        found = sorted({p.pattern for p in self.patterns if p.search(text)})
        assert page.get_attribute("html", "lang") == "fr", name
        assert not found, f"English on the {name} page ({page.url}): {found[:10]}"
        self.pages.append(name)
        _shot(page, name)


def _button(page: Any, action: str) -> Any:
    return page.locator(f"form[action='{action}'] button[type=submit]").first


def _french_seed() -> tuple[dict[str, Any], str]:
    for path in sorted(SEED_DIR.glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        if meta.get("language") == "fr":
            _title, _, body = (SEED_DIR / meta["file"]).read_text(encoding="utf-8").partition("\n")
            return meta, body.lstrip("\n")
    raise AssertionError("no French seed in seeds/data")


def _login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}{reverse('login')}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(re.compile(r"/(board|queue)/"))


def _logout(page: Any) -> None:
    page.locator(f"form[action='{reverse('logout')}'] button").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_french_newsroom_walks_the_seed_journey_with_no_english_on_any_page(
    live_server: Any, browser: Any, settings: Any
) -> None:
    settings.SOURCES_AUTO_SEARCH = False
    settings.NEWSROOM_LANGUAGE = "fr"
    meta, body = _french_seed()
    UserFactory(username="edith", first_name="Édith", last_name="Lemaire", groups=["editor"])
    rene = UserFactory(username="rene", first_name="René", last_name="Garnier", groups=["reviewer"])
    spec = meta["claims"][0]
    finder = EnglishFinder(allowed=set())
    base = live_server.url
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        # The editor: login, board, import of the French seed, a claim picked in the text.
        page.goto(f"{base}{reverse('login')}")
        finder.check(page, "01-login")
        _login(page, base, "edith")
        finder.check(page, "02-board")
        page.goto(f"{base}{reverse('imports:article_import')}")
        finder.check(page, "03-import")
        page.fill("#id_text", body)
        page.fill("#id_title", meta["title"])
        page.fill("#id_outlet", meta.get("outlet", "Exemple Info"))
        _button(page, reverse("imports:article_import")).click()
        page.wait_for_url(re.compile(r"/articles/\d+/$"))
        article = Article.objects.get()
        assert article.language == "fr"
        finder.check(page, "04-article")
        page.fill("#claim-form [name=quote]", spec["quote"])
        page.fill("#claim-form [name=text]", spec["text"])
        page.fill("#claim-form [name=claimant]", spec["claimant"])
        page.locator("#claim-form button[type=submit]").click()
        page.locator("#article-body mark.claim-mark").first.wait_for()
        claim = Claim.objects.get()
        finder.check(page, "05-claim-made")

        # Assigned to the reviewer with a due date.
        page.goto(f"{base}{reverse('claims:claim', args=[claim.pk])}")
        finder.check(page, "06-claim")
        page.select_option("#claim-main select[name=reviewer]", str(rene.pk))
        page.fill("#claim-main input[name=due_date]", (timezone.localdate() + dt.timedelta(days=2)).isoformat())
        _button(page, reverse("claims:claim_assign", args=[claim.pk])).click()
        page.locator(f"form[action='{reverse('claims:claim_unassign', args=[claim.pk])}']").wait_for(state="attached")
        finder.check(page, "07-assigned")
        for name, url in (
            ("08-articles", reverse("claims:articles")),
            ("09-search", reverse("search:search") + "?q=k%C3%A9tamine"),
            ("10-inbox", reverse("inbox:list")),
            ("11-insights", reverse("insights:dashboard")),
        ):
            page.goto(f"{base}{url}")
            finder.check(page, name)
        _logout(page)

        # The reviewer: queue, review, a rating from the French scale, submitted.
        _login(page, base, "rene")
        finder.check(page, "12-queue")
        page.goto(f"{base}{reverse('claims:claim', args=[claim.pk])}")
        _button(page, reverse("claims:review_start", args=[claim.pk])).click()
        page.locator("#verdict-form").wait_for()
        rating = Rating.objects.get(label="Mostly accurate")
        page.click(f".rating-option:has-text('{rating.label_in('fr')}')")
        page.fill(
            "#id_explanation", "Le communiqué du CNRS parle d’un patient sur trois ; l’article le reprend fidèlement."
        )
        page.select_option("#id_confidence", "medium")
        page.wait_for_timeout(1500)
        finder.check(page, "13-verdict-draft")
        page.locator(f"button[formaction='{reverse('claims:verdict_submit', args=[claim.pk])}']").click()
        page.wait_for_function(
            f"!document.querySelector(\"button[formaction='{reverse('claims:verdict_submit', args=[claim.pk])}']\")"
        )
        finder.check(page, "14-submitted")
        page.goto(f"{base}{reverse('inbox:list')}")
        finder.check(page, "15-reviewer-inbox")
        _logout(page)

        # The editor approves and publishes.
        _login(page, base, "edith")
        page.goto(f"{base}{reverse('claims:claim', args=[claim.pk])}")
        _button(page, reverse("claims:verdict_approve", args=[claim.pk])).click()
        page.wait_for_function(
            f"!document.querySelector(\"form[action='{reverse('claims:verdict_approve', args=[claim.pk])}']\")"
        )
        claim.refresh_from_db()
        assert claim.status == ClaimStatus.APPROVED
        finder.check(page, "16-approved")
        page.goto(f"{base}{reverse('publishing:check_edit', args=[article.pk])}")
        page.fill("#id_headline", "Kétamine et dépression : une vraie étude, un titre trop fort")
        page.fill(
            "#id_summary",
            "L’étude existe et a été relue par des pairs, mais elle mesure l’optimisme quatre heures après une dose.",
        )
        page.fill(
            "#id_assessment", "L’article rend compte de l’étude correctement, mais son titre en dit plus qu’elle."
        )
        page.locator("#publish-panel button[type=submit]:not([name]):not([formaction])").first.click()
        page.wait_for_selector("#publish-ready")
        finder.check(page, "17-publish")
        page.locator(f"button[formaction='{reverse('publishing:check_publish', args=[article.pk])}']").click()
        check = Check.objects.get(article=article)
        for _ in range(50):
            check.refresh_from_db()
            if check.status == Check.Status.PUBLISHED:
                break
            page.wait_for_timeout(200)
        assert check.status == Check.Status.PUBLISHED
        finder.check(page, "18-published")
        _logout(page)
    finally:
        context.close()

    # A reader whose browser asks for English still reads the newsroom's French.
    reader = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    page = reader.new_page()
    try:
        page.goto(f"{base}/checks/{check.slug}/")
        finder.check(page, "19-public-page")
        assert "Plutôt exact" in page.inner_text("body")
    finally:
        reader.close()
    assert len(finder.pages) == 19
