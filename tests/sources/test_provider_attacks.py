"""Provider answers as an attacker (or a broken mirror) sends them: NUL and control characters in
records, answers far larger than any record, compression bombs. The providers are a local server.

The attacks: one NUL in one Crossref record failed the whole save (DataError), the search stayed
"searching" until the sweep gave up and every record of the answer was lost; a 20 MB abstract was
stored whole, twice.
"""

from __future__ import annotations

import gzip
import json
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from claims.models import Claim
from sources import registry, services
from sources.models import CandidateSource, SourceSearch
from sources.providers import crossref, pubmed
from sources.providers.base import TEXT_LIMITS, clean
from sources.types import PermanentError, Work
from tests.claims.importing.test_fetch_attacks import gzip_of_zeros
from tests.factories import SourceSearchFactory
from tests.sources.conftest import BOTTEMANNE_DOI, data

pytestmark = pytest.mark.django_db
JSON = "application/json; charset=utf-8"


def _crossref_search_with(**changes: Any) -> str:
    answer = json.loads(data("crossref/search_ketamine.json"))
    answer["message"]["items"][0].update(changes)
    return json.dumps(answer)


def _run(claim: Claim, provider: str = "crossref") -> SourceSearch:
    search = SourceSearchFactory(claim=claim, provider=provider)
    services.search_execute(search.pk)
    return SourceSearch.objects.get(pk=search.pk)


def test_a_nul_in_a_record_is_stripped_and_every_record_is_kept(fake_apis: HTTPServer, jama_claim: Claim) -> None:
    first = json.loads(data("crossref/search_ketamine.json"))["message"]["items"][0]
    poisoned = _crossref_search_with(
        title=[first["title"][0][:10] + "\u0000" + first["title"][0][10:]],
        abstract="<jats:p>Optimism\u0000 rose\u0007 within hours.\u001b[31m</jats:p>",
    )
    fake_apis.expect_request("/crossref/works").respond_with_data(poisoned, content_type=JSON)
    search = _run(jama_claim)
    assert (search.status, search.error) == (SourceSearch.Status.DONE, "")
    assert search.result_count == 5
    candidates = CandidateSource.objects.filter(claim=jama_claim)
    assert candidates.count() == 5
    titles = [c.title for c in candidates]
    assert first["title"][0] in titles
    assert not any("\x00" in (c.title + c.abstract) for c in candidates)
    assert any("Optimism rose within hours." in c.abstract for c in candidates)


def test_control_characters_in_pubmed_xml_no_longer_lose_the_answer() -> None:
    xml = data("pubmed/efetch_bottemanne.xml")
    raw = xml.replace("<ArticleTitle>", "<ArticleTitle>\x01&#0;&#x1b;", 1).replace(
        "</ArticleTitle>", "&#x7f;\x0b</ArticleTitle>", 1
    )
    [work] = pubmed.parse_efetch(raw)
    [expected] = pubmed.parse_efetch(xml)
    assert work.title == expected.title and work.title
    [from_bytes] = pubmed.parse_efetch(raw.encode("utf-8"))
    assert from_bytes.title == expected.title


def test_lone_surrogates_and_nul_are_cleaned_everywhere_in_a_record() -> None:
    assert clean({"a\x00": ["x\ud800y", ("z\x00",)], "n": 1}) == {"a": ["xy", ("z",)], "n": 1}


def test_an_abstract_far_longer_than_any_abstract_is_shortened(fake_apis: HTTPServer, jama_claim: Claim) -> None:
    fake_apis.expect_request("/crossref/works").respond_with_data(
        _crossref_search_with(abstract="<jats:p>" + "word " * 200_000 + "</jats:p>"), content_type=JSON
    )
    search = _run(jama_claim)
    assert search.status == SourceSearch.Status.DONE
    longest = max(len(r["abstract"]) for r in search.results)
    assert longest <= TEXT_LIMITS["abstract"]
    assert max(len(c.abstract) for c in CandidateSource.objects.filter(claim=jama_claim)) <= TEXT_LIMITS["abstract"]


@pytest.mark.parametrize("declared", [True, False], ids=["with-length", "streamed"])
def test_an_answer_over_the_byte_cap_is_not_read_and_the_search_says_why(
    fake_apis: HTTPServer, jama_claim: Claim, settings: Any, declared: bool
) -> None:
    settings.SOURCES_MAX_RESPONSE_BYTES = 1024 * 1024
    body = _crossref_search_with(abstract="x" * (20 * 1024 * 1024)).encode()
    sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 65536):
            sent.append(1)
            yield body[start : start + 65536]

    response = Response(body if declared else chunks(), content_type=JSON)
    fake_apis.expect_request("/crossref/works").respond_with_response(response)
    search = _run(jama_claim)
    assert search.status == SourceSearch.Status.FAILED
    assert search.error == "Crossref sent an answer larger than 1 MB, so it was not read."
    assert not CandidateSource.objects.filter(claim=jama_claim).exists()
    if not declared:
        assert len(sent) < 320  # stopped long before the 20 MB (320 chunks) were all sent


def test_a_compression_bomb_from_a_provider_is_refused_without_filling_the_memory(
    fake_apis: HTTPServer, settings: Any
) -> None:
    bomb = gzip.compress(gzip_of_zeros(1024), 9)
    fake_apis.expect_request(f"/crossref/works/{BOTTEMANNE_DOI}").respond_with_data(
        bomb, content_type=JSON, headers={"Content-Encoding": "gzip, gzip"}
    )
    tracemalloc.start()
    try:
        with pytest.raises(PermanentError, match="larger than 8 MB"):
            crossref.by_doi(BOTTEMANNE_DOI)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 60 * 1024 * 1024


def test_a_compressed_answer_within_the_cap_is_read(fake_apis: HTTPServer) -> None:
    fake_apis.expect_request(f"/crossref/works/{BOTTEMANNE_DOI}").respond_with_data(
        gzip.compress(data("crossref/work_bottemanne.json").encode()),
        content_type=JSON,
        headers={"Content-Encoding": "gzip"},
    )
    work = crossref.by_doi(BOTTEMANNE_DOI)
    assert work is not None and work.doi == BOTTEMANNE_DOI


@pytest.fixture
def careless_provider(monkeypatch: Any) -> Iterator[str]:
    """A provider whose module hands back a record no database can store, past every cleaning step."""
    import types

    module = types.ModuleType("sources.providers.careless")
    module.NAME = "careless"
    module.LABEL = "Careless Archive"
    module.search = lambda q: [Work(provider="careless", doi="10.5555/careless.1", title="Bad\x00title")]
    module.by_doi = lambda doi, use_cache=True: None
    module.by_pmid = lambda pmid: None
    info = registry.ProviderInfo(module, precedence=90)
    registry.register(info)
    # The save must fail for real, in PostgreSQL: take the cleaning away for this one test.
    monkeypatch.setattr(services, "clean_work", lambda work: work)
    yield "careless"
    registry.unregister("careless")


def test_a_save_that_fails_ends_the_search_with_a_reason(careless_provider: str, jama_claim: Claim) -> None:
    search = _run(jama_claim, provider=careless_provider)
    assert search.status == SourceSearch.Status.FAILED
    assert search.error == "Careless Archive sent records that could not be saved, so this search found nothing."
    assert search.finished_at is not None
    assert not CandidateSource.objects.filter(claim=jama_claim).exists()
