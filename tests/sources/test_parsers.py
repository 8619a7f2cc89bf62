"""Each provider's pure parser on our own data files written in the providers' real shapes."""

from __future__ import annotations

import pytest

from sources import normalize
from sources.providers import crossref, europepmc, factcheck_tools, openalex, pubmed
from sources.types import ParseError
from tests.sources.conftest import BOTTEMANNE_DOI, data


def test_crossref_work_strips_jats_from_the_abstract() -> None:
    work = crossref.parse_single(data("crossref/work_bottemanne.json"))
    assert work.doi == BOTTEMANNE_DOI
    assert work.title.startswith("Evaluation of Early Ketamine Effects on Belief-Updating Biases")
    assert work.journal == "JAMA Psychiatry"
    assert work.authors[0] == "Bottemanne H" and work.authors[-1] == "Schmidt L"
    assert work.year == 2022 and work.published_on == "2022-09-28"
    assert (work.volume, work.issue, work.pages) == ("79", "11", "1124")
    assert "<" not in work.abstract and "jats" not in work.abstract
    assert work.abstract.startswith("Importance Ketamine has rapid antidepressant effects")
    assert work.work_type == "article"
    assert not (work.is_retracted or work.has_correction or work.is_preprint)


def test_crossref_retracted_work_is_flagged_once_per_notice() -> None:
    work = crossref.parse_single(data("crossref/work_retracted.json"))
    assert work.is_retracted and work.has_correction
    retractions = [u for u in work.updates if u["type"] == "retraction"]
    # The publisher and Retraction Watch report the same notice: one entry.
    assert len(retractions) == 1 and retractions[0]["notice_doi"] == "10.5555/psychmed.2020.0001"


def test_crossref_list_reads_items_scores_and_notices() -> None:
    works = crossref.parse_list(data("crossref/search_ketamine.json"))
    assert len(works) == 5
    assert works[1].doi == BOTTEMANNE_DOI and works[1].score == pytest.approx(61.2)
    notice = next(w for w in works if w.title == "Error in Author Affiliations")
    assert notice.work_type == "correction-notice"


def test_crossref_zero_hits_is_an_empty_list() -> None:
    assert crossref.parse_list(data("crossref/search_zero_hits.json")) == []


def test_crossref_404_text_plain_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="not valid JSON"):
        crossref.parse_single(data("crossref/not_found.txt"))


def test_crossref_validation_failure_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="did not answer with a work-list"):
        crossref.parse_list(data("crossref/bad_parameter.json"))


def test_crossref_malformed_json_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        crossref.parse_list(data("malformed.json"))


def test_pubmed_esearch_gives_pmids_in_order() -> None:
    assert pubmed.parse_esearch(data("pubmed/esearch_ketamine.json")) == ["36169969", "35911111", "34822222"]


def test_pubmed_esearch_zero_hits_is_empty() -> None:
    assert pubmed.parse_esearch(data("pubmed/esearch_zero_hits.json")) == []


def test_pubmed_esearch_error_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="Invalid query"):
        pubmed.parse_esearch(data("pubmed/esearch_error.json"))


def test_pubmed_efetch_reads_structured_abstract_ids_and_dates() -> None:
    works = pubmed.parse_efetch(data("pubmed/efetch_ketamine.xml"))
    work = works[0]
    assert (work.pmid, work.pmcid, work.doi) == ("36169969", "PMC9520441", BOTTEMANNE_DOI)
    assert work.title.endswith("Treatment-Resistant Depression")
    assert work.abstract.startswith("Importance: Ketamine has rapid antidepressant effects")
    assert "Results: Four hours after ketamine infusion" in work.abstract
    assert work.journal == "JAMA psychiatry" and work.pages == "1124-1132"
    assert work.year == 2022 and work.published_on == "2022-09-28"
    assert work.authors[:2] == ["Bottemanne H", "Morlaas O"]
    assert work.work_type == "article" and not work.is_retracted
    assert works[1].has_correction and works[2].work_type == "comment"


def test_pubmed_retracted_publication_is_flagged() -> None:
    (work,) = pubmed.parse_efetch(data("pubmed/efetch_retracted.xml"))
    assert work.is_retracted
    assert any(u.get("notice_pmid") == "32000001" for u in work.updates)


def test_pubmed_empty_set_is_empty() -> None:
    assert pubmed.parse_efetch(data("pubmed/efetch_empty.xml")) == []


