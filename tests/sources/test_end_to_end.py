"""The seed's JAMA Psychiatry claim against a local server playing Crossref, PubMed, Europe PMC and OpenAlex."""

from __future__ import annotations

from io import StringIO
from typing import Any
from urllib.parse import parse_qs

import pytest
from django.core.management import call_command
from pytest_httpserver import HTTPServer

from claims.models import Claim
from sources import services
from sources.models import CandidateSource, ProviderResponse, SourceSearch
from tests.sources.conftest import BOTTEMANNE_DOI, serve_ketamine

pytestmark = pytest.mark.django_db


def _run_all(claim: Claim) -> list[SourceSearch]:
    searches = services.searches_start(claim=claim, by=None, enqueue=False)
    for search in searches:
        services.search_execute(search.pk)
    return list(SourceSearch.objects.filter(pk__in=[s.pk for s in searches]).order_by("provider"))


def test_seed_claim_brings_up_bottemanne_as_top_candidate(fake_apis: HTTPServer, jama_claim: Claim) -> None:
    serve_ketamine(fake_apis)
    searches = _run_all(jama_claim)
    assert [(s.provider, s.status, s.error) for s in searches] == [
        ("crossref", "done", ""),
        ("europepmc", "done", ""),
        ("openalex", "done", ""),
        ("pubmed", "done", ""),
    ]
    top = CandidateSource.objects.filter(claim=jama_claim).order_by("-score", "id").first()
    assert top.doi == BOTTEMANNE_DOI
    assert (top.pmid, top.pmcid) == ("36169969", "PMC9520441")
    assert top.journal == "JAMA Psychiatry" and top.year == 2022
    assert top.authors[0] == "Bottemanne H"
    assert set(top.providers) == {"crossref", "pubmed", "europepmc", "openalex"}
    assert not (top.is_retracted or top.has_correction or top.has_expression_of_concern or top.is_preprint)
    # The abstract comes from PubMed/Europe PMC, plain text, not Crossref's JATS.
    assert "Four hours after ketamine infusion" in top.abstract and "<" not in top.abstract
    assert "journal matches JAMA Psychiatry" in top.reasons
    assert any(r.startswith("found by 4 providers") for r in top.reasons)
    assert "Schmidt, named in the article, is an author" in top.reasons
    # Its study card: PubMed indexes it as an observational study in a peer-reviewed journal.
    assert top.study["kind"] == "observational" and top.study["peer_review"] == "peer_reviewed"
    assert top.study["journal"] == "JAMA Psychiatry" and top.rank == 1
    # One row per work: the same paper from four providers is merged once.
    assert CandidateSource.objects.filter(claim=jama_claim, doi=BOTTEMANNE_DOI).count() == 1


def test_distractors_rank_below_and_notices_are_marked(fake_apis: HTTPServer, jama_claim: Claim) -> None:
    serve_ketamine(fake_apis)
    _run_all(jama_claim)
    ranked = list(CandidateSource.objects.filter(claim=jama_claim).order_by("-score", "id"))
    dois = [c.doi for c in ranked]
    assert dois[0] == BOTTEMANNE_DOI
    notice = next(c for c in ranked if c.title == "Error in Author Affiliations")
    assert notice.work_type == "correction-notice"
    assert "a notice about another paper, not a study" in notice.reasons and notice.score < ranked[1].score
    retracted = next(c for c in ranked if c.doi == "10.5555/psychmed.2019.0099")
    assert retracted.is_retracted
    ect = next(c for c in ranked if c.doi == "10.5555/jamapsychiatry.2022.1880")
    assert ect.has_correction and ect.score < ranked[0].score


def test_provider_queries_use_the_claims_cues(fake_apis: HTTPServer, jama_claim: Claim) -> None:
    serve_ketamine(fake_apis)
    _run_all(jama_claim)
    sent = {request.path: parse_qs(request.query_string.decode()) for request, _ in fake_apis.log}
    crossref = sent["/crossref/works"]
    assert crossref["query.container-title"] == ["JAMA Psychiatry"]
    assert "ketamine" in crossref["query.bibliographic"][0] and "Schmidt" in crossref["query.bibliographic"][0]
    # The claim names no year: no provider is sent a date limit that could exclude the answer.
    assert "filter" not in crossref
    assert crossref["mailto"] == ["tests@factcheck.example"]
    term = sent["/pubmed/esearch.fcgi"]["term"][0]
    assert '"JAMA Psychiatry"[ta]' in term and "[tiab]" in term and "[dp]" not in term
    assert sent["/pubmed/esearch.fcgi"]["tool"] == ["factcheck"]
    europe = sent["/europepmc/search"]["query"][0]
    assert 'JOURNAL:"JAMA Psychiatry"' in europe and "PUB_YEAR" not in europe
    assert sent["/europepmc/search"]["resultType"] == ["core"]
    assert "filter" not in sent["/openalex/works"]


