"""Screenshot checks of the friction the browser walk found: the board and the publish page on a phone, the
claim page's order and diff, the Sources panel offline, the hints of a long story, the corrections log."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone

from claims import services
from claims.models import ClaimStatus, Rating
from claims.publishing import services as publishing
from seeds.services import seeds_load
from tests.browser import Shots, login, logout
from tests.claims.publishing.test_browser import _seed_article_with_approved_claims
from tests.factories import ClaimFactory, SourceSearchFactory, UserFactory

_shot = Shots("friction")
PHONE = {"width": 390, "height": 844}
S = ClaimStatus


def _inside(page: Any, selector: str, width: int = 390) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_board_and_the_publish_page_keep_what_matters_on_a_phone(live_server: Any, page: Any) -> None:
    article = _seed_article_with_approved_claims()
    reviewer = UserFactory(username="ruth", first_name="Ruth", last_name="Longname-Reviewer", groups=["reviewer"])
    today = timezone.localdate()
    open_claim = ClaimFactory(
        article=article,
        status=S.ASSIGNED,
        assignee=reviewer,
        due_date=today - dt.timedelta(days=1),
        text="Changes requested on a long claim about depression treatments that do not work for everyone",
    )
    base = live_server.url
    page.set_viewport_size(PHONE)
    login(page, base, "elena")
    page.wait_for_url(re.compile(r"/board/"))
    _shot(page, "01-board-phone")
    assert _inside(page, "table.board th:has-text('Reviewer')") and _inside(page, "table.board th:has-text('Due')")
    assert _inside(page, "table.board td:has-text('Ruth')")
    _shot(page, "01-board-phone")
    # Words filter the board as they are typed, without an Apply button.
    assert (
        page.locator(".filters button:has-text('Apply')").count() == 0
        or not page.locator(".filters button:has-text('Apply')").is_visible()
    )
    page.fill("#f-q", "long claim about depression")
    page.wait_for_function("document.querySelectorAll('table.board tbody tr').length === 1")
    assert re.search(r"q=long(\+|%20)claim", page.url)
    _shot(page, "02-board-words-phone")

    page.goto(f"{base}/articles/{article.pk}/publish/")
    assert page.input_value("#id_headline") == ""
    assert _inside(page, "th:has-text('Leave out')") and _inside(page, "input[name=excluded]")
    page.check(f"#publish-claim-{open_claim.pk} input[name=excluded]")
    _shot(page, "03-publish-phone")
    page.click("button:has-text('Publish')")
    page.get_by_text("The check cannot be published yet").wait_for()
    blockers = page.locator("#publish-blockers li")
    assert blockers.count() == 1 and "Write a headline" in blockers.first.inner_text()
    assert page.get_by_text("Write a headline for the check.").count() == 1
    _shot(page, "04-publish-refused-phone")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_resubmitted_verdict_shows_its_changes_above_the_decisions_that_follow_the_evidence(
    live_server: Any, page: Any, settings: Any
) -> None:
    settings.SOURCES_AUTO_SEARCH = False
    editor = UserFactory(username="edna", first_name="Edna", last_name="Editor", groups=["editor"])
    rita = UserFactory(username="rita", first_name="Rita", last_name="Reviewer", groups=["reviewer"])
    claim = ClaimFactory(text="Ketamine works within hours")
    services.claim_assign(claim_id=claim.pk, reviewer_id=rita.pk, due_date=None, by=editor)
    services.review_start(claim_id=claim.pk, by=rita)
    verdict = claim.verdict
    misleading, accurate = Rating.objects.get(label="Misleading"), Rating.objects.get(label="Accurate")
    services.verdict_save_draft(
        claim_id=claim.pk,
        by=rita,
        version=verdict.version,
        rating_id=misleading.pk,
        explanation="The study measured optimism four hours after one dose.",
    )
    services.evidence_add(claim_id=claim.pk, by=rita, stance="refutes", doi="10.1001/jamapsychiatry.2022.2996")
    services.verdict_submit(claim_id=claim.pk, by=rita)
    services.verdict_send_back(claim_id=claim.pk, by=editor, note="Say what the primary outcome was.")
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})

    login(page, base, "rita")
    page.goto(f"{base}/claims/{claim.pk}/")
    page.click("button:has-text('Resume the review')")
    page.get_by_text("Review resumed").wait_for()
    evidence_box = page.locator("#evidence").bounding_box()
    submit_box = page.locator("button:has-text('Submit for approval')").bounding_box()
    assert submit_box["y"] > evidence_box["y"] + evidence_box["height"] - 1
    page.fill("#id_explanation", "The study measured depression scores four hours after one dose.")
    page.click(".rating-option:has-text('Accurate') >> nth=0")
    page.get_by_text(re.compile(r"Draft saved at")).wait_for()
    _shot(page, "05-reviewer-submit-below-evidence")
    page.click("button:has-text('Submit for approval')")
    page.get_by_text("Verdict submitted for approval").wait_for()
    logout(page)

    login(page, base, "edna")
    page.goto(f"{base}/claims/{claim.pk}/")
    diff = page.locator("#submission-diff")
    diff.wait_for()
    assert page.locator("#submission-diff del", has_text="optimism").count() == 1
    assert page.locator("#submission-diff ins", has_text="depression scores").count() == 1
    evidence_box = page.locator("#evidence").bounding_box()
    approve_box = page.locator("button:has-text('Approve the verdict')").bounding_box()
    assert diff.bounding_box()["y"] < evidence_box["y"] < approve_box["y"]
    page.locator("#verdict").screenshot(path=str(_shot.folder / "06-editor-sees-the-diff.png"))
    assert accurate.label in diff.inner_text()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_offline_the_sources_panel_says_what_failed_and_offers_a_retry(live_server: Any, page: Any) -> None:
    editor = UserFactory(username="edna", groups=["editor"])
    rita = UserFactory(username="rita", groups=["reviewer"])
    claim = ClaimFactory(status=S.ASSIGNED, assignee=rita)
    finished = timezone.now()
    for provider, error in (
        (
            "crossref",
            "Crossref unreachable: could not connect to api.crossref.org ([Errno -2] Name or service not known)",
        ),
        (
            "pubmed",
            "PubMed unreachable: could not connect to eutils.ncbi.nlm.nih.gov ([Errno -2] Name or service not known)",
        ),
    ):
        SourceSearchFactory(claim=claim, provider=provider, status="failed", error=error, finished_at=finished)
    base = live_server.url
    for who in (editor.username, rita.username):
        login(page, base, who)
        page.goto(f"{base}/claims/{claim.pk}/")
        panel = page.locator("#sources-panel")
        panel.get_by_text("could not be reached.").first.wait_for()
        assert "Errno" not in panel.inner_text()  # the detail stays folded
        assert "No candidate source was found." not in panel.inner_text()
        assert panel.locator("button:has-text('Try them again')").is_visible()
        panel.screenshot(path=str(_shot.folder / f"07-sources-offline-{who}.png"))
        logout(page)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_seed_article_shows_its_best_hints_and_the_corrections_log_says_the_date_once(
    live_server: Any, page: Any
) -> None:
    seeds_load()
    UserFactory(username="edna", groups=["editor"])
    from claims.models import Article

    seed = Article.objects.get(language="en")  # the English seed; the French one sits beside it
    # Before any claim is picked, every check-worthy sentence of the story is a hint.
    seed.claims.all().delete()
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, base, "edna")
    page.goto(f"{base}/articles/{seed.pk}/")
    visible = page.locator("#suggestions li.hint:visible")
    assert visible.count() == 5
    page.locator("#suggestions").screenshot(path=str(_shot.folder / "08-best-hints.png"))
    page.click("summary:has-text('more sentence')")
    assert page.locator("#suggestions li.hint:visible").count() > 5

    cache.clear()
    article = _seed_article_with_approved_claims()
    editor = UserFactory(username="elena")
    check = publishing.check_prepare(
        article_id=article.pk,
        by=editor,
        headline="Ketamine: a real study",
        summary="",
        assessment="",
        excluded_claim_ids=[],
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        publishing.check_publish(check_id=check.pk, by=editor)
    claim = article.claims.order_by("span_start").first()
    publishing.claim_reopen_for_correction(claim_id=claim.pk, by=editor, note="Explain better")
    reviewer = claim.assignee
    services.review_start(claim_id=claim.pk, by=reviewer)
    verdict = claim.verdict
    verdict.refresh_from_db()
    services.verdict_save_draft(
        claim_id=claim.pk,
        by=reviewer,
        version=verdict.version,
        rating_id=verdict.rating_id,
        explanation="A clearer explanation.",
    )
    services.verdict_submit(claim_id=claim.pk, by=reviewer)
    services.verdict_approve(claim_id=claim.pk, by=editor)
    with TestCase.captureOnCommitCallbacks(execute=True):
        publishing.check_publish(
            check_id=check.pk, by=editor, reason="A reader pointed out the explanation was unclear"
        )
    page.goto(f"{base}/checks/{check.slug}/#corrections")
    log = page.locator("#corrections li").first.inner_text()
    assert re.fullmatch(
        r"\d{1,2} \w+ \d{4} \(version 2\): The explanation of claim 1 was revised because a reader pointed out "
        r"the explanation was unclear\.",
        log,
    ), log
    page.locator("#corrections").screenshot(path=str(_shot.folder / "09-corrections-log.png"))
