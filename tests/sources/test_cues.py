"""Cues read as journalists write them: journals, preprint servers, researchers, years, identifiers, topic words."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from sources import query
from sources.providers import europepmc, openalex, pubmed
from sources.types import ClaimQuery

DAY = dt.date(2022, 5, 1)


def cues(text: str, **kwargs: object) -> ClaimQuery:
    return query.build(claim_text=text, article_date=DAY, lookups=False, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "journal"),
    [
        ("Writing in NEJM, doctors found fewer heart attacks.", "New England Journal of Medicine"),
        ("In the Journal of the American Medical Association, walking cut dementia.", "JAMA"),
        ("A paper in PNAS shows pedestrians walk faster.", "Proceedings of the National Academy of Sciences"),
        ("In The BMJ, statins cut strokes.", "The BMJ"),
        ("According to research in the journal pediatrics, breakfast matters.", "Pediatrics"),
        ("Results published in JAMA Psychiatry this week.", "JAMA Psychiatry"),
    ],
)
def test_journals_by_name_abbreviation_and_short_form(text: str, journal: str) -> None:
    q = cues(text)
    assert q.journals[:1] == [journal] and q.journal_resolved and q.journal_issns


def test_a_longer_journal_name_is_not_cut_to_a_known_one() -> None:
    q = cues("The study, published in Cephalalgia Reports, a headache journal, was led by psychologist Fiona MacLeod.")
    assert q.journals == ["Cephalalgia Reports"] and not q.journal_resolved
    # "head" is a role word; "headache journal" does not make the journal a researcher.
    assert q.researchers == ["Fiona MacLeod"]


def test_the_outlet_that_reported_it_is_never_the_journal() -> None:
    q = cues("A preprint posted on medRxiv suggests half as many vaccinated people passed it on, as first "
             "reported in The Guardian.")  # fmt: skip
    assert q.journals == [] and q.preprint_servers == ["medRxiv"]
    assert "guardian" not in q.keywords
    q = cues("The interview was published in Le Monde.", outlet="Le Monde")
    assert q.journals == []


@pytest.mark.parametrize("server", ["medRxiv", "bioRxiv", "arXiv", "SSRN"])
def test_preprint_servers_are_recognised_as_such(server: str) -> None:
    q = cues(f"A paper posted on {server} found that glaciers shrink.")
    assert q.preprint_servers == [server] and q.journals == []


@pytest.mark.parametrize(
    ("text", "person", "lead"),
    [
        ("Lead author Sean O'Brien and colleagues found fewer heart attacks.", "Sean O'Brien", True),
        ("José Álvarez, a co-author of the paper, said wages rose.", "José Álvarez", False),
        ("Economist José Álvarez, co-author of the paper, said so.", "José Álvarez", False),
        ("Jan van der Berg, an epidemiologist at Erasmus University, posted it.", "Jan van der Berg", False),
        ("The study was led by psychologist Fiona MacLeod at Glasgow.", "Fiona MacLeod", True),
        ("Cardiologist Anna Smith-Jones reports that statins cut strokes.", "Anna Smith-Jones", False),
        ("Professor Ewan McDonald told us his team found it.", "Ewan McDonald", False),
        ("According to psychologist Ana de la Cruz, bilingual children switch faster.", "Ana de la Cruz", False),
        ("The study's lead author, Chloé Dubois, said road noise raised blood pressure.", "Chloé Dubois", True),
    ],
)
def test_researchers_with_particles_apostrophes_accents_and_roles(text: str, person: str, lead: bool) -> None:
    q = cues(text)
    assert person in q.researchers
    assert (person in q.lead_authors) is lead


def test_family_names_keep_their_particles_and_prefixes() -> None:
    q = cues("Jan van der Berg, an epidemiologist, and psychologist Fiona MacLeod, said so.")
    assert q.surnames == ["van der Berg", "MacLeod"]


@pytest.mark.parametrize(
    ("text", "years", "month"),
    [
        ("A 2019 study in Nature found that.", [2019], None),
        ("A study published in 2006 showed it.", [2006], None),
        ("In the March issue of the journal, doctors said so.", [2022], 3),
        ("In its July issue, Diabetes Care reports it.", [2021], 7),
        ("Research will be conducted in the course of 2023 to confirm it.", [], None),
    ],
)
def test_years_and_months(text: str, years: list[int], month: int | None) -> None:
    q = cues(text)
    assert (q.years, q.month) == (years, month)


def test_a_named_year_sets_the_window_and_nothing_else_does() -> None:
    assert (cues("A 2006 study by Hannah Fischer showed it.").date_from, cues("Sleep helps memory.").date_from) == (
        dt.date(2005, 1, 1),
        None,
    )


def test_identifiers_in_the_text() -> None:
    q = cues(
        "The trial (PMID 31999999) and https://doi.org/10.5555/ageing.2021.0707 and doi:10.1101/2021.03.04.433000."
    )
    assert q.pmids == ["31999999"]
    assert q.dois == ["10.5555/ageing.2021.0707", "10.1101/2021.03.04.433000"]


def test_topic_words_by_informativeness_not_the_alphabet() -> None:
    q = cues("A preprint suggests that half as many vaccinated people were likely to pass on transmission, "
             "among fewer households across the country.")  # fmt: skip
    for filler in ("suggests", "half", "likely", "among", "fewer", "across", "medrxiv"):
        assert filler not in q.keywords
    assert {"vaccinated", "transmission", "households"} <= set(q.keywords[:4])


def test_first_pass_ands_informative_words_and_the_broad_pass_ors_them() -> None:
    q = cues("Writing in NEJM, lead author Sean O'Brien found fewer heart attacks among runners.")
    first = pubmed.search_term(q)
    assert '"New England Journal of Medicine"[ta]' in first and " AND " in first and "[dp]" not in first
    broad = pubmed.search_term(q.broadened())
    assert " OR " in broad and "[ta]" not in broad and '"O\'Brien"[au]' in broad
    assert "JOURNAL:" not in europepmc.search_query(q.broadened()) and " OR " in europepmc.search_query(q.broadened())
    assert " OR " in openalex.search_params(q.broadened())["search"]
    assert "filter" not in openalex.search_params(q)


@pytest.mark.django_db
def test_a_journal_the_table_does_not_know_is_looked_up_once_through_the_providers(fake_apis: object) -> None:
    import json

    server = fake_apis
    server.expect_request("/openalex/sources").respond_with_data(  # type: ignore[attr-defined]
        json.dumps({"meta": {"count": 0, "page": 1, "per_page": 5}, "results": []}), content_type="application/json"
    )
    server.expect_request("/crossref/journals").respond_with_data(  # type: ignore[attr-defined]
        json.dumps({"status": "ok", "message-type": "journal-list", "message": {"items": [
            {"title": "Cephalalgia Reports", "publisher": "SAGE", "ISSN": ["2515-8163"]}]}}),
        content_type="application/json",
    )  # fmt: skip
    text = "The study, published in Cephalalgia Reports, a headache journal, found migraines peak on Mondays."
    q = query.build(claim_text=text, article_date=DAY)
    assert (q.journals, q.journal_issns, q.journal_resolved) == (["Cephalalgia Reports"], ["2515-8163"], True)
    calls = len(server.log)  # type: ignore[attr-defined]
    assert calls == 2
    query.build(claim_text=text, article_date=DAY)
    assert len(server.log) == calls  # type: ignore[attr-defined]  # answered from the shared cache


@pytest.mark.django_db
def test_offline_a_journal_look_up_leaves_the_name_as_a_soft_cue() -> None:
    q = query.build(claim_text="Published in Cephalalgia Reports, a headache journal, on migraine.", article_date=DAY)
    assert q.journals == ["Cephalalgia Reports"] and not q.journal_resolved
    assert "[ta]" not in pubmed.search_term(q) and "JOURNAL:" not in europepmc.search_query(q)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_long_run_of_capitalised_names_is_read_in_linear_time(language: str) -> None:
    # Unbounded name and institution patterns made this quadratic: 40,000 characters took 100 s.
    run = " ".join(["Marie Lemoine Sophie Martin Jean Petit"] * 4200)
    timings = []
    for size in (20_000, 160_000):
        started = time.perf_counter()
        query.build(claim_text="Ketamine works.", article_body=run[:size], lookups=False, language=language)
        timings.append(time.perf_counter() - started)
    assert timings[1] < 5.0 and timings[1] / timings[0] < 24, timings
