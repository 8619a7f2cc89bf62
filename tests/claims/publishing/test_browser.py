"""In a real browser: an editor publishes the seed article's check; readers open it on a phone and a desktop."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from claims.models import Check, ClaimStatus, Rating
from claims.services import locate_quote
from tests.browser import PASSWORD, Shots
from tests.factories import (
    ArticleFactory,
    CandidateSourceFactory,
    ClaimFactory,
    EvidenceFactory,
    UserFactory,
    VerdictFactory,
)

ROOT = Path(__file__).resolve().parents[3]
SEED_DIR = ROOT / "seeds" / "data"
_shot = Shots("publishing")
RATINGS = ["Accurate", "Mostly accurate", "Lacks context", "Misleading"]


def _seed_article_with_approved_claims() -> Any:
    """The seed article, read as input text, with its claims approved and their evidence attached."""
    meta = json.loads((SEED_DIR / "ketamine-depression.json").read_text(encoding="utf-8"))
    _title, _, body = (SEED_DIR / meta["file"]).read_text(encoding="utf-8").partition("\n")
    body = body.lstrip("\n")
    article = ArticleFactory(
        title=meta["title"], body=body, outlet="Science Daily Example", published_on=meta["published_on"]
    )
    editor = UserFactory(username="elena", first_name="Elena", last_name="Editor", groups=["editor"])
    reviewer = UserFactory(username="remi", first_name="Rémi", last_name="Reviewer", groups=["reviewer"])
    for i, spec in enumerate(meta["claims"]):
        start, end = locate_quote(body, spec["quote"])
        claim = ClaimFactory(
            article=article,
            span_start=start,
            span_end=end,
            quote=body[start:end],
            text=spec["text"],
            claimant=spec["claimant"],
            status=ClaimStatus.APPROVED,
            assignee=reviewer,
        )
        verdict = VerdictFactory(
            claim=claim,
            author=reviewer,
            rating=Rating.objects.get(label=RATINGS[i % len(RATINGS)]),
            explanation="The cited study measured a cognitive bias four hours after one dose, in a small sample.",
            submitted_at=timezone.now(),
            approved_at=timezone.now(),
            approved_by=editor,
        )
        candidate = CandidateSourceFactory(
            claim=claim,
            title="Evaluation of Early Ketamine Effects on Belief-Updating Biases in Patients With Treatment-Resistant "
            "Depression",
            authors=["Bottemanne H", "Berkovitch L", "Gauld C", "Balcerac A", "Schmidt L"],
            journal="JAMA Psychiatry",
            year=2022,
            is_retracted=(i == 3),
            study={"kind": "observational", "peer_review": "peer_reviewed", "journal": "JAMA Psychiatry"},
        )
        EvidenceFactory(verdict=verdict, candidate=candidate, stance="supports" if i % 2 == 0 else "context")
    return article


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_editor_publishes_the_seed_check_and_readers_open_it_on_phone_and_desktop(live_server: Any, page: Any) -> None:
    article = _seed_article_with_approved_claims()
    base = live_server.url
    problems: list[str] = []
    page.on(
        "console",
        lambda msg: problems.append(f"{page.url}: {msg.text} {msg.location}") if msg.type == "error" else None,
    )
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    # The editor publishes from the workspace.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", "elena")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Log in')")
    page.goto(f"{base}/articles/{article.pk}/")
    page.click("a:has-text('Publish the check')")
    page.fill("#id_headline", "Ketamine and depression: a real study, an overstated headline")
    page.fill("#id_summary", "The study is real and peer reviewed, but it measured optimism four hours after one dose.")
    page.fill("#id_assessment", "The article reports the study fairly but its headline claims more than it showed.")
    page.click("button:has-text('Save draft')")
    page.wait_for_selector("#publish-ready")
    _shot(page, "workspace-publish")
    page.click("button:has-text('Publish')")
    page.wait_for_selector("text=Published. Readers now see the check.")
    check = Check.objects.get(article=article)
    assert check.status == Check.Status.PUBLISHED
    page.click("header button:has-text('Log out')")

    # Readers: a phone, then a desktop. Only the public pages' own errors count from here on.
    problems.clear()
    url = f"{base}/checks/{check.slug}/"
    for name, size in (("phone", {"width": 390, "height": 844}), ("desktop", {"width": 1280, "height": 900})):
        page.set_viewport_size(size)
        response = page.goto(url)
        assert response.status == 200
        assert page.locator("h1").inner_text() == "Ketamine and depression: a real study, an overstated headline"
        assert page.locator("article.claim").count() == 4
        # Nothing runs and nothing spills sideways on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
        assert page.evaluate("document.scripts.length") == 1
        assert page.locator("#claim-4 .flag-retracted").is_visible()
        # Each piece of evidence says what kind of study it is, from the published snapshot.
        assert page.locator("#claim-1 dl.study-card .study-kind").inner_text() == "Observational study"
        _shot(page, f"check-{name}")
        page.screenshot(path=str(_shot.folder / f"check-{name}-first-screen.png"))
        page.locator("#claim-4").screenshot(path=str(_shot.folder / f"check-{name}-claim-4.png"))
    assert not problems, problems

    # The at-a-glance list jumps to a claim, and a reader reports an error on it.
    page.click(".at-a-glance a >> nth=1")
    assert page.url.endswith("#claim-2")
    page.click("#claim-2 .report-link a")
    page.fill("#id_message", "The study had 26 participants; say so.")
    page.click("button:has-text('Send the report')")
    page.wait_for_selector("text=Thank you for your report")
    assert check.error_reports.get().claim.text.startswith("Ketamine has already demonstrated")
    _shot(page, "report-thanks")
