"""The provider clients against a local server: retries, Retry-After, failures, keys and DOI encoding."""

from __future__ import annotations

import time
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from sources.http import fetch
from sources.models import ProviderResponse
from sources.providers import crossref, europepmc, factcheck_tools, openalex, pubmed
from sources.types import ClaimQuery, PermanentError, TransientError, Unreachable
from tests.sources.conftest import BOTTEMANNE_DOI, data

pytestmark = pytest.mark.django_db
JSON = "application/json"


def test_429_with_retry_after_is_retried_after_the_wait(fake_apis: HTTPServer) -> None:
    fake_apis.expect_ordered_request("/crossref/works/" + BOTTEMANNE_DOI).respond_with_data(
        "Too many requests", status=429, headers={"Retry-After": "1"}
    )
    fake_apis.expect_ordered_request("/crossref/works/" + BOTTEMANNE_DOI).respond_with_data(
        data("crossref/work_bottemanne.json"), content_type=JSON
    )
    started = time.monotonic()
    work = crossref.by_doi(BOTTEMANNE_DOI)
    assert work is not None and work.doi == BOTTEMANNE_DOI
    assert time.monotonic() - started >= 0.95
    assert len(fake_apis.log) == 2


def test_repeated_5xx_ends_in_a_clear_failure(fake_apis: HTTPServer) -> None:
    fake_apis.expect_request("/europepmc/search").respond_with_data("<html>502</html>", status=502)
    with pytest.raises(TransientError, match=r"^Europe PMC unavailable: it answered 502 BAD GATEWAY \(3 attempts\)$"):
        europepmc.search(ClaimQuery(keywords=["ketamine"]))
    assert len(fake_apis.log) == 3


def test_a_slow_provider_times_out_with_a_clear_message(fake_apis: HTTPServer, settings: Any) -> None:
    settings.SOURCES_HTTP_TIMEOUT = 0.2
    settings.SOURCES_MAX_ATTEMPTS = 2

    def slow(request: Request) -> Response:
        time.sleep(0.6)
        return Response("{}", content_type=JSON)

    fake_apis.expect_request("/openalex/works").respond_with_handler(slow)
    started = time.monotonic()
    with pytest.raises(TransientError, match=r"OpenAlex unavailable: no answer within 0.2 s \(2 attempts\)"):
        openalex.search(ClaimQuery(keywords=["ketamine"]))
    assert time.monotonic() - started < 3
    time.sleep(1.3)  # the server answers one request at a time: let it finish the abandoned ones


def test_404_is_none_and_cached_as_not_found(fake_apis: HTTPServer) -> None:
    fake_apis.expect_request("/crossref/works/10.5555/notarealdoi").respond_with_data(
        data("crossref/not_found.txt"), status=404, content_type="text/plain"
    )
    assert crossref.by_doi("10.5555/notarealdoi") is None
    assert crossref.by_doi("10.5555/notarealdoi") is None
    assert len(fake_apis.log) == 1
    assert ProviderResponse.objects.get(provider="crossref").status_code == 404


def test_400_is_not_retried(fake_apis: HTTPServer) -> None:
    fake_apis.expect_request("/crossref/works").respond_with_data(
        data("crossref/bad_parameter.json"), status=400, content_type=JSON
    )
    with pytest.raises(PermanentError, match="Crossref refused the request \\(400 BAD REQUEST\\)"):
        crossref.search(ClaimQuery(keywords=["ketamine"]))
    assert len(fake_apis.log) == 1


