"""The evaluation set holds its floor: a change to cues, queries or ranking cannot silently make it worse."""

from __future__ import annotations

import dataclasses
from io import StringIO

import pytest
from django.core.management import call_command

from claims.models import Claim
from sources.evaluation import cases, harness
from sources.evaluation.standin import Corpus, StandIn, parse_boolean
from sources.models import CandidateSource

pytestmark = pytest.mark.django_db

# The goals are 0.95 and 0.98; the floors sit at what the set gives today, so any loss fails.
RECALL_AT_1_FLOOR = 0.96
RECALL_AT_3_FLOOR = 1.0
CONFIDENT_PRECISION_FLOOR = 1.0
CONFIDENT_SHARE_FLOOR = 0.6


def test_the_set_is_large_and_covers_every_kind_of_phrasing() -> None:
    assert len(cases.CASES) >= 40
    kinds = {k for c in cases.CASES for k in c.kinds}
    assert {
        "journal_full_name", "journal_abbreviation", "journal_short_form", "journal_lookup", "preprint_server",
        "particle", "apostrophe", "accent", "hyphen", "mac_name", "lead_author", "co_author", "profession",
        "institution", "year", "month", "old_study", "doi", "pmid", "doi_link", "outlet", "filler_words",
        "non_biomedical", "retracted", "corrected", "lowercase",
    } <= kinds  # fmt: skip
    assert sum(c.split == "held_out" for c in cases.CASES) >= 10
    # Research outside biomedicine is in Crossref and OpenAlex only.
    outside = [c for c in cases.CASES if "non_biomedical" in c.kinds]
    assert outside and all(not c.target.pmid for c in outside if c.key != "preprint-and-published-version")


def test_the_evaluation_holds_its_floor() -> None:
    report = harness.run([c for c in cases.CASES if c.language == "en"])
    overall = report.overall
    assert overall.recall_at_1 >= RECALL_AT_1_FLOOR, harness.lines(report, verbose=True)
    assert overall.recall_at_3 >= RECALL_AT_3_FLOOR
    assert overall.confident_precision >= CONFIDENT_PRECISION_FLOOR
    assert overall.confident / overall.cases >= CONFIDENT_SHARE_FLOOR
    assert report.by_split["held_out"].recall_at_1 >= 0.94
    # The run leaves nothing behind.
    assert not Claim.objects.exists() and not CandidateSource.objects.exists()


# French stories about works indexed in English: 0.25 recall@1 when read as English, 0.88 with the French cues.
FRENCH_RECALL_AT_1_FLOOR = 0.85


def test_the_french_stories_hold_their_floor_and_need_the_french_cues() -> None:
    assert len(cases.FRENCH) >= 15 and all(c.language == "fr" for c in cases.FRENCH)
    assert sum(c.split == "held_out" for c in cases.FRENCH) >= 4
    report = harness.run(cases.FRENCH)
    assert report.overall.recall_at_1 >= FRENCH_RECALL_AT_1_FLOOR, harness.lines(report, verbose=True)
    assert report.overall.confident_precision == 1.0
    # The same stories read with the English cues find far fewer of their works.
    as_english = [dataclasses.replace(c, language="en") for c in cases.FRENCH]
    assert harness.run(as_english).overall.recall_at_1 < report.overall.recall_at_1 - 0.3


def test_evaluate_sources_prints_the_figures() -> None:
    out = StringIO()
    call_command("evaluate_sources", "--split", "held_out", stdout=out)
    text = out.getvalue()
    assert "recall@1" in text and "recall@3" in text and "precision" in text
    assert text.splitlines()[1].split()[0] == "overall"
    assert "held_out" in text and "provider requests" in text


def test_the_stand_in_honours_date_filters_and_and_semantics() -> None:
    corpus = cases.corpus()
    old = next(c for c in cases.CASES if c.key == "old-study-year").target
    with StandIn(corpus) as stand_in:
        assert stand_in.answer("/crossref/works/" + old.doi, {})[0] == 200
    inside = corpus.crossref_search({"query.bibliographic": "sleep word pairs", "filter": "from-pub-date:2005-01-01"})
    outside = corpus.crossref_search({"query.bibliographic": "sleep word pairs", "filter": "from-pub-date:2020-10-06"})
    assert old in [w for _, w in inside] and old not in [w for _, w in outside]
    # One filler word ANDed into a PubMed term empties the search, as it does at NCBI.
    assert old in corpus.pubmed_search("sleep[tiab] AND pairs[tiab]") or not old.pmid
    assert corpus.pubmed_search("sleep[tiab] AND pairs[tiab] AND certainly[tiab]") == []
    assert parse_boolean("(a OR b) AND c")[0] == "and"


def test_an_empty_corpus_answers_in_the_real_shapes() -> None:
    with StandIn(Corpus([], [])) as stand_in:
        status, _, body = stand_in.answer("/pubmed/esearch.fcgi", {"term": "x[tiab]"})
        assert status == 200 and '"idlist": []' in body and "No items found." in body
        status, content_type, body = stand_in.answer("/crossref/works/10.1/none", {})
        assert (status, content_type, body) == (404, "text/plain", "Resource not found.")
