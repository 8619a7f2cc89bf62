"""In a real browser: import the seed article, pick part of a sentence, assign, review, send back, approve."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from claims.models import Claim, ClaimEvent, ClaimStatus, Evidence, Verdict
from tests.browser import Shots, login, logout
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
SEED_TEXT = (ROOT / "seeds" / "data" / "ketamine-depression.txt").read_text(encoding="utf-8")
_shot = Shots("workspace")
# Part of a sentence: the sentence goes on with "“not the most commonly prescribed antidepressants”".
PART = "one in three people affected by depression does not answer"


def _select_text(page: Any, words: str) -> None:
    """Select ``words`` in the article the way a mouse drag does: a DOM range over the rendered text."""
    page.evaluate(
        """(words) => {
            const body = document.getElementById("article-body");
            const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.data.indexOf(words);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + words.length);
                    const selection = window.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    body.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
                    return;
                }
            }
            throw new Error("words not found in the article");
        }""",
        words,
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_seed_article_goes_from_import_to_approved_verdict_in_the_browser(
    live_server: Any, page: Any, settings: Any
) -> None:
    settings.SOURCES_AUTO_SEARCH = False
    UserFactory(username="edna", first_name="Edna", last_name="Editor", groups=["editor"])
    rita = UserFactory(username="rita", first_name="Rita", last_name="Reviewer", groups=["reviewer"])
    base = live_server.url
    page.set_default_timeout(10_000)

    # 1. The editor logs in and imports the seed article by pasting its text.
    login(page, base, "edna")
    page.wait_for_url(re.compile(r"/board/"))
    _shot(page, "01-editor-board-empty")
    page.goto(f"{base}/import/")
    page.fill("#id_text", SEED_TEXT)
    page.fill("#id_title", "Ketamine proves effective against depression")
    page.fill("#id_outlet", "Example News")
    page.click("button:has-text('Import article')")
    page.wait_for_url(re.compile(r"/articles/\d+/$"))
    _shot(page, "02-article-imported")

    # 2. A claim from part of a sentence, picked by selecting it in the text.
    _select_text(page, PART)
    page.wait_for_function(f"document.querySelector('#claim-form [name=quote]').value === {PART!r}")
    page.fill("#claim-form [name=text]", "One in three people with depression do not respond to common antidepressants")
    page.fill("#claim-form [name=claimant]", "CNRS")
    _shot(page, "03-selection-fills-the-claim-form")
    page.click("#claim-form button:has-text('Make a claim')")
    page.locator("#article-body mark.claim-mark", has_text=PART).wait_for()
    claim = Claim.objects.get()
    assert claim.quote == PART
    assert claim.article.body[claim.span_start : claim.span_end] == PART
    _shot(page, "04-claim-highlighted")

    # 3. Assign it to the reviewer with a due date.
    page.click(f"#claim-{claim.pk} a")
    page.wait_for_url(re.compile(rf"/claims/{claim.pk}/$"))
    due = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    page.select_option("#claim-main select[name=reviewer]", str(rita.pk))
    page.fill("#claim-main input[name=due_date]", due)
    page.fill("#claim-main textarea[name=note]", "Find the CNRS press release.")
    page.click("#claim-main button:has-text('Assign')")
    page.get_by_text("Assigned to Rita Reviewer").wait_for()
    _shot(page, "05-assigned")
    logout(page)

    # 4. The reviewer starts the review, records the verdict and submits it.
    login(page, base, "rita")
    page.wait_for_url(re.compile(r"/queue/"))
    _shot(page, "06-reviewer-queue")
    page.click(f"#claim-{claim.pk} h2 a")
    page.click("button:has-text('Start the review')")
    page.locator("#verdict-form").wait_for()
    page.click(".rating-option:has-text('Mostly accurate')")
    page.fill("#id_explanation", "The CNRS release says one in three patients do not respond to first-line drugs.")
    page.select_option("#id_confidence", "medium")
    page.get_by_text(re.compile(r"Draft saved at .* \(version \d+\)")).wait_for()
    # A draft save still on its way may redraw the form and close the folded citation form: open it again.
    for _ in range(3):
        if page.locator("#id_ev_doi").is_visible():
            break
        page.click("summary:has-text('Add a citation')")
        page.wait_for_timeout(300)
    page.fill("#id_ev_doi", "10.1001/jamapsychiatry.2022.0001")
    page.fill("#id_ev_locator", "Figure 2")
    page.click("button:has-text('Add the citation')")
    page.get_by_text("doi:10.1001/jamapsychiatry.2022.0001").wait_for()
    _shot(page, "07-verdict-draft")
    page.click("button:has-text('Submit for approval')")
    page.get_by_text("Verdict submitted for approval").wait_for()
    _shot(page, "08-submitted")
    logout(page)

    # 5. The editor sends it back once, with a note.
    login(page, base, "edna")
    page.goto(f"{base}/claims/{claim.pk}/")
    page.fill("#id_send_back_note", "Quote the release's exact figure.")
    page.click("button:has-text('Send back to the reviewer')")
    page.get_by_text("Sent back to the reviewer").wait_for()
    _shot(page, "09-sent-back")
    logout(page)

    # 6. The reviewer resumes, revises and resubmits.
    login(page, base, "rita")
    page.goto(f"{base}/claims/{claim.pk}/")
    # The editor's note stands above the verdict, where the reviewer works (and in the timeline).
    page.locator("#verdict .flash.warning", has_text="Quote the release's exact figure.").wait_for()
    page.click("button:has-text('Resume the review')")
    page.get_by_text("Review resumed").wait_for()
    page.fill("#id_explanation", "The CNRS release: “one in three people affected by depression does not answer”.")
    page.click("button:has-text('Submit for approval')")
    page.get_by_text("Verdict submitted for approval").wait_for()
    _shot(page, "10-resubmitted")
    logout(page)

    # 7. The editor approves; the verdict is locked.
    login(page, base, "edna")
    page.goto(f"{base}/claims/{claim.pk}/")
    page.click("button:has-text('Approve the verdict')")
    page.get_by_text("The verdict is locked").wait_for()
    _shot(page, "11-approved")

    claim.refresh_from_db()
    verdict = Verdict.objects.get(claim=claim)
    assert claim.status == ClaimStatus.APPROVED
    assert verdict.rating.label == "Mostly accurate"
    assert verdict.explanation.startswith("The CNRS release: “one in three")
    assert Evidence.objects.filter(verdict=verdict, locator="Figure 2").exists()
    moves = list(ClaimEvent.objects.filter(claim=claim, kind="status").values_list("action", flat=True))
    assert moves == ["assign", "start_review", "submit", "request_changes", "start_review", "submit", "approve"]
    assert len(list(_shot.folder.glob("*.png"))) >= 11


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_workspace_pages_fit_a_phone_screen(live_server: Any, page: Any, settings: Any) -> None:
    from tests.factories import ClaimFactory, VerdictFactory

    settings.SOURCES_AUTO_SEARCH = False
    UserFactory(username="edna", first_name="Edna", last_name="Editor", groups=["editor"])
    rita = UserFactory(username="rita", first_name="Rita", last_name="Reviewer", groups=["reviewer"])
    claim = ClaimFactory(status=ClaimStatus.SUBMITTED, assignee=rita, due_date=timezone.localdate())
    VerdictFactory(claim=claim, author=rita, submitted_at=timezone.now())
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server.url, "edna")
    page.wait_for_url(re.compile(r"/board/"))
    for path in [
        "/board/",
        f"/articles/{claim.article_id}/",
        f"/claims/{claim.pk}/",
        f"/articles/{claim.article_id}/publish/",
        "/error-reports/",
        "/import/",
    ]:
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width}px wide on a 390px screen"
        # The account links stay inside the dark top bar, where they are readable.
        bar = page.locator("header.topbar").bounding_box()
        logout_box = page.locator("header button:has-text('Log out')").bounding_box()
        assert bar and logout_box and logout_box["y"] + logout_box["height"] <= bar["y"] + bar["height"] + 1, path
    _shot(page, "12-board-on-a-phone")
