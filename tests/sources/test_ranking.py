"""The ranking: named features, deterministic ties, flags shown not penalised, and what "confident" means."""

from __future__ import annotations

import datetime as dt
import itertools

from sources import merge, query
from sources.types import Work

DAY = dt.date(2023, 4, 12)
CLAIM = "Writing in NEJM, lead author Sean O'Brien and colleagues found fewer heart attacks among runners."


def _q() -> object:
    return query.build(claim_text=CLAIM, article_date=DAY, lookups=False)


def _work(provider: str, doi: str, **kwargs: object) -> Work:
    base = {
        "title": "Running and myocardial infarction",
        "authors": ["O'Brien S", "Jensen L"],
        "journal": "New England Journal of Medicine",
        "issn": ["0028-4793"],
        "year": 2023,
        "published_on": "2023-03-30",
        "abstract": "Runners had fewer heart attacks.",
        "work_type": "article",
    }
    base.update(kwargs)
    return Work(provider=provider, doi=doi, **base)  # type: ignore[arg-type]


def test_each_feature_has_a_reason_in_words() -> None:
    (best,) = merge.combine([_work("crossref", "10.5555/a")], _q())  # type: ignore[arg-type]
    assert set(best.features) >= {"journal", "lead_author", "recent", "similarity"}
    assert "journal matches New England Journal of Medicine" in best.reasons
    assert "lead author O'Brien named in the article" in best.reasons
    assert best.score == merge.score_of(best.features)


def test_ties_are_broken_by_evidence_then_a_stable_key_never_by_arrival() -> None:
    twins = [
        _work("pubmed", "10.5555/b", authors=["Grant O"]),
        _work("crossref", "10.5555/a", authors=["Grant O"]),
        _work("openalex", "10.5555/c", authors=["Grant O"]),
    ]
    orders = {tuple(m.fields["doi"] for m in merge.combine(list(p), _q())) for p in itertools.permutations(twins)}  # type: ignore[arg-type]
    assert orders == {("10.5555/a", "10.5555/b", "10.5555/c")}


def test_retracted_and_preprint_are_flags_not_penalties() -> None:
    q = _q()
    plain = merge.combine([_work("crossref", "10.5555/a")], q)[0]  # type: ignore[arg-type]
    retracted = _work("crossref", "10.5555/a", is_retracted=True)
    assert merge.combine([retracted], q)[0].score == plain.score  # type: ignore[arg-type]
    preprint = _work("crossref", "10.5555/a", is_preprint=True, work_type="preprint")
    assert merge.combine([preprint], q)[0].score == plain.score  # type: ignore[arg-type]


def test_a_notice_about_a_paper_ranks_below_the_paper() -> None:
    notice = _work(
        "crossref", "10.5555/n", title="Correction: Running and myocardial infarction", work_type="correction-notice"
    )
    ranked = merge.combine([notice, _work("crossref", "10.5555/a")], _q())  # type: ignore[arg-type]
    assert [m.fields["doi"] for m in ranked] == ["10.5555/a", "10.5555/n"]
    assert "a notice about another paper, not a study" in ranked[1].reasons


def test_confident_needs_a_high_score_and_a_clear_lead() -> None:
    q = _q()
    alone = merge.combine([_work("crossref", "10.5555/a")], q)  # type: ignore[arg-type]
    assert alone[0].confident
    rival = _work("crossref", "10.5555/b", title="Running and heart attacks in runners")
    close = merge.combine([_work("crossref", "10.5555/a"), rival], q)  # type: ignore[arg-type]
    assert close[0].score - close[1].score < merge.CONFIDENT_MARGIN and not close[0].confident
    weak = merge.combine(
        [
            _work(
                "crossref", "10.5555/w", journal="Other", issn=[], authors=["Grant O"], title="Bees", abstract="Hives."
            )
        ],
        q,
    )  # type: ignore[arg-type]
    assert not weak[0].confident


def test_a_named_year_rewards_that_year_and_marks_others() -> None:
    q = query.build(
        claim_text="A 2006 study by psychologist Hannah Fischer on sleep and memory.", article_date=DAY, lookups=False
    )
    right = _work(
        "crossref", "10.5555/r", year=2006, published_on="2006-04-12", authors=["Fischer H"], title="Sleep and memory"
    )
    wrong = _work(
        "crossref", "10.5555/w", year=2012, published_on="2012-04-12", authors=["Fischer H"], title="Sleep and memory"
    )
    ranked = merge.combine([wrong, right], q)
    assert ranked[0].fields["doi"] == "10.5555/r" and "other_year" in ranked[1].features
