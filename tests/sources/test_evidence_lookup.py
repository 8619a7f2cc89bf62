"""Evidence typed by hand (a DOI or PMID) is looked up in a task after commit, through the evidence_added hook."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pytest_httpserver import HTTPServer

from claims import hooks
from claims import services as claim_services
from claims.models import ClaimStatus, Evidence, Verdict
from sources import evidence as evidence_lookup
from tests.sources.conftest import BOTTEMANNE_DOI, data

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(assigned_claim: Any, reviewer: Any) -> Any:
    assigned_claim.status = ClaimStatus.IN_REVIEW
    assigned_claim.save()
    Verdict.objects.create(claim=assigned_claim, author=reviewer)
    return assigned_claim


def _serve_bottemanne(server: HTTPServer) -> None:
    server.expect_request(f"/crossref/works/{BOTTEMANNE_DOI}").respond_with_data(data("crossref/work_bottemanne.json"))
    server.expect_request("/pubmed/esearch.fcgi").respond_with_data(data("pubmed/esearch_doi.json"))
    server.expect_request("/pubmed/efetch.fcgi").respond_with_data(data("pubmed/efetch_bottemanne.xml"))
    server.expect_request("/europepmc/search").respond_with_data(data("europepmc/search_doi_core.json"))
    server.expect_request(f"/openalex/works/doi:{BOTTEMANNE_DOI}").respond_with_data(
        data("openalex/work_bottemanne.json")
    )


def test_the_sources_app_subscribes_to_the_hook() -> None:
    assert evidence_lookup.evidence_added in list(hooks.evidence_added)


def test_a_typed_doi_is_looked_up_after_commit_and_described(
    fake_apis: HTTPServer, in_review: Any, reviewer: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _serve_bottemanne(fake_apis)
    with django_capture_on_commit_callbacks() as callbacks:
        item = claim_services.evidence_add(claim_id=in_review.pk, by=reviewer, stance="context", doi=BOTTEMANNE_DOI)
    assert item.lookup == "pending" and len(callbacks) == 1
    assert not fake_apis.log  # nothing asked before commit, nor inside the request
    evidence_lookup.evidence_resolve(item.pk)
    item.refresh_from_db()
    assert item.lookup == "done" and item.title.startswith("Evaluation of Early Ketamine Effects")
    assert (item.journal, item.year, item.authors[0], item.pmid) == (
        "JAMA Psychiatry",
        2022,
        "Bottemanne H",
        "36169969",
    )
    assert item.study["kind"] == "observational"
    calls = len(fake_apis.log)
    evidence_lookup.evidence_resolve(item.pk)  # twice: nothing more happens
    assert len(fake_apis.log) == calls


def test_a_typed_pmid_is_kept_as_a_pmid(in_review: Any, reviewer: Any) -> None:
    item = claim_services.evidence_add(claim_id=in_review.pk, by=reviewer, stance="supports", doi="PMID: 36169969")
    assert (item.pmid, item.doi, item.lookup) == ("36169969", "", "pending")


def test_offline_the_look_up_fails_with_a_sentence_and_keeps_the_evidence(in_review: Any, reviewer: Any) -> None:
    item = claim_services.evidence_add(claim_id=in_review.pk, by=reviewer, stance="context", doi=BOTTEMANNE_DOI)
    evidence_lookup.evidence_resolve(item.pk)
    item.refresh_from_db()
    assert item.lookup == "failed" and "unreachable" in item.lookup_note and item.doi == BOTTEMANNE_DOI


def test_the_claim_page_shows_the_look_up_state_and_the_card(client: Client, in_review: Any, reviewer: Any) -> None:
    item = claim_services.evidence_add(claim_id=in_review.pk, by=reviewer, stance="context", doi=BOTTEMANNE_DOI)
    client.force_login(reviewer)
    page = client.get(reverse("claims:claim", args=[in_review.pk])).content.decode()
    assert "Looking this identifier up" in page
    # The evidence section follows the look-up by polling its own fragment, and stops once it is done.
    assert f'hx-get="/claims/{in_review.pk}/?part=evidence" hx-trigger="every 3s"' in page
    fragment = client.get(reverse("claims:claim", args=[in_review.pk]) + "?part=evidence", HTTP_HX_REQUEST="true")
    assert 'id="evidence"' in fragment.content.decode() and "Looking this identifier up" in fragment.content.decode()
    claim_services.evidence_describe(evidence_id=item.pk, title="A paper", study={"kind": "case_report"})
    page = client.get(reverse("claims:claim", args=[in_review.pk])).content.decode()
    assert "A paper" in page and "Case report" in page and "Looking this identifier up" not in page
    assert "?part=evidence" not in page


def test_the_sweep_sends_again_what_stayed_pending(
    in_review: Any, reviewer: Any, django_capture_on_commit_callbacks: Any
) -> None:
    item = claim_services.evidence_add(claim_id=in_review.pk, by=reviewer, stance="context", doi=BOTTEMANNE_DOI)
    with django_capture_on_commit_callbacks() as callbacks:
        assert evidence_lookup.evidence_sweep(stuck_after=0) == [item.pk]
    assert len(callbacks) == 1
    Evidence.objects.filter(pk=item.pk).update(lookup="done")
    assert evidence_lookup.evidence_sweep(stuck_after=0) == []
