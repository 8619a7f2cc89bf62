"""The study card, from publication types, the abstract, and the provider's type."""

from __future__ import annotations

import pytest

from sources import study
from sources.providers import crossref, europepmc, openalex, pubmed
from tests.sources.conftest import data


@pytest.mark.parametrize(
    ("fields", "kind"),
    [
        ({"publication_types": ["Journal Article", "Randomized Controlled Trial"]}, "rct"),
        ({"publication_types": ["Journal Article", "Observational Study"]}, "observational"),
        ({"publication_types": ["Systematic Review", "Meta-Analysis"]}, "meta_analysis"),
        ({"publication_types": ["Case Reports"]}, "case_report"),
        ({"publication_types": ["Editorial"]}, "editorial"),
        (
            {
                "publication_types": ["journal-article"],
                "work_type": "article",
                "abstract": "This cohort study of 500 adults",
            },
            "observational",
        ),
        ({"work_type": "article", "abstract": "Participants were randomly assigned to two arms."}, "rct"),
        ({"work_type": "preprint", "is_preprint": True, "abstract": "Survey data from teenagers."}, "observational"),
        ({"work_type": "preprint", "is_preprint": True}, "preprint"),
        ({"work_type": "article", "abstract": "Anxiety-like behaviour in mice."}, "animal"),
        ({"work_type": "correction-notice"}, "notice"),
        ({"work_type": "article"}, "article"),
    ],
)
def test_kind_of_work(fields: dict[str, object], kind: str) -> None:
    assert study.kind_of(fields) == kind


@pytest.mark.parametrize(
    ("abstract", "count"),
    [
        ("In this prospective cohort of 21,400 middle-aged adults, running was...", 21400),
        ("A total of 233 patients with depression received psilocybin.", 233),
        ("Sixteen participants ate chocolate.", None),
        ("Randomised (n = 48) to two groups.", 48),
    ],
)
def test_participants_where_the_abstract_states_them(abstract: str, count: int | None) -> None:
    assert study.participants_of(abstract) == count


def test_the_seed_paper_is_an_observational_study_in_a_peer_reviewed_journal() -> None:
    (work,) = pubmed.parse_efetch(data("pubmed/efetch_bottemanne.xml"))
    assert "Observational Study" in work.publication_types
    card = study.card(work.to_dict())
    assert (card["kind"], card["peer_review"], card["journal"]) == ("observational", "peer_reviewed", "JAMA psychiatry")
    assert card["notices"] == [] and not card["retracted"]


def test_notices_carry_their_links() -> None:
    work = crossref.parse_single(data("crossref/work_retracted.json"))
    card = study.card(work.to_dict())
    assert (
        card["retracted"]
        and {
            "type": "retraction",
            "url": "https://doi.org/10.5555/psychmed.2020.0001",
            "date": card["notices"][0]["date"],
        }
        in card["notices"]
    )


def test_every_provider_passes_on_its_own_type_words() -> None:
    assert "journal-article" in crossref.parse_single(data("crossref/work_bottemanne.json")).publication_types
    assert openalex.parse_single(data("openalex/work_bottemanne.json")).publication_types[0] == "article"
    preprint = europepmc.parse_search(data("europepmc/search_ketamine_core.json"))[2]
    assert study.card(preprint.to_dict())["peer_review"] == "not_peer_reviewed"
