"""In a real browser: the seed claim about JAMA Psychiatry, once published, is offered as "checked before"
for the same claim reworded in a second article; the editor marks it the same, and the second check's
public page links the first."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.utils import timezone

from claims import services as claim_services
from claims.matching import tasks
from claims.models import Check, Claim, ClaimStatus, Rating, Verdict
from claims.publishing import services as publishing
from seeds.services import seeds_load
from tests.browser import Shots, login
from tests.factories import UserFactory

_shot = Shots("checked-before")
SECOND_BODY = (
    "Doctors have a new lead against stubborn depression.\n\n"
    "According to JAMA Psychiatry, the findings point to new treatments for mood disorders that resist "
    "antidepressants. Researchers in Paris said so."
)
REWORDED = (
    "According to JAMA Psychiatry, the findings point to new treatments for mood disorders that resist antidepressants."
)


def _approve(claim: Claim, reviewer: Any, editor: Any, rating: str, explanation: str) -> None:
    Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.APPROVED, assignee=reviewer)
    Verdict.objects.create(
        claim=claim,
        author=reviewer,
        rating=Rating.objects.get(label=rating),
        explanation=explanation,
        submitted_at=timezone.now(),
        approved_at=timezone.now(),
        approved_by=editor,
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_published_jama_claim_is_offered_marked_the_same_and_linked_publicly(
    live_server: Any, page: Any, settings: Any
) -> None:
    settings.SITE_URL = live_server.url  # public links are absolute
    editor = UserFactory(username="edna", first_name="Edna", last_name="Editor", groups=["editor"])
    reviewer = UserFactory(username="rita", first_name="Rita", last_name="Reviewer", groups=["reviewer"])
    seeds_load()
    jama = Claim.objects.get(text__contains="JAMA Psychiatry", article__language="en")
    _approve(
        jama, reviewer, editor, "Mostly accurate", "The study is real, small, and measured optimism after one dose."
    )
    seed_article = jama.article
    first = publishing.check_prepare(
        article_id=seed_article.pk,
        by=editor,
        headline="Ketamine and depression: a real study, an overstated headline",
        summary="",
        assessment="",
        excluded_claim_ids=list(seed_article.claims.exclude(pk=jama.pk).values_list("pk", flat=True)),
    )
    publishing.check_publish(check_id=first.pk, by=editor)

    # A second article reports the same finding in other words; its claim is made as an editor makes it.
    article = claim_services.article_create(title="A new lead against depression", body=SECOND_BODY, by=editor)
    start = SECOND_BODY.index(REWORDED)
    claim = claim_services.claim_create(
        article=article, span_start=start, span_end=start + len(REWORDED), by=editor, search_sources=False
    )
    tasks.match_run(claim.pk)  # what the worker does once the claim is committed

    base = live_server.url
    page.set_default_timeout(15_000)
    login(page, base, "edna")
    page.wait_for_url(re.compile(r"/board/"))
    page.goto(f"{base}/claims/{claim.pk}/")
    card = page.locator("#checked-before")
    offered = card.locator(f"#similar-{claim.similar_claims.get(other=jama).pk}")
    assert "Ketamine proves effective against depression" in offered.inner_text()
    assert "Mostly accurate" in offered.inner_text() and "published" in offered.inner_text()
    _shot(page, "01-offered")
    offered.locator("button:has-text('The same claim')").click()
    card.get_by_text("Marked as the same claim.").wait_for()
    assert "The same claim as" in card.inner_text()
    _shot(page, "02-marked-the-same")
    claim.refresh_from_db()
    assert claim.same_as == jama

    # The second check is approved and published; its public page links the first check.
    _approve(claim, reviewer, editor, "Mostly accurate", "Same study as our earlier check.")
    second = publishing.check_prepare(
        article_id=article.pk,
        by=editor,
        headline="A new lead, the same study",
        summary="",
        assessment="",
        excluded_claim_ids=[],
    )
    publishing.check_publish(check_id=second.pk, by=editor)
    page.goto(f"{base}/checks/{Check.objects.get(pk=second.pk).slug}/")
    link = page.locator(".earlier-check a")
    assert link.inner_text() == "Ketamine and depression: a real study, an overstated headline"
    _shot(page, "03-second-public-page")
    link.click()
    page.wait_for_url(re.compile(rf"/checks/{first.slug}/#claim-{jama.number}$"))
    _shot(page, "04-first-public-page")
