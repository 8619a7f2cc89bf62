"""The Sources panel: the polled fragment and each POST, with and without htmx; who may do what."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pytest_httpserver import HTTPServer

from claims.models import ClaimEvent, ClaimStatus
from sources import selectors
from sources.models import CandidateSource, SourceSearch
from tests.factories import CandidateSourceFactory, ClaimFactory, SourceSearchFactory
from tests.sources.conftest import BOTTEMANNE_DOI, data

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def candidate(assigned_claim: Any) -> CandidateSource:
    return CandidateSourceFactory(claim=assigned_claim, title="Early ketamine effects", score=9.5)


def test_editor_sees_candidates_and_decision_forms(editor: Any, candidate: CandidateSource) -> None:
    SourceSearchFactory(claim=candidate.claim, provider="crossref", status="done", result_count=5)
    response = _client(editor).get(reverse("sources:panel", args=[candidate.claim_id]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Early ketamine effects" in html and "Crossref" in html and "5 records" in html
    assert reverse("sources:confirm", args=[candidate.pk]) in html
    assert "hx-trigger" not in html  # nothing running: no polling


def test_a_long_author_list_ends_with_a_single_full_stop(editor: Any, assigned_claim: Any) -> None:
    CandidateSourceFactory(claim=assigned_claim, authors=["Bottemanne H", "Morlaas O", "Claret A", "Schmidt L"])
    html = _client(editor).get(reverse("sources:panel", args=[assigned_claim.pk])).content.decode()
    assert "Bottemanne H, Morlaas O, Claret A, et al. " in html
    assert "et al.." not in html


def test_panel_polls_while_a_search_runs_and_stops_when_done(editor: Any, claim: Any) -> None:
    search = SourceSearchFactory(claim=claim, provider="pubmed", status="running")
    url = reverse("sources:panel", args=[claim.pk])
    assert 'hx-trigger="every 2s"' in _client(editor).get(url, **HTMX).content.decode()
    SourceSearch.objects.filter(pk=search.pk).update(status="failed", error="PubMed unreachable: no route")
    html = _client(editor).get(url, **HTMX).content.decode()
    assert "hx-trigger" not in html and "PubMed unreachable: no route" in html


def test_assignee_sees_the_panel_read_only(reviewer: Any, candidate: CandidateSource) -> None:
    html = _client(reviewer).get(reverse("sources:panel", args=[candidate.claim_id])).content.decode()
    assert "Early ketamine effects" in html
    assert "Confirm or dispute" not in html and "Find sources" not in html


def test_other_reviewer_and_outsider_are_refused(
    other_reviewer: Any, outsider: Any, candidate: CandidateSource
) -> None:
    url = reverse("sources:panel", args=[candidate.claim_id])
    assert _client(other_reviewer).get(url).status_code == 403
    assert _client(outsider).get(url).status_code == 403


def test_panel_selector_query_count(editor: Any, django_assert_max_num_queries: Any) -> None:
    claim = ClaimFactory()
    for provider in ("crossref", "pubmed", "europepmc", "openalex"):
        SourceSearchFactory(claim=claim, provider=provider, status="done")
    CandidateSourceFactory.create_batch(12, claim=claim)
    editor._factcheck_groups = {"editor"}
    with django_assert_max_num_queries(2):
        panel = selectors.sources_panel(claim=claim, user=editor)["panel"]
    assert len(panel["publications"]) == 12 and len(panel["searches"]) == 4


def test_confirm_without_javascript_redirects_to_the_claim_and_audits(editor: Any, candidate: CandidateSource) -> None:
    response = _client(editor).post(
        reverse("sources:confirm", args=[candidate.pk]), {"reason": "cited_source", "note": "The paper cited."}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("claims:claim", args=[candidate.claim_id]))
    candidate.refresh_from_db()
    assert (candidate.decision, candidate.decision_reason, candidate.decided_by) == (
        "confirmed",
        "cited_source",
        editor,
    )
    event = ClaimEvent.objects.get(claim=candidate.claim, kind="source")
    assert event.action == "confirm" and event.note == "The paper cited." and event.actor == editor
    assert list(selectors.confirmed_sources(claim=candidate.claim)) == [candidate]


def test_dispute_with_htmx_returns_the_panel_and_revises_the_decision(editor: Any, candidate: CandidateSource) -> None:
    client = _client(editor)
    client.post(reverse("sources:confirm", args=[candidate.pk]), {"reason": "relevant_evidence"})
    response = client.post(
        reverse("sources:dispute", args=[candidate.pk]), {"reason": "wrong_paper", "note": "Another cohort."}, **HTMX
    )
    assert response.status_code == 200
    assert 'id="sources-panel"' in response.content.decode() and "Disputed: wrong paper" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.decision == "disputed" and candidate.decision_note == "Another cohort."
    actions = list(ClaimEvent.objects.filter(claim=candidate.claim, kind="source").values_list("action", flat=True))
    assert actions == ["confirm", "redispute"]
    assert not selectors.confirmed_sources(claim=candidate.claim).exists()


def test_a_decision_without_a_reason_is_refused_with_a_sentence(editor: Any, candidate: CandidateSource) -> None:
    response = _client(editor).post(reverse("sources:confirm", args=[candidate.pk]), {"reason": "wrong_paper"}, **HTMX)
    assert response.status_code == 200
    assert "Say why: “the cited source” or “relevant evidence”." in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.decision == "suggested"


def test_assignee_cannot_decide(reviewer: Any, candidate: CandidateSource) -> None:
    response = _client(reviewer).post(reverse("sources:confirm", args=[candidate.pk]), {"reason": "cited_source"})
    assert response.status_code == 403
    candidate.refresh_from_db()
    assert candidate.decision == "suggested"


@pytest.mark.parametrize("name", ["sources:find", "sources:add"])
def test_post_only_urls_answer_405_to_get(editor: Any, claim: Any, name: str) -> None:
    assert _client(editor).get(reverse(name, args=[claim.pk])).status_code == 405


def test_find_sources_starts_searches_once(editor: Any, claim: Any, django_capture_on_commit_callbacks: Any) -> None:
    client = _client(editor)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("sources:find", args=[claim.pk]), **HTMX)
    assert response.status_code == 200 and 'hx-trigger="every 2s"' in response.content.decode()
    assert len(callbacks) == 4
    again = client.post(reverse("sources:find", args=[claim.pk]), follow=True)
    assert "Sources are already being searched for this claim" in again.content.decode()
    assert SourceSearch.objects.filter(claim=claim).count() == 4


def test_add_by_doi_resolves_through_the_providers(fake_apis: HTTPServer, editor: Any, claim: Any) -> None:
    fake_apis.expect_request(f"/crossref/works/{BOTTEMANNE_DOI}").respond_with_data(
        data("crossref/work_bottemanne.json")
    )
    fake_apis.expect_request("/pubmed/esearch.fcgi").respond_with_data(data("pubmed/esearch_doi.json"))
    fake_apis.expect_request("/pubmed/efetch.fcgi").respond_with_data(data("pubmed/efetch_bottemanne.xml"))
    fake_apis.expect_request("/europepmc/search").respond_with_data(data("europepmc/search_doi_core.json"))
    fake_apis.expect_request(f"/openalex/works/doi:{BOTTEMANNE_DOI}").respond_with_data(
        data("openalex/work_bottemanne.json")
    )
    response = _client(editor).post(
        reverse("sources:add", args=[claim.pk]), {"identifier": f"https://doi.org/{BOTTEMANNE_DOI}"}, **HTMX
    )
    assert response.status_code == 200
    added = CandidateSource.objects.get(claim=claim)
    assert (added.doi, added.pmid, added.journal) == (BOTTEMANNE_DOI, "36169969", "JAMA Psychiatry")
    assert "manual" in added.providers and "pubmed" in added.providers
    assert ClaimEvent.objects.filter(claim=claim, kind="source", action="add").exists()


def test_add_refuses_what_is_not_a_doi_or_pmid(editor: Any, claim: Any) -> None:
    response = _client(editor).post(reverse("sources:add", args=[claim.pk]), {"identifier": "a study"}, follow=True)
    assert "is neither a DOI" in response.content.decode()
    assert not CandidateSource.objects.filter(claim=claim).exists()


def test_add_offline_says_each_provider_is_unreachable(editor: Any, claim: Any) -> None:
    response = _client(editor).post(reverse("sources:add", args=[claim.pk]), {"identifier": "36169969"}, **HTMX)
    html = response.content.decode()
    assert "Could not look up “36169969”" in html and "PubMed unreachable" in html
    assert not CandidateSource.objects.filter(claim=claim).exists()


def test_a_source_attached_as_evidence_cannot_be_disputed(
    editor: Any, reviewer: Any, candidate: CandidateSource
) -> None:
    from claims.models import Evidence, Verdict

    candidate.claim.status = ClaimStatus.IN_REVIEW
    candidate.claim.save()
    verdict = Verdict.objects.create(claim=candidate.claim, author=reviewer)
    _client(editor).post(reverse("sources:confirm", args=[candidate.pk]), {"reason": "cited_source"})
    Evidence.objects.create(verdict=verdict, candidate=candidate, stance="supports", added_by=reviewer)
    response = _client(editor).post(reverse("sources:dispute", args=[candidate.pk]), {"reason": "wrong_paper"}, **HTMX)
    assert "attached as evidence" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.decision == "confirmed"


def test_provider_links_that_are_not_web_links_are_dropped() -> None:
    from sources.services import _web_link

    assert _web_link("javascript:alert(1)") == ""
    assert _web_link(" JaVaScRiPt:alert(1)") == ""
    assert _web_link("data:text/html,hi") == ""
    assert _web_link("https://doi.org/10.1001/x") == "https://doi.org/10.1001/x"


def test_a_doi_with_control_characters_is_not_a_doi() -> None:
    from sources import normalize

    assert normalize.doi("10.1000/\x00abc") == ""
    assert normalize.doi("10.1000/ab\x1fc") == ""
    assert normalize.doi("10.1001/jamapsychiatry.2022.2996") == "10.1001/jamapsychiatry.2022.2996"


def test_the_panel_shows_the_study_card_confidence_and_the_overclaim_note(editor: Any, jama_claim: Any) -> None:
    CandidateSourceFactory(
        claim=jama_claim,
        title="Early ketamine effects on belief updating",
        rank=1,
        confident=True,
        study={"kind": "observational", "peer_review": "peer_reviewed", "journal": "JAMA Psychiatry"},
    )
    html = " ".join(_client(editor).get(reverse("sources:panel", args=[jama_claim.pk])).content.decode().split())
    assert "Confident match" in html and "Observational study" in html and "Peer-reviewed journal" in html
    # The seed's headline says ketamine "proves effective": more than an observational study can show.
    assert 'class="overclaim-note"' in html and "“proves”" in html
