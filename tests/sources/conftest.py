"""Sources tests: every provider URL points at a local fake server or at a closed port, never outside."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from claims.models import Claim
from tests.factories import ArticleFactory, ClaimFactory

DATA = Path(__file__).parent / "data"
SEED_TEXT = Path(__file__).resolve().parents[2] / "seeds" / "data" / "ketamine-depression.txt"
JAMA_QUOTE = (
    "These results, published in the journal JAMA Psychiatry, open new therapeutic avenues in the management "
    "of mood disorders resistant to antidepressants."
)
JAMA_TEXT = (
    "These results, published in the journal JAMA Psychiatry, open new therapeutic avenues for mood disorders "
    "resistant to antidepressants."
)
BOTTEMANNE_DOI = "10.1001/jamapsychiatry.2022.2996"
# Port 9 (discard) on the loopback refuses connections at once: "no internet", quickly.
CLOSED = "http://127.0.0.1:9"
PROVIDER_SETTINGS = {
    "crossref": "CROSSREF_API_URL",
    "pubmed": "NCBI_EUTILS_URL",
    "europepmc": "EUROPEPMC_API_URL",
    "openalex": "OPENALEX_API_URL",
    "factcheck": "FACTCHECK_TOOLS_API_URL",
}


def data(name: str) -> str:
    return (DATA / name).read_text()


@pytest.fixture(autouse=True)
def _sources_settings(settings: Any) -> None:
    for setting in PROVIDER_SETTINGS.values():
        setattr(settings, setting, CLOSED)
    settings.SOURCES_BACKOFF_SECONDS = 0.01
    settings.SOURCES_BACKOFF_MAX = 0.05
    settings.SOURCES_HTTP_TIMEOUT = 2.0
    settings.SOURCES_CONNECT_TIMEOUT = 1.0
    settings.SOURCES_MAX_ATTEMPTS = 3
    settings.SOURCES_RATE_LIMITS = {}
    settings.SOURCES_CONCURRENCY = {}
    settings.SOURCES_BREAKER_FAILURES = 1000
    settings.SOURCES_AUTO_SEARCH = False
    settings.FACTCHECK_TOOLS_API_KEY = ""
    settings.OPENALEX_API_KEY = ""
    settings.NCBI_API_KEY = ""


@pytest.fixture
def fake_apis(httpserver: HTTPServer, settings: Any) -> HTTPServer:
    """The local server plays every provider under its own path prefix."""
    for provider, setting in PROVIDER_SETTINGS.items():
        setattr(settings, setting, httpserver.url_for(f"/{provider}"))
    return httpserver


def serve_ketamine(server: HTTPServer) -> None:
    """Realistic answers for the Bottemanne et al. paper and its distractors, whatever the query."""
    json_type = "application/json;charset=UTF-8"
    server.expect_request("/crossref/works").respond_with_data(
        data("crossref/search_ketamine.json"), content_type=json_type
    )
    server.expect_request(f"/crossref/works/{BOTTEMANNE_DOI}").respond_with_data(
        data("crossref/work_bottemanne.json"), content_type=json_type
    )
    server.expect_request("/pubmed/esearch.fcgi").respond_with_data(
        data("pubmed/esearch_ketamine.json"), content_type="application/json; charset=UTF-8"
    )
    server.expect_request("/pubmed/efetch.fcgi").respond_with_data(
        data("pubmed/efetch_ketamine.xml"), content_type="text/xml; charset=UTF-8"
    )
    server.expect_request("/europepmc/search").respond_with_data(
        data("europepmc/search_ketamine_core.json"), content_type="application/json"
    )
    server.expect_request("/openalex/works").respond_with_data(
        data("openalex/search_ketamine.json"), content_type="application/json"
    )
    server.expect_request(f"/openalex/works/doi:{BOTTEMANNE_DOI}").respond_with_data(
        data("openalex/work_bottemanne.json"), content_type="application/json"
    )


@pytest.fixture
def seed_article(db: Any) -> Any:
    body = SEED_TEXT.read_text()
    return ArticleFactory(
        title="Ketamine proves effective against depression", body=body, published_on=dt.date(2022, 10, 6)
    )


@pytest.fixture
def jama_claim(seed_article: Any) -> Claim:
    start = seed_article.body.index(JAMA_QUOTE)
    return ClaimFactory(
        article=seed_article, span_start=start, span_end=start + len(JAMA_QUOTE), text=JAMA_TEXT, claimant="The article"
    )


Serve = Callable[[HTTPServer], None]
