"""Sentence splitting and check-worthiness hints, on hand-made sentences and on the seed article's text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claims.importing.hints import score_sentence, split_sentences, suggest
from claims.importing.selectors import article_hints
from claims.importing.services import suggestion_dismiss
from claims.models import DismissedSuggestion
from claims.services import ServiceError
from tests.factories import ArticleFactory

SEED_TEXT = (Path(__file__).resolve().parents[3] / "seeds" / "data" / "ketamine-depression.txt").read_text("utf-8")


def texts(body: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(body)]


# -- Splitting ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Dr. Smith said it works. Nobody agreed.", ["Dr. Smith said it works.", "Nobody agreed."]),
        ("Mr. and Mrs. Jones left. Prof. Lee stayed.", ["Mr. and Mrs. Jones left.", "Prof. Lee stayed."]),
        (
            "Some drugs, e.g. ketamine, act fast. Others do not.",
            ["Some drugs, e.g. ketamine, act fast.", "Others do not."],
        ),
        ("That is, i.e. Paris, the capital. Next.", ["That is, i.e. Paris, the capital.", "Next."]),
        (
            "The U.S. Food and Drug Administration approved it. It costs $300.",
            ["The U.S. Food and Drug Administration approved it.", "It costs $300."],
        ),
        ("It was approved in the U.S. The trial was small.", ["It was approved in the U.S.", "The trial was small."]),
        ("J. K. Rowling wrote it. Then she stopped.", ["J. K. Rowling wrote it.", "Then she stopped."]),
        (
            "The rate rose 3.5% in 2021. It fell to 2.75 later.",
            ["The rate rose 3.5% in 2021.", "It fell to 2.75 later."],
        ),
        ("See example.org for more. Then decide.", ["See example.org for more.", "Then decide."]),
        ("See No. 5 in the list. Done.", ["See No. 5 in the list.", "Done."]),
    ],
)
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(body: str, expected: list[str]) -> None:
    assert texts(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "He said: “This is a clinical response.” Then he left.",
            ["He said: “This is a clinical response.”", "Then he left."],
        ),
        ('She said "It works." The end came.', ['She said "It works."', "The end came."]),
        ("« Ceci est vrai. » Il est parti.", ["« Ceci est vrai. »", "Il est parti."]),
        ("“Is it safe?” she asked. Nobody knew.", ["“Is it safe?” she asked.", "Nobody knew."]),
        ("‘Stop!’ he shouted. They stopped.", ["‘Stop!’ he shouted.", "They stopped."]),
        (
            "It does not answer “not the most prescribed drugs”. The rest do.",
            ["It does not answer “not the most prescribed drugs”.", "The rest do."],
        ),
        ("Wait... What happened? Nobody! Really.", ["Wait...", "What happened?", "Nobody!", "Really."]),
    ],
)
def test_sentences_ending_inside_quotation_marks_keep_the_closing_mark(body: str, expected: list[str]) -> None:
    assert texts(body) == expected


def test_headings_and_paragraphs_are_separate_blocks() -> None:
    body = "A core belief system\n\nPatients are locked in. They suffer.\nShort heading\nNext paragraph here."
    assert texts(body) == [
        "A core belief system",
        "Patients are locked in.",
        "They suffer.",
        "Short heading",
        "Next paragraph here.",
    ]


def test_a_hard_wrapped_paragraph_stays_one_sentence() -> None:
    body = "This is a long hard-wrapped line of text that continues on the\nnext line without a break. Second."
    assert texts(body) == [
        "This is a long hard-wrapped line of text that continues on the\nnext line without a break.",
        "Second.",
    ]


def test_offsets_point_into_the_exact_body() -> None:
    body = "  Héllo “wörld”.\r\n\r\nÀ second one…  Third!  "
    sentences = split_sentences(body)
    assert len(sentences) == 3
    for sentence in sentences:
        assert body[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_every_seed_sentence_maps_back_to_the_seed_text() -> None:
    sentences = split_sentences(SEED_TEXT)
    assert len(sentences) == 20
    for sentence in sentences:
        assert SEED_TEXT[sentence.start : sentence.end] == sentence.text
    assert sentences[0].text == "Ketamine proves effective against depression"
    assert sentences[-1].text == "Leave a Comment"


# -- Scoring --------------------------------------------------------------------------------------


def seed_suggestion(fragment: str) -> Any:
    matches = [s for s in suggest(SEED_TEXT) if fragment in s.text]
    assert len(matches) == 1, f"no single suggestion holds {fragment!r}"
    return matches[0]


def test_the_jama_psychiatry_sentence_is_suggested_because_it_cites_a_journal() -> None:
    hint = seed_suggestion("published in the journal JAMA Psychiatry")
    assert "cites a journal" in hint.reasons
    assert SEED_TEXT[hint.start : hint.end].startswith("These results, published in the journal JAMA Psychiatry")


def test_the_one_in_three_sentence_is_suggested_as_a_statistic_from_an_institution() -> None:
    hint = seed_suggestion("one in three people")
    assert {"contains a statistic", "cites an institution", "quotes someone"} <= set(hint.reasons)


def test_the_quoted_specialist_is_suggested_because_it_quotes_someone() -> None:
    hint = seed_suggestion("This cognitive effect could be a clinical response")
    assert "quotes someone" in hint.reasons


def test_the_four_hours_observation_is_a_statistic_and_a_causal_claim() -> None:
    hint = seed_suggestion("4 hours after taking the treatment")
    assert {"contains a statistic", "cites a study", "causal claim"} <= set(hint.reasons)


def test_headings_questions_and_sign_offs_are_not_suggested() -> None:
    suggested = {s.text for s in suggest(SEED_TEXT)}
    for text in (
        "Leave a Comment",
        "Ketamine and psychotherapy?",
        "A core belief system",
        "Negative beliefs, a symptom of depression",
        "Liane Schmidt, neuroscience researcher at Inserm, summarized to Liberation:",
    ):
        assert text not in suggested


def test_suggestions_are_ranked_by_score_then_reading_order() -> None:
    hints = suggest(SEED_TEXT)
    assert len(hints) >= 6
    keys = [(-h.score, h.start) for h in hints]
    assert keys == sorted(keys)
    assert hints[0].score > hints[-1].score
    assert any(fragment in hints[0].text for fragment in ("one in three people", "4 hours after"))


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Unemployment fell to 4.2% in March, the lowest level since 1969.", "contains a statistic"),
        ("Two out of five adults say they sleep badly most nights.", "contains a statistic"),
        ("The new line carries 1,200 passengers an hour between the two towns.", "contains a statistic"),
        ("The findings appeared in the journal Nature last week.", "cites a journal"),
        ("A study of nurses found that night shifts disrupt sleep for years.", "cites a study"),
        ("The World Health Organization said the outbreak was contained.", "cites an institution"),
        ("“We will not raise taxes,” the minister told parliament on Monday.", "quotes someone"),
        ("Air pollution causes thousands of early deaths in the city each year.", "causal claim"),
        ("Smoking leads to a sharp rise in the risk of lung cancer.", "causal claim"),
        ("Electric cars are cheaper than petrol cars over ten years of use.", "comparative claim"),
        ("Compared with last year, fewer students chose to study languages.", "comparative claim"),
    ],
)
def test_each_kind_of_check_worthy_sentence_gets_its_reason(sentence: str, reason: str) -> None:
    score, reasons = score_sentence(sentence)
    assert reason in reasons
    assert score >= 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Leave a Comment",
        "Share this article",
        "Read more",
        "What happens next?",
        "She walked home slowly that evening.",
    ],
)
def test_sentences_without_a_checkable_claim_score_nothing(sentence: str) -> None:
    assert score_sentence(sentence)[0] < 2


def test_a_dismissed_hint_is_left_out_of_the_articles_suggestions(editor: Any, django_assert_num_queries: Any) -> None:
    article = ArticleFactory(body=SEED_TEXT)
    jama = seed_suggestion("JAMA Psychiatry")

    suggestion_dismiss(article_id=article.pk, start=jama.start, end=jama.end, by=editor)

    with django_assert_num_queries(2):
        hints = article_hints(article)
    assert jama.start not in {h.start for h in hints}
    assert len(hints) == len(suggest(SEED_TEXT)) - 1
    row = DismissedSuggestion.objects.get(article=article)
    assert (row.start, row.end, row.dismissed_by) == (jama.start, jama.end, editor)


@pytest.mark.django_db
def test_dismissing_twice_keeps_one_row(editor: Any) -> None:
    article = ArticleFactory(body=SEED_TEXT)
    hint = suggest(SEED_TEXT)[0]
    suggestion_dismiss(article_id=article.pk, start=hint.start, end=hint.end, by=editor)
    suggestion_dismiss(article_id=article.pk, start=hint.start, end=hint.end, by=editor)
    assert DismissedSuggestion.objects.filter(article=article).count() == 1


@pytest.mark.django_db
def test_a_reviewer_cannot_dismiss_a_hint(reviewer: Any) -> None:
    article = ArticleFactory(body=SEED_TEXT)
    with pytest.raises(ServiceError, match="Only an editor"):
        suggestion_dismiss(article_id=article.pk, start=0, end=10, by=reviewer)
    assert not DismissedSuggestion.objects.exists()


@pytest.mark.django_db
def test_offsets_outside_the_article_are_refused(editor: Any) -> None:
    article = ArticleFactory(body="Short body.")
    with pytest.raises(ServiceError, match="not part of this article"):
        suggestion_dismiss(article_id=article.pk, start=5, end=500, by=editor)
    assert not DismissedSuggestion.objects.exists()


@pytest.mark.django_db
def test_a_sentence_that_already_holds_a_claim_is_no_longer_suggested(editor: Any) -> None:
    from claims.services import claim_create

    article = ArticleFactory(body=SEED_TEXT)
    jama = seed_suggestion("JAMA Psychiatry")
    part = SEED_TEXT.index("published in the journal JAMA Psychiatry")
    claim_create(article=article, span_start=part, span_end=part + 41, by=editor, search_sources=False)

    starts = {hint.start for hint in article_hints(article)}
    assert jama.start not in starts
    assert len(starts) == len(suggest(SEED_TEXT)) - 1
