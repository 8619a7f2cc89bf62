"""Property tests: whatever a provider sends, its parsers raise nothing but the provider error type."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sources.providers import crossref, europepmc, factcheck_tools, openalex, pubmed
from sources.types import ProviderError, Work
from tests.sources.conftest import data

TEXT_PARSERS: list[Callable[[Any], Any]] = [
    crossref.parse_list,
    crossref.parse_single,
    pubmed.parse_esearch,
    pubmed.parse_efetch,
    europepmc.parse_search,
    openalex.parse_list,
    openalex.parse_single,
    factcheck_tools.parse_claims,
]
ITEM_PARSERS: list[Callable[[Any], Any]] = [crossref.parse_work, europepmc.parse_result, openalex.parse_work]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=25,
)
# Real field names make arbitrary values land where the parsers look.
FIELDS = [
    "DOI", "title", "author", "issued", "updated-by", "update-to", "message", "items", "status", "message-type",
    "results", "meta", "ids", "authorships", "primary_location", "abstract_inverted_index", "hitCount", "resultList",
    "result", "pubTypeList", "journalInfo", "authorList", "esearchresult", "idlist", "claims", "claimReview", "doi",
]  # fmt: skip
shaped = st.recursive(
    json_values,
    lambda children: st.dictionaries(st.sampled_from(FIELDS), children, max_size=6) | st.lists(children, max_size=3),
    max_leaves=30,
)
QUICK = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _only_provider_errors(parse: Callable[[Any], Any], value: Any) -> None:
    try:
        result = parse(value)
    except ProviderError as exc:
        assert str(exc), "a provider error carries a sentence for people"
        return
    assert isinstance(result, list | Work)


@pytest.mark.parametrize("parse", TEXT_PARSERS, ids=lambda p: f"{p.__module__}.{p.__name__}")
@QUICK
@given(text=st.text(max_size=300) | st.binary(max_size=300))
def test_parsers_survive_arbitrary_text(parse: Callable[[Any], Any], text: Any) -> None:
    _only_provider_errors(parse, text)


@pytest.mark.parametrize("parse", TEXT_PARSERS, ids=lambda p: f"{p.__module__}.{p.__name__}")
@QUICK
@given(value=shaped)
def test_parsers_survive_arbitrary_json_in_the_right_places(parse: Callable[[Any], Any], value: Any) -> None:
    envelope = {"status": "ok", "message-type": "work-list", "message": {"items": [value]}, "meta": {}}
    _only_provider_errors(parse, json.dumps(value))
    _only_provider_errors(parse, json.dumps({**envelope, "results": [value], "hitCount": 1, "resultList": value}))


@pytest.mark.parametrize("parse", ITEM_PARSERS, ids=lambda p: f"{p.__module__}.{p.__name__}")
@QUICK
@given(value=shaped)
def test_item_parsers_survive_arbitrary_structures(parse: Callable[[Any], Any], value: Any) -> None:
    _only_provider_errors(parse, value)


@QUICK
@given(cut=st.integers(min_value=0, max_value=6000), junk=st.text(max_size=20))
def test_pubmed_survives_truncated_and_spliced_xml(cut: int, junk: str) -> None:
    xml = data("pubmed/efetch_ketamine.xml")
    _only_provider_errors(pubmed.parse_efetch, xml[:cut] + junk + xml[cut:])
