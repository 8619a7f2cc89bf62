"""Offline, the Sources panel says in plain words which service could not be reached and when, offers a
retry to whoever may retry, and never says "No candidate source was found." when no search ran."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sources import services
from sources.models import SourceSearch
from tests.factories import ClaimFactory, SourceSearchFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
DNS = "PubMed unreachable: could not connect to eutils.ncbi.nlm.nih.gov ([Errno -2] Name or service not known)"
SLOW = "Crossref unavailable: no answer within 10 s (4 attempts)"


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _offline(claim: Any) -> list[SourceSearch]:
    finished = timezone.make_aware(timezone.datetime(2026, 12, 2, 9, 41))
    return [
        SourceSearchFactory(claim=claim, provider="pubmed", status="failed", error=DNS, finished_at=finished),
        SourceSearchFactory(claim=claim, provider="crossref", status="failed", error=SLOW, finished_at=finished),
    ]


def _panel(user: Any, claim: Any) -> Any:
    return lxml.html.fromstring(_client(user).get(reverse("sources:panel", args=[claim.pk]), **HTMX).content)


def test_offline_the_panel_says_plainly_who_could_not_be_reached_and_when(editor: Any, assigned_claim: Any) -> None:
    _offline(assigned_claim)
    doc = _panel(editor, assigned_claim)
    items = [" ".join(li.text_content().split()) for li in doc.find_class("source-search")]
    assert any(i.startswith("PubMed: could not be reached. (2 Dec, 09:41)") for i in items)
    assert any(i.startswith("Crossref: did not answer in time") for i in items)
    # The technical line is kept, folded away, not as the message.
    assert DNS in [code.text_content() for code in doc.xpath("//details[@class='source-failure-detail']/code")]
    text = doc.text_content()
    assert "No candidate source was found." not in text
    assert "nothing has been looked for yet" in text
    assert doc.xpath("//form[contains(@class, 'source-retry')]//button")[0].text_content() == "Try them again"


def test_the_claims_reviewer_may_retry_and_another_reviewer_may_not(
    reviewer: Any, other_reviewer: Any, assigned_claim: Any
) -> None:
    _offline(assigned_claim)
    doc = _panel(reviewer, assigned_claim)
    assert doc.xpath("//form[contains(@class, 'source-retry')]")
    assert not doc.xpath("//button[normalize-space()='Find sources']")  # deciding stays with editors
    response = _client(reviewer).post(reverse("sources:retry", args=[assigned_claim.pk]), **HTMX)
    assert "Asking Crossref and PubMed again." in response.content.decode()
    assert _client(other_reviewer).post(reverse("sources:retry", args=[assigned_claim.pk])).status_code == 403


def test_a_retry_asks_again_only_the_providers_that_failed(
    editor: Any, django_capture_on_commit_callbacks: Any
) -> None:
    claim = ClaimFactory()
    _offline(claim)
    SourceSearchFactory(claim=claim, provider="openalex", status="done", result_count=0)
    with django_capture_on_commit_callbacks() as callbacks:
        searches = services.searches_retry(claim_id=claim.pk, by=editor)
    assert sorted(s.provider for s in searches) == ["crossref", "pubmed"]
    assert len(callbacks) == 2 and {s.status for s in searches} == {"pending"}
    with pytest.raises(services.ServiceError, match="already being searched"):
        services.searches_retry(claim_id=claim.pk, by=editor)
    SourceSearch.objects.filter(status="pending").update(status="done")
    with pytest.raises(services.ServiceError, match="nothing to try again"):
        services.searches_retry(claim_id=claim.pk, by=editor)


def test_when_a_search_ran_and_found_nothing_the_panel_says_so(editor: Any, assigned_claim: Any) -> None:
    SourceSearchFactory(claim=assigned_claim, provider="openalex", status="done", result_count=0)
    SourceSearchFactory(claim=assigned_claim, provider="pubmed", status="failed", error=DNS)
    text = _panel(editor, assigned_claim).text_content()
    assert "No candidate source was found." in text and "Try it again" in text


def test_a_resting_provider_is_explained() -> None:
    search = SourceSearch(provider="pubmed", error="PubMed unreachable: x Skipped until 10:05 after repeated failures.")
    assert search.failure_summary.startswith("was not asked: it failed several times in a row")
