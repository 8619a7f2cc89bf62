"""Cues of a claim in a French article: journals, researchers and years as the French press writes them, and
topic words ranked in French, said in English for the scholarly indexes and kept in French for fact-checks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sources import french, merge, query
from sources.providers import crossref, factcheck_tools
from sources.types import ClaimQuery, Work

DAY = dt.date(2022, 10, 6)
SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "data"


def cues(text: str, **kwargs: object) -> ClaimQuery:
    return query.build(claim_text=text, article_date=DAY, lookups=False, language="fr", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "journal"),
    [
        ("Ces résultats, publiés dans la revue JAMA Psychiatry, ouvrent des pistes.", "JAMA Psychiatry"),
        ("Une étude parue dans le BMJ montre que la marche protège le cœur.", "The BMJ"),
        ("Selon des travaux publiés dans la revue Cephalalgia Reports, la migraine recule.", "Cephalalgia Reports"),
        ("Dans la revue scientifique américaine Sleep Health, des chercheurs décrivent le sommeil.", "Sleep Health"),
    ],
)
def test_journals_named_the_french_way(text: str, journal: str) -> None:
    assert cues(text).journal == journal


def test_a_french_journal_name_keeps_its_french_words() -> None:
    names = [
        j.name
        for j in query.extract_journals(
            "Selon la revue Population et Sociétés, la natalité baisse.", lookups=False, language="fr"
        )
    ]
    assert names == ["Population et Sociétés"]


def test_a_french_newspaper_is_not_a_journal() -> None:
    q = cues("Publiée dans Libération, l’enquête montre que les loyers ont doublé.")
    assert q.journals == []


@pytest.mark.parametrize(
    ("text", "person", "lead"),
    [
        ("Ces résultats, publiés par Hugo Bottemanne et ses collègues, ouvrent des pistes.", "Hugo Bottemanne", True),
        ("L’étude, dirigée par la psychiatre Ana de la Cruz, porte sur 300 patients.", "Ana de la Cruz", True),
        ("Sous la direction du Pr Jean-Pierre Martin, l’équipe a suivi 300 patients.", "Jean-Pierre Martin", True),
        ("L’auteur principal, Jan van der Berg, reste prudent sur ces chiffres.", "Jan van der Berg", True),
        ("Liane Schmidt, chercheuse en neurosciences à l’Inserm, a résumé les résultats.", "Liane Schmidt", False),
        ("« C’est un signal fort », explique l’épidémiologiste Sean O’Brien.", "Sean O’Brien", False),
        ("Selon Fiona MacLeod, le sommeil protège la mémoire des enfants.", "Fiona MacLeod", False),
        ("Selon Marie Lemoine, épidémiologiste au CHU de Bordeaux, les cas augmentent.", "Marie Lemoine", False),
        ("La Dre Sophie Martin et ses collègues ont suivi 300 patients.", "Sophie Martin", True),
        ("Le Pr Jean Martin et son équipe ont suivi 300 patients.", "Jean Martin", True),
        ("Le sociologue Louis Grand et ses collègues ont interrogé 300 familles.", "Louis Grand", True),
        ("Le chercheur Jean Petit a suivi 300 patients pendant un an.", "Jean Petit", False),
        ("Sophie Martin, chargée de recherche au CNRS, a suivi 300 patients.", "Sophie Martin", False),
    ],
)
def test_researchers_introduced_the_french_way(text: str, person: str, lead: bool) -> None:
    q = cues(text)
    assert person in q.researchers, q.researchers
    assert (person in q.lead_authors) is lead


@pytest.mark.parametrize(
    ("text", "years", "month"),
    [
        ("Ces résultats, publiés dans la revue JAMA Psychiatry en 2022, ouvrent des pistes.", [2022], None),
        ("Une étude de 2019 montrait déjà que le sommeil protège la mémoire.", [2019], None),
        ("L’essai, paru en mars 2021, portait sur 500 volontaires.", [2021], None),
        ("En 2006, des chercheurs avaient déjà observé ce phénomène chez la souris.", [2006], None),
        ("Dans son numéro de mars, la revue décrit un nouveau traitement.", [2022], 3),
        ("Une étude publiée l’an dernier montrait le contraire.", [2021], None),
        ("Des recherches seront menées au cours de l’année 2031 pour le confirmer.", [], None),
        ("La molécule a été synthétisée dans les années 1960.", [], None),
        ("Une étude publiée mardi montre que les cas ont doublé depuis le 1er janvier 2020.", [], None),
        ("Une étude menée auprès de 2 000 enfants nés en 2010 montre un effet.", [], None),
        ("Une étude publiée au printemps 2021 montre un effet.", [2021], None),
    ],
)
def test_years_and_months_named_the_french_way(text: str, years: list[int], month: int | None) -> None:
    q = cues(text)
    assert (q.years, q.month) == (years, month)


@pytest.mark.parametrize(
    ("french_word", "english"),
    [
        ("dépressions", "depression"),
        ("cognitif", "cognitive"),
        ("thérapie", "therapy"),
        ("obésité", "obesity"),
        ("croyances", "belief"),
        ("sensibles", "sensitive"),
        ("antidépresseurs", "antidepressant"),
        ("psychiatriques", "psychiatric"),
        ("mémoire", "memory"),
        ("cœur", "heart"),
    ],
)
def test_french_topic_words_are_said_in_english(french_word: str, english: str) -> None:
    assert french.to_english(french.fold(french_word)) == english


@pytest.mark.parametrize(
    ("french_word", "english"),
    [("pain", "bread"), ("mains", "hands"), ("préservatif", "condoms"), ("actuel", ""), ("marché", ""), ("sein", "")],
)
def test_false_friends_are_never_said_as_the_english_word_they_look_like(french_word: str, english: str) -> None:
    assert french.to_english(french.fold(french_word)) == english


def test_a_word_with_no_english_we_can_trust_is_left_out_of_the_english_words() -> None:
    assert french.to_english(french.fold("couramment")) == ""
    assert query.in_english(["couramment", "kétamine", "dépression"]) == ["ketamine", "depression"]


def test_french_function_words_and_reporting_vocabulary_are_not_topic_words() -> None:
    q = cues(
        "Selon une nouvelle étude publiée par des chercheurs, les résultats montrent que la kétamine soulage "
        "la dépression chez les personnes qui ne répondent pas aux traitements."
    )
    native = [french.fold(w) for w in q.native_keywords]
    assert "ketamine" in native and "depression" in native
    assert not {"selon", "etude", "publiee", "chercheurs", "resultats", "montrent", "personnes"} & set(native)
    assert {"ketamine", "depression"} <= set(q.keywords[:3])
    assert q.language == "fr"


def test_the_french_seed_claim_gets_the_cues_of_the_cited_paper() -> None:
    meta = json.loads((SEEDS / "ketamine-depression-fr.json").read_text("utf-8"))
    body = (SEEDS / "ketamine-depression-fr.txt").read_text("utf-8")
    claim = next(c for c in meta["claims"] if "JAMA Psychiatry" in c["quote"])
    start = body.index(claim["quote"])
    q = query.build(
        claim_text=claim["text"],
        quote=claim["quote"],
        paragraph=query.paragraph_of(body, start, start + len(claim["quote"])),
        article_title=meta["title"],
        article_body=body,
        article_date=DAY,
        lookups=False,
        language="fr",
    )
    assert q.journal == "JAMA Psychiatry"
    assert q.lead_authors == ["Hugo Bottemanne"]
    assert q.years == [2022]
    assert {"ketamine", "depression"} <= set(q.keywords)
    assert all(word.isascii() for word in q.keywords)
    # The English search carries English words, the fact-check search French ones in French.
    assert "ketamine" in crossref.search_params(q)["query.bibliographic"]
    params = factcheck_tools.search_params(q)
    assert params["languageCode"] == "fr" and "kétamine" in params["query"]


def test_an_english_article_reads_as_before() -> None:
    accented = query.build(claim_text="José Tô, a researcher at Inserm, found that sleep helps.", lookups=False)
    assert accented.researchers == ["José Tô"]
    text = "These results, published in the journal JAMA Psychiatry in 2022 by Hugo Bottemanne and colleagues."
    english = query.build(claim_text=text, article_date=DAY, lookups=False)
    assert english.language == "en" and english.native_keywords == []
    assert english == query.build(claim_text=text, article_date=DAY, lookups=False, language="en")
    assert factcheck_tools.search_params(english)["languageCode"] == "en"


def test_a_french_fact_check_is_ranked_on_the_french_topic_words() -> None:
    q = cues("La kétamine soulage la dépression résistante en quelques heures, selon une étude.")
    same = Work(provider="factcheck_tools", kind="fact_check", claim_text="La kétamine guérit-elle la dépression ?")
    other = Work(provider="factcheck_tools", kind="fact_check", claim_text="Le vaccin contre la grippe rend malade")
    assert merge.rank_fact_check(same, q)[0] > merge.rank_fact_check(other, q)[0]


def test_a_ligature_is_part_of_its_word_when_fact_checks_are_compared() -> None:
    q = ClaimQuery(language="fr", native_keywords=["cœur", "œil"], keywords=["heart", "eye"])
    unrelated = Work(provider="factcheck_tools", kind="fact_check", claim_text="C’est faux : il n’y a pas de pénurie")
    related = Work(provider="factcheck_tools", kind="fact_check", claim_text="Le café abîme-t-il le cœur ?")
    assert merge.rank_fact_check(unrelated, q)[0] == 0
    assert merge.rank_fact_check(related, q)[0] > 0
