"""The French seed's JAMA Psychiatry claim against the local server playing the providers: English queries
for the scholarly indexes, the cited paper on top."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from pytest_httpserver import HTTPServer

from claims.models import Claim
from sources import services
from sources.models import CandidateSource
from tests.factories import ArticleFactory, ClaimFactory
from tests.sources.conftest import BOTTEMANNE_DOI, serve_ketamine

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "data"


@pytest.fixture
def french_jama_claim() -> Claim:
    meta = json.loads((SEEDS / "ketamine-depression-fr.json").read_text("utf-8"))
    body = (SEEDS / "ketamine-depression-fr.txt").read_text("utf-8")
    article = ArticleFactory(title=meta["title"], body=body, published_on=dt.date(2022, 10, 6), language="fr")
    claim = next(c for c in meta["claims"] if "JAMA Psychiatry" in c["quote"])
    start = body.index(claim["quote"])
    return ClaimFactory(
        article=article,
        span_start=start,
        span_end=start + len(claim["quote"]),
        text=claim["text"],
        claimant="L’article",
    )


def test_the_french_seed_claim_brings_up_the_cited_paper(fake_apis: HTTPServer, french_jama_claim: Claim) -> None:
    serve_ketamine(fake_apis)
    for search in services.searches_start(claim=french_jama_claim, by=None, enqueue=False):
        services.search_execute(search.pk)
    top = CandidateSource.objects.filter(claim=french_jama_claim).order_by("rank", "id").first()
    assert top is not None and top.doi == BOTTEMANNE_DOI and top.rank == 1
    assert "journal matches JAMA Psychiatry" in top.reasons
    assert any("Bottemanne" in reason and "author" in reason for reason in top.reasons), top.reasons

    sent = {request.path: parse_qs(request.query_string.decode()) for request, _ in fake_apis.log}
    crossref = sent["/crossref/works"]
    assert crossref["query.container-title"] == ["JAMA Psychiatry"]
    words = crossref["query.bibliographic"][0]
    # English topic words and the lead author, not the French words of the story.
    assert "ketamine" in words and "Bottemanne" in words
    assert not {"kétamine", "dépression", "résultats", "publiés"} & set(words.split())
    term = sent["/pubmed/esearch.fcgi"]["term"][0]
    assert '"JAMA Psychiatry"[ta]' in term and "antidepress*[tiab]" in term and term.isascii()
