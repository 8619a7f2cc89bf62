"""The hints' evaluation sets hold their floors in English and in French."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from claims.importing import evaluation

# The figures today: English recall 0.87, precision 1.00; French recall 0.97, precision 1.00.
FLOORS = {"en": (0.85, 0.95), "fr": (0.9, 0.95)}


def test_each_language_has_its_own_sentences_of_both_kinds() -> None:
    for language in evaluation.LANGUAGES:
        assert len(evaluation.WORTHY[language]) >= 30 and len(evaluation.NOT_WORTHY[language]) >= 30
        assert not set(evaluation.WORTHY[language]) & set(evaluation.NOT_WORTHY[language])


def test_the_hints_hold_their_floors_in_each_language() -> None:
    for language, (recall, precision) in FLOORS.items():
        figures = evaluation.figures(language)
        assert figures.recall >= recall, (language, figures.missed)
        assert figures.precision >= precision, (language, figures.wrong)


def test_french_sentences_read_with_the_english_cues_would_be_missed() -> None:
    french = evaluation.figures("fr")
    as_english = sum(
        evaluation.score_sentence(sentence, "en")[0] >= evaluation.MIN_SCORE for sentence in evaluation.WORTHY["fr"]
    )
    assert as_english / french.worthy < french.recall - 0.2


def test_hints_evaluation_prints_the_figures() -> None:
    out = StringIO()
    call_command("hints_evaluation", "--verbose", stdout=out)
    text = out.getvalue()
    assert "recall" in text and "precision" in text
    assert "England have not lost" in text  # a miss, listed with --verbose
