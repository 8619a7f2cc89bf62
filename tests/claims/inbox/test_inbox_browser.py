"""In a real browser: a reviewer finds "sent back" in the inbox with the editor's note and the count drops
when read; an editor finds a reader's report in the inbox and reopens the claim from it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.cache import cache
from django.test import TestCase

from claims import services
from claims.models import ClaimEvent, ClaimStatus, Rating
from claims.publishing import services as publishing
from tests.browser import Shots, login, logout
from tests.claims.publishing.test_browser import _seed_article_with_approved_claims
from tests.factories import ClaimFactory, UserFactory

_shot = Shots("inbox")


def _count(page: Any) -> str:
    return " ".join((page.locator("#inbox-count").text_content() or "").split())


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_reviewer_sees_sent_back_with_the_note_and_the_count_drops_when_read(live_server: Any, page: Any) -> None:
    editor = UserFactory(username="edna", first_name="Edna", last_name="Editor", groups=["editor"])
    rita = UserFactory(username="rita", first_name="Rita", last_name="Reviewer", groups=["reviewer"])
    claim = ClaimFactory(text="One in three people with depression do not respond to usual treatment")
    services.claim_assign(claim_id=claim.pk, reviewer_id=rita.pk, due_date=None, by=editor)
    services.review_start(claim_id=claim.pk, by=rita)
    verdict = claim.verdict
    services.verdict_save_draft(
        claim_id=claim.pk,
        by=rita,
        version=verdict.version,
        rating_id=Rating.objects.get(label="Accurate").pk,
        explanation="The CNRS release says so.",
    )
    services.verdict_submit(claim_id=claim.pk, by=rita)
    base = live_server.url
    page.set_default_timeout(10_000)

    # The editor has the submission in the inbox, and sends it back from the claim page.
    login(page, base, "edna")
    page.wait_for_url(re.compile(r"/board/"))
    assert _count(page) == "1 unread"
    page.click("a.inbox-link")
    page.locator(".inbox-item", has_text="Verdict submitted").wait_for()
    _shot(page, "01-editor-inbox-submitted")
    page.click(".inbox-item a:has-text('One in three people')")
    page.wait_for_url(re.compile(rf"/claims/{claim.pk}/"))
    page.fill("#id_send_back_note", "Quote the release's exact figure, and link to it.")
    page.click("button:has-text('Send back to the reviewer')")
    page.get_by_text("Sent back to the reviewer with your note").wait_for()
    assert _count(page) == "0 unread"  # opening the item marked it read
    logout(page)

    # The reviewer: two unread (the assignment and the send-back); the note is right there.
    login(page, base, "rita")
    page.wait_for_url(re.compile(r"/queue/"))
    assert _count(page) == "2 unread"
    page.click("a.inbox-link")
    sent_back = page.locator(".inbox-item", has_text="Sent back to you")
    sent_back.wait_for()
    assert "Quote the release's exact figure, and link to it." in sent_back.inner_text()
    assert "Edna Editor" in sent_back.inner_text()
    _shot(page, "02-reviewer-inbox-sent-back")
    sent_back.locator("button:has-text('Mark as read')").click()
    page.wait_for_function("document.querySelector('#inbox-count').textContent.trim() === '1 unread'")
    assert page.locator(".inbox-item", has_text="Sent back to you").count() == 0  # the unread view leaves it
    _shot(page, "03-reviewer-inbox-after-reading")
    page.click("button:has-text('Mark all as read')")
    page.get_by_text("1 item marked as read.").wait_for()
    assert _count(page) == "0 unread"
    page.select_option("#f-show", "all")
    page.locator(".inbox-item", has_text="Sent back to you").wait_for()
    assert "show=all" in page.url
    # On a phone the inbox fits the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _shot(page, "04-reviewer-inbox-phone")
    page.goto(f"{base}/inbox/email/")
    page.uncheck("input[value='assignment']")
    page.check("input[value='digest']")
    page.click("button:has-text('Save my choices')")
    page.get_by_text("Your email choices are saved.").wait_for()
    _shot(page, "05-email-choices")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_sees_a_readers_report_in_the_inbox_and_reopens_the_claim_from_it(
    live_server: Any, page: Any
) -> None:
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
    base = live_server.url
    page.set_default_timeout(10_000)

    # A reader reports an error on claim 2 from the public page.
    page.goto(f"{base}/checks/{check.slug}/")
    page.click("#claim-2 .report-link a")
    page.fill("#id_message", "The study had 26 participants, not 260.")
    page.click("button:has-text('Send the report')")
    page.wait_for_selector("text=Thank you for your report")

    # The editor finds it in the inbox and follows it to the report.
    login(page, base, "elena")
    page.wait_for_url(re.compile(r"/board/"))
    assert _count(page) == "1 unread"
    page.click("a.inbox-link")
    item = page.locator(".inbox-item", has_text="A reader's error report")
    item.wait_for()
    assert "The study had 26 participants, not 260." in item.inner_text()
    _shot(page, "06-editor-inbox-report")
    item.locator("a").first.click()
    page.wait_for_url(re.compile(r"/error-reports/\d+/$"))
    assert _count(page) == "0 unread"
    _shot(page, "07-report-page")
    page.fill("#id_reopen_note", "A reader says the study had 26 participants: check table 1.")
    page.click("button:has-text('Reopen this claim')")
    page.get_by_text("Claim reopened and sent back to its reviewer").wait_for()
    claim = check.error_reports.get().claim
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.CHANGES_REQUESTED
    assert ClaimEvent.objects.get(claim=claim, action="reopen").data["error_report_id"]

    # The claim's timeline links back to the report.
    page.goto(f"{base}/claims/{claim.pk}/")
    link = page.locator('#timeline a:has-text("a reader\'s error report")')
    link.wait_for()
    _shot(page, "08-timeline-links-the-report")
    link.click()
    page.wait_for_url(re.compile(r"/error-reports/\d+/$"))
    logout(page)

    # The reviewer hears of the reopening.
    login(page, base, "remi")
    page.wait_for_url(re.compile(r"/queue/"))
    assert _count(page) == "1 unread"
    page.click("a.inbox-link")
    page.locator(".inbox-item", has_text="Reopened").wait_for()
    assert "check table 1" in page.locator(".inbox-item", has_text="Reopened").inner_text()
