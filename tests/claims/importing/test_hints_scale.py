"""Hints on huge pastes: linear time, and a cap on what is read that the article page states.

The attack: a 2.4 MB paste in one paragraph made its article page a 500 after 30 s (sentence
splitting was quadratic in the paragraph's length: 100 kB took 4.5 s, 400 kB 66 s).
"""

from __future__ import annotations

import time
from typing import Any

from django.urls import reverse

from claims.importing import hints
from claims.importing.hints import MAX_ANALYSED_CHARACTERS, split_sentences, suggest
from claims.importing.selectors import MAX_HINTS_SHOWN
from tests.factories import ArticleFactory

SENTENCES = (
    "Dr. Smith of the U.S. Food and Drug Administration said 40% of patients improved within 4 hours. ",
    "The study, published in JAMA Psychiatry, found that J. K. Rowling was not involved. ",
    "“Is it effective?” she asked. It was, according to the researchers at the CNRS. ",
    "Prices rose 3.5 times faster than wages in 2021 e.g. in Paris... The data speak for themselves! ",
)


def one_paragraph(size: int) -> str:
    """A paste of about ``size`` characters without a single line break."""
    unit = "".join(SENTENCES)
    return (unit * (size // len(unit) + 1))[:size]


def best_time(body: str, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        split_sentences(body)
        times.append(time.perf_counter() - started)
    return min(times)


def test_sentence_splitting_grows_linearly_with_the_paragraph() -> None:
    small, large = one_paragraph(50_000), one_paragraph(400_000)
    # Interleaved, best of several: a busy machine slows one run, rarely all of them.
    small_time = min(best_time(small, 1) for _ in range(3))
    large_time = min(best_time(large, 1) for _ in range(3))
    # Eight times the text: about 8x the time when linear, 64x when quadratic (as it was).
    assert large_time / small_time < 24, (small_time, large_time)
    assert large_time < 5.0


def test_splitting_a_long_paragraph_still_finds_every_sentence() -> None:
    body = one_paragraph(len("".join(SENTENCES)) * 50)
    sentences = split_sentences(body)
    # Six sentences in each unit: "Dr.", "U.S.", "J. K.", "3.5" and "e.g." end none.
    assert len(sentences) == 50 * 6
    assert all(body[s.start : s.end] == s.text for s in sentences)
    assert sentences[0].text == SENTENCES[0].strip()


def test_a_two_megabyte_paste_is_analysed_only_up_to_the_cap() -> None:
    body = one_paragraph(2_400_000)
    started = time.perf_counter()
    found = suggest(body)
    assert time.perf_counter() - started < 10.0
    assert found
    assert max(s.end for s in found) <= MAX_ANALYSED_CHARACTERS
    # The sentence the cut runs through is left out rather than shown half.
    assert all(s.text.endswith((".", "!", "…")) for s in found)


def test_a_sentence_without_full_stops_is_not_scored(monkeypatch: Any) -> None:
    scored: list[int] = []
    real = hints.score_sentence

    def counting(text: str, language: str = "en") -> Any:
        scored.append(len(text))
        return real(text, language)

    monkeypatch.setattr(hints, "score_sentence", counting)
    body = "The study found that 40% of patients improved. The " + "word " * 5000 + "end."
    suggest(body)
    assert scored and max(scored) <= hints.MAX_SENTENCE_CHARACTERS


def test_the_article_page_says_the_hints_cover_only_the_opening(client: Any, editor: Any) -> None:
    article = ArticleFactory(body=one_paragraph(MAX_ANALYSED_CHARACTERS + 50_000))
    client.force_login(editor)
    started = time.perf_counter()
    response = client.get(reverse("claims:article", args=[article.pk]))
    assert time.perf_counter() - started < 20.0
    assert response.status_code == 200
    html = response.content.decode()
    assert "the hints below come from its first 200,000 characters only" in html
    assert "Select any passage further down to make a claim from it." in html
    # Only the best hints are shown, each a form: thousands of them made a 7 MB page of a 400 kB paste.
    assert html.count('class="make-claim-form"') == MAX_HINTS_SHOWN
    assert "Showing the 50 most check-worthy sentences of " in html
    card = html[html.index('<section id="suggestions"') :]
    assert len(card[: card.index("</section>")]) < 150_000


def test_a_short_article_page_does_not_mention_the_cap(client: Any, editor: Any) -> None:
    article = ArticleFactory(body=one_paragraph(5_000))
    client.force_login(editor)
    html = client.get(reverse("claims:article", args=[article.pk])).content.decode()
    assert "hints-cut-short" not in html
