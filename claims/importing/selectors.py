"""Reads of the import wing: the hints an article's page shows."""

from __future__ import annotations

from typing import Any

from django.utils.formats import number_format

from claims.importing.hints import MAX_ANALYSED_CHARACTERS, Suggestion, is_cut_short, suggest
from claims.models import Article, DismissedSuggestion

MAX_HINTS_SHOWN = 50


def article_hints(article: Article) -> list[Suggestion]:
    """Hints for an article's page (two queries).

    Leaves out the hints an editor dismissed and the sentences that already hold a claim: once a
    claim is made from a sentence, or from part of it, the hint has done its job.
    """
    dismissed = set(DismissedSuggestion.objects.filter(article=article).values_list("start", "end"))
    claimed = list(article.claims.values_list("span_start", "span_end"))
    return [
        hint
        for hint in suggest(article.body, dismissed=dismissed)
        if not any(hint.start <= start and end <= hint.end for start, end in claimed)
    ]


def hints_panel(article: Article, user: Any) -> dict[str, Any]:
    """The context of the hints card on the article page."""
    hints = article_hints(article)
    return {
        "article": article,
        # The best ones: each hint is a form, and a long article has thousands of candidate sentences.
        "suggestions": hints[:MAX_HINTS_SHOWN],
        "hints_total": len(hints),
        "hints_cut_short": is_cut_short(article.body),
        "hints_limit": number_format(MAX_ANALYSED_CHARACTERS, force_grouping=True),
    }