def test_a_repeated_search_is_answered_from_the_cache(fake_apis: HTTPServer, jama_claim: Claim) -> None:
    serve_ketamine(fake_apis)
    _run_all(jama_claim)
    calls = len(fake_apis.log)
    cached = ProviderResponse.objects.count()
    _run_all(jama_claim)
    assert len(fake_apis.log) == calls
    assert ProviderResponse.objects.count() == cached
    assert CandidateSource.objects.filter(claim=jama_claim, doi=BOTTEMANNE_DOI).count() == 1


def test_running_a_search_twice_creates_no_duplicate(fake_apis: HTTPServer, jama_claim: Claim) -> None:
    serve_ketamine(fake_apis)
    searches = _run_all(jama_claim)
    before = CandidateSource.objects.filter(claim=jama_claim).count()
    for search in searches:
        services.search_execute(search.pk)  # already done: nothing happens
        SourceSearch.objects.filter(pk=search.pk).update(status="pending")
        services.search_execute(search.pk)  # a redelivered message: runs again, upserts
    assert CandidateSource.objects.filter(claim=jama_claim).count() == before


def test_a_doi_in_the_paragraph_is_resolved_directly(fake_apis: HTTPServer, jama_claim: Claim) -> None:
    serve_ketamine(fake_apis)
    jama_claim.text = f"{jama_claim.text} (doi:{BOTTEMANNE_DOI})"
    jama_claim.save()
    _run_all(jama_claim)
    paths = [request.path for request, _ in fake_apis.log]
    assert f"/crossref/works/{BOTTEMANNE_DOI}" in paths
    assert f"/openalex/works/doi:{BOTTEMANNE_DOI}" in paths
    top = CandidateSource.objects.filter(claim=jama_claim).order_by("-score").first()
    assert top.doi == BOTTEMANNE_DOI and "DOI cited in the article" in top.reasons


def test_without_internet_every_search_ends_unreachable(jama_claim: Claim) -> None:
    searches = _run_all(jama_claim)
    assert {s.status for s in searches} == {"failed"}
    for search in searches:
        assert f"{search.get_provider_display()} unreachable: could not connect to 127.0.0.1" in search.error
    assert not CandidateSource.objects.filter(claim=jama_claim).exists()


def test_a_provider_that_keeps_failing_is_skipped_for_a_while(
    fake_apis: HTTPServer, jama_claim: Claim, settings: Any
) -> None:
    settings.SOURCES_BREAKER_FAILURES = 2
    serve_ketamine(fake_apis)
    fake_apis.clear()
    fake_apis.expect_request("/pubmed/esearch.fcgi").respond_with_data("busy", status=503)
    for _ in range(2):
        (search,) = [s for s in _run_all(jama_claim) if s.provider == "pubmed"]
        assert search.error == "PubMed unavailable: it answered 503 SERVICE UNAVAILABLE (3 attempts)"
    calls = len(fake_apis.log)
    (search,) = [s for s in _run_all(jama_claim) if s.provider == "pubmed"]
    assert search.status == "failed" and "Skipped until" in search.error
    assert len([r for r, _ in fake_apis.log[calls:] if r.path.startswith("/pubmed")]) == 0


def test_find_sources_wait_prints_the_merged_list_best_first(fake_apis: HTTPServer, jama_claim: Claim) -> None:
    serve_ketamine(fake_apis)
    out, err = StringIO(), StringIO()
    call_command("find_sources", str(jama_claim.pk), "--wait", stdout=out, stderr=err)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"{BOTTEMANNE_DOI}\t")
    _doi, score, confident, flags, kind = lines[0].split("\t")[:5]
    assert float(score) > 0 and confident in ("confident", "not confident")
    assert (flags, kind) == ("-", "Observational study")
    assert "PMID 36169969" in lines[0]
    retracted = next(line for line in lines if line.startswith("10.5555/psychmed.2019.0099"))
    assert "retracted" in retracted.split("\t")[3]
    assert len(lines) == CandidateSource.objects.filter(claim=jama_claim, kind="publication").count()
    assert "Crossref: 5 records" in err.getvalue()


def test_find_sources_without_wait_enqueues_after_commit(
    jama_claim: Claim, django_capture_on_commit_callbacks: Any
) -> None:
    out = StringIO()
    with django_capture_on_commit_callbacks() as callbacks:
        call_command("find_sources", str(jama_claim.pk), stdout=out)
    assert len(callbacks) == 4
    assert "Queued 4 searches" in out.getvalue()
    assert SourceSearch.objects.filter(claim=jama_claim, status="pending").count() == 4