@pytest.mark.parametrize("name", ["pubmed/efetch_truncated.xml", "pubmed/error_body.xml", "europepmc/overloaded.html"])
def test_pubmed_malformed_or_wrong_xml_is_a_parse_error(name: str) -> None:
    with pytest.raises(ParseError):
        pubmed.parse_efetch(data(name))


def test_europepmc_core_result_reads_abstract_and_ids() -> None:
    works = europepmc.parse_search(data("europepmc/search_ketamine_core.json"))
    work = works[0]
    assert (work.pmid, work.pmcid, work.doi) == ("36169969", "PMC9520441", BOTTEMANNE_DOI)
    assert not work.title.endswith(".")
    assert "<b>" not in work.abstract and "Four hours after ketamine infusion" in work.abstract
    assert work.authors[0] == "Bottemanne H" and work.year == 2022
    assert works[2].is_preprint and works[2].work_type == "preprint"


def test_europepmc_abstract_keeps_section_headings_apart_from_their_text() -> None:
    work = europepmc.parse_search(data("europepmc/search_ketamine_core.json"))[0]
    assert work.abstract.startswith("Importance Ketamine has rapid antidepressant effects")
    assert (
        normalize.strip_markup("<h4>Aim</h4>One<br/>two<BR>three<ul><li>a</li><li>b</li></ul>")
        == "Aim One two three a b"
    )


def test_europepmc_zero_hits_is_empty() -> None:
    assert europepmc.parse_search(data("europepmc/search_zero_hits.json")) == []


def test_europepmc_retracted_publication_is_flagged() -> None:
    (work,) = europepmc.parse_search(data("europepmc/search_retracted_core.json"))
    assert work.is_retracted


def test_europepmc_html_error_page_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="not valid JSON"):
        europepmc.parse_search(data("europepmc/overloaded.html"))


def test_europepmc_answer_without_hit_count_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="hit count"):
        europepmc.parse_search('{"resultList": {"result": []}}')


def test_openalex_rebuilds_the_inverted_index_abstract() -> None:
    work = openalex.parse_single(data("openalex/work_bottemanne.json"))
    assert work.abstract.startswith("Ketamine has rapid antidepressant effects in patients with treatment-resistant")
    assert (work.doi, work.pmid, work.pmcid) == (BOTTEMANNE_DOI, "36169969", "PMC9520441")
    assert work.provider_id == "W4297000001" and work.pages == "1124-1132"
    assert work.authors[0] == "Bottemanne H" and work.journal == "JAMA Psychiatry"


def test_openalex_is_retracted_is_flagged() -> None:
    work = openalex.parse_single(data("openalex/work_retracted.json"))
    assert work.is_retracted and work.abstract == ""


def test_openalex_zero_hits_and_error_body() -> None:
    assert openalex.parse_list(data("openalex/search_zero_hits.json")) == []
    with pytest.raises(ParseError):
        openalex.parse_list(data("openalex/error_invalid_filter.json"))


def test_invert_abstract_orders_words_by_position() -> None:
    assert normalize.invert_abstract({"world": [1], "hello": [0, 2]}) == "hello world hello"


def test_factcheck_claims_become_fact_check_candidates() -> None:
    works = factcheck_tools.parse_claims(data("factcheck/claims_ketamine.json"))
    assert [w.kind for w in works] == ["fact_check", "fact_check"]
    assert works[0].publisher == "Example Fact Check" and works[0].textual_rating == "Misleading"
    assert works[1].textual_rating.startswith("Partly accurate")
    assert works[0].review_date == "2022-10-12"


def test_factcheck_no_matches_is_empty_and_errors_are_parse_errors() -> None:
    assert factcheck_tools.parse_claims(data("factcheck/claims_none.json")) == []
    with pytest.raises(ParseError, match="API key not valid"):
        factcheck_tools.parse_claims(data("factcheck/error_bad_key.json"))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://doi.org/10.1001/JAMAPsychiatry.2022.2996", BOTTEMANNE_DOI),
        ("doi:10.1001/jamapsychiatry.2022.2996.", BOTTEMANNE_DOI),
        ("10.1016/s0140-6736(97)11096-0", "10.1016/s0140-6736(97)11096-0"),
        ("(10.1001/jamapsychiatry.2022.2996)", ""),
        ("not a doi", ""),
    ],
)
def test_doi_normalisation(raw: str, expected: str) -> None:
    assert normalize.doi(raw) == expected
