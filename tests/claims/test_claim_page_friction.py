"""The claim and article pages as people use them: decisions after the evidence, what changed between two
submissions, conflict messages that say where the newer version is, who the reviewers are, reading the article."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

from claims import services
from claims.models import ClaimStatus, Rating
from claims.selectors import word_diff
from tests.factories import ArticleFactory, ClaimFactory, UserFactory, VerdictFactory

pytestmark = pytest.mark.django_db
S = ClaimStatus
HTMX = {"HTTP_HX_REQUEST": "true"}


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _position(html: str, needle: str) -> int:
    at = html.find(needle)
    assert at != -1, needle
    return at


def test_submit_and_the_editors_decisions_come_after_the_evidence(editor: Any, reviewer: Any) -> None:
    drafting = ClaimFactory(status=S.IN_REVIEW, assignee=reviewer)
    VerdictFactory(claim=drafting)
    html = _client(reviewer).get(reverse("claims:claim", args=[drafting.pk])).content.decode()
    assert _position(html, 'id="evidence"') < _position(html, ">Submit for approval</button>")
    doc = lxml.html.fromstring(html)
    [submit] = doc.xpath("//button[normalize-space()='Submit for approval']")
    assert submit.get("form") == "verdict-form"  # outside the form, still its button (no JavaScript needed)
    assert submit.get("formaction") == reverse("claims:verdict_submit", args=[drafting.pk])
    waiting = ClaimFactory(status=S.SUBMITTED, assignee=reviewer)
    VerdictFactory(claim=waiting)
    html = _client(editor).get(reverse("claims:claim", args=[waiting.pk])).content.decode()
    assert _position(html, 'id="evidence"') < _position(html, "Approve the verdict")
    assert _position(html, 'id="evidence"') < _position(html, "Send back to the reviewer")


def test_submit_outside_the_form_still_submits_the_typed_verdict(reviewer: Any) -> None:
    claim = ClaimFactory(status=S.IN_REVIEW, assignee=reviewer)
    verdict = VerdictFactory(claim=claim, rating=None, explanation="")
    rating = Rating.objects.order_by("-value").first()
    response = _client(reviewer).post(
        reverse("claims:verdict_submit", args=[claim.pk]),
        {"rating": rating.pk, "explanation": "Typed then submitted", "confidence": "", "version": verdict.version},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == S.SUBMITTED and claim.verdict.explanation == "Typed then submitted"


def _round_trip(editor: Any, reviewer: Any) -> Any:
    claim = ClaimFactory()
    services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor)
    services.review_start(claim_id=claim.pk, by=reviewer)
    misleading, accurate = Rating.objects.get(label="Misleading"), Rating.objects.get(label="Accurate")
    verdict = claim.verdict
    services.verdict_save_draft(
        claim_id=claim.pk,
        by=reviewer,
        version=verdict.version,
        rating_id=misleading.pk,
        explanation="The study measured optimism in 26 patients.",
    )
    services.evidence_add(claim_id=claim.pk, by=reviewer, stance="refutes", doi="10.1001/jamapsychiatry.2022.2996")
    services.verdict_submit(claim_id=claim.pk, by=reviewer)
    services.verdict_send_back(claim_id=claim.pk, by=editor, note="Say what the primary outcome was.")
    services.review_start(claim_id=claim.pk, by=reviewer)
    verdict.refresh_from_db()
    services.verdict_save_draft(
        claim_id=claim.pk,
        by=reviewer,
        version=verdict.version,
        rating_id=accurate.pk,
        explanation="The study measured depression scores in 26 patients.",
        confidence="high",
    )
    services.evidence_add(claim_id=claim.pk, by=reviewer, stance="supports", url="https://example.org/release")
    services.verdict_submit(claim_id=claim.pk, by=reviewer)
    return claim


def test_after_a_send_back_the_editor_sees_what_changed_between_the_two_submissions(editor: Any, reviewer: Any) -> None:
    claim = _round_trip(editor, reviewer)
    doc = lxml.html.fromstring(_client(editor).get(reverse("claims:claim", args=[claim.pk])).content)
    diff = doc.get_element_by_id("submission-diff")
    assert diff.get("open") is not None  # awaiting approval: shown open where the editor decides
    text = " ".join(diff.text_content().split())
    assert "Rating: before: Misleading → now: Accurate" in text
    assert "Confidence: before: not set → now: High" in text
    assert [d.text_content() for d in diff.xpath(".//div[@class='diff-text']/del")] == ["[removed: optimism]"]
    assert [i.text_content() for i in diff.xpath(".//div[@class='diff-text']/ins")] == ["[added: depression scores]"]
    assert "Evidence added: https://example.org/release" in text
    # The reviewer sees it too; a claim submitted once has nothing to compare.
    assert "submission-diff" in _client(reviewer).get(reverse("claims:claim", args=[claim.pk])).content.decode()
    once = ClaimFactory(status=S.SUBMITTED, assignee=reviewer)
    VerdictFactory(claim=once)
    assert "submission-diff" not in _client(editor).get(reverse("claims:claim", args=[once.pk])).content.decode()


def test_word_diff_keeps_the_text_and_marks_changes() -> None:
    runs = word_diff("One in three people.", "One in four people, say researchers.")
    assert "".join(text for op, text in runs if op != "del") == "One in four people, say researchers."
    assert "".join(text for op, text in runs if op != "ins") == "One in three people."
    assert ("del", "three") in runs and ("ins", "four") in runs


def test_a_stale_save_says_where_the_newer_version_is(reviewer: Any) -> None:
    claim = ClaimFactory(status=S.IN_REVIEW, assignee=reviewer)
    VerdictFactory(claim=claim, explanation="Their text.", version=2)
    client = _client(reviewer)
    html = client.post(reverse("claims:verdict_save", args=[claim.pk]), {"explanation": "Mine", "version": 1}).content
    page = html.decode()
    message = lxml.html.fromstring(html).xpath("//p[@role='alert']")[0].text_content()
    assert "“The newer version”, just above the form" in message and "below" not in message
    # The box it names is indeed above the form.
    assert _position(page, "The newer version (version 2)") < _position(page, 'id="verdict-form"')
    autosave = client.post(
        reverse("claims:verdict_save", args=[claim.pk]), {"explanation": "Mine", "version": 1, "autosave": "1"}, **HTMX
    ).content.decode()
    assert "your text is still in the form" in autosave and "below" not in autosave and "Newer version 2" in autosave


def test_the_reviewer_list_names_the_username_and_the_open_load(editor: Any) -> None:
    twin_a = UserFactory(username="jmartin", first_name="Jo", last_name="Martin", groups=["reviewer"])
    UserFactory(username="jmartin2", first_name="Jo", last_name="Martin", groups=["reviewer"])
    for status in (S.ASSIGNED, S.IN_REVIEW, S.SUBMITTED, S.APPROVED):
        ClaimFactory(status=status, assignee=twin_a)
    claim = ClaimFactory()
    doc = lxml.html.fromstring(_client(editor).get(reverse("claims:claim", args=[claim.pk])).content)
    options = [o.text_content() for o in doc.xpath("//select[@name='reviewer']/option")]
    assert "Jo Martin (jmartin) · 3 open claims" in options  # approved work is not on the queue
    assert "Jo Martin (jmartin2) · 0 open claims" in options


def test_a_reviewer_reads_the_article_of_a_claim_they_review_with_their_claims_highlighted(
    reviewer: Any, other_reviewer: Any
) -> None:
    article = ArticleFactory()
    mine = ClaimFactory(article=article, status=S.IN_REVIEW, assignee=reviewer, span_start=0, span_end=31)
    ClaimFactory(article=article, status=S.ASSIGNED, assignee=other_reviewer, span_start=33, span_end=60)
    response = _client(reviewer).get(reverse("claims:article", args=[article.pk]))
    assert response.status_code == 200
    doc = lxml.html.fromstring(response.content)
    marks = doc.find_class("claim-mark")
    assert [m.get("data-claims") for m in marks] == [str(mine.pk)]
    assert not doc.xpath("//form[@id='claim-form']") and "claim-picker.js" not in response.content.decode()
    assert not doc.xpath("//section[@id='suggestions']")  # the editors' hints are not shown
    assert doc.xpath(f"//a[@href='{reverse('claims:claim', args=[mine.pk])}']")
    stranger = UserFactory(groups=["reviewer"])
    refused = _client(stranger).get(reverse("claims:article", args=[article.pk]))
    assert refused.status_code == 403 and "claims is assigned to you" in refused.content.decode()
    # From the claim page the reviewer reaches the article.
    claim_page = _client(reviewer).get(reverse("claims:claim", args=[mine.pk])).content.decode()
    assert f'href="{reverse("claims:article", args=[article.pk])}#claim-{mine.pk}"' in claim_page