def test_mailto_user_agent_and_keys_are_sent(fake_apis: HTTPServer, settings: Any) -> None:
    settings.OPENALEX_API_KEY = "oa-key"
    settings.NCBI_API_KEY = "ncbi-key"
    settings.FACTCHECK_TOOLS_API_KEY = "google-key"
    fake_apis.expect_request(
        "/crossref/works",
        query_string={"query.bibliographic": "ketamine", "rows": "10", "mailto": "tests@factcheck.example"},
    ).respond_with_data(data("crossref/search_zero_hits.json"), content_type=JSON)
    fake_apis.expect_request("/openalex/works/doi:" + BOTTEMANNE_DOI).respond_with_data(
        data("openalex/work_bottemanne.json"), content_type=JSON
    )
    fake_apis.expect_request("/pubmed/efetch.fcgi").respond_with_data(data("pubmed/efetch_bottemanne.xml"))
    fake_apis.expect_request("/factcheck/claims:search").respond_with_data(
        data("factcheck/claims_none.json"), content_type=JSON
    )
    crossref.search(ClaimQuery(keywords=["ketamine"]))
    openalex.by_doi(BOTTEMANNE_DOI)
    pubmed.by_pmid("36169969")
    factcheck_tools.search(ClaimQuery(keywords=["ketamine"]))
    requests = {request.path: request for request, _ in fake_apis.log}
    assert all("mailto:tests@factcheck.example" in r.headers["User-Agent"] for r in requests.values())
    assert requests["/openalex/works/doi:" + BOTTEMANNE_DOI].args["api_key"] == "oa-key"
    ncbi = requests["/pubmed/efetch.fcgi"].args
    assert (ncbi["api_key"], ncbi["tool"], ncbi["email"]) == ("ncbi-key", "factcheck", "tests@factcheck.example")
    assert requests["/factcheck/claims:search"].args["key"] == "google-key"
    # Keys never reach the stored cache.
    assert not ProviderResponse.objects.filter(request__contains="key").exists()


@pytest.mark.parametrize(
    ("doi", "wire"),
    [
        ("10.1016/s0140-6736(97)11096-0", "/crossref/works/10.1016/s0140-6736(97)11096-0"),
        ("10.5555/a#b?c%d", "/crossref/works/10.5555/a%23b%3Fc%25d"),
    ],
)
def test_doi_path_encoding(fake_apis: HTTPServer, doi: str, wire: str) -> None:
    fake_apis.expect_request("/crossref/works/" + doi).respond_with_data("Resource not found.", status=404)
    assert crossref.by_doi(doi) is None
    (request, _) = fake_apis.log[0]
    assert request.environ["RAW_URI"].split("?")[0] == wire
    assert request.path == "/crossref/works/" + doi


def test_an_unreachable_provider_fails_fast_with_unreachable() -> None:
    started = time.monotonic()
    with pytest.raises(Unreachable, match="^PubMed unreachable: could not connect to 127.0.0.1"):
        pubmed.by_pmid("36169969")
    assert time.monotonic() - started < 2


def test_search_answers_are_cached_by_query(fake_apis: HTTPServer) -> None:
    fake_apis.expect_request("/openalex/works").respond_with_data(data("openalex/search_ketamine.json"))
    first = openalex.search(ClaimQuery(keywords=["ketamine"]))
    second = openalex.search(ClaimQuery(keywords=["ketamine"]))
    openalex.search(ClaimQuery(keywords=["optimism"]))
    assert [w.doi for w in first] == [w.doi for w in second]
    assert len(fake_apis.log) == 2


def test_fetch_refreshes_when_asked(fake_apis: HTTPServer) -> None:
    fake_apis.expect_request("/openalex/works/doi:" + BOTTEMANNE_DOI).respond_with_data(
        data("openalex/work_bottemanne.json")
    )
    url = fake_apis.url_for("/openalex/works/doi:" + BOTTEMANNE_DOI)
    fetch("openalex", url, kind="single")
    answer = fetch("openalex", url, kind="single", use_cache=False)
    assert answer.ok and not answer.from_cache and len(fake_apis.log) == 2


def test_a_person_waiting_gets_one_try_per_provider(fake_apis: HTTPServer) -> None:
    from sources.http import interactive

    fake_apis.expect_request("/europepmc/search").respond_with_data("<html>502</html>", status=502)
    with interactive(), pytest.raises(TransientError, match=r"\(1 attempt\)$"):
        europepmc.search(ClaimQuery(keywords=["ketamine"]))
    assert len(fake_apis.log) == 1


def test_a_url_httpx_cannot_build_is_a_permanent_error(fake_apis: HTTPServer) -> None:
    with pytest.raises(PermanentError, match="cannot be asked about that"):
        fetch("crossref", fake_apis.url_for("/crossref/works/10.1/a\x00b"))
