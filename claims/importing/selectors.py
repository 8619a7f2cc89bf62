"""Reads of the import wing: the hints an article's page shows."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.utils.formats import number_format

from claims.importing.hints import MAX_ANALYSED_CHARACTERS, Suggestion, claimant_for, is_cut_short, suggest
from claims.models import Article, DismissedSuggestion

MAX_HINTS_SHOWN = 50


def article_hints(article: Article) -> list[Suggestion]:
    """Hints for an article's page (two queries).

    Leaves out the hints an editor dismissed and every sentence with text already claimed: once a
    claim is made from a sentence, from part of it, or from a passage that covers it, the hint has done
    its job.
    """
    dismissed = set(DismissedSuggestion.objects.filter(article=article).values_list("start", "end"))
    claimed = list(article.claims.values_list("span_start", "span_end"))
    return [
        hint
        for hint in suggest(article.body, dismissed=dismissed, language=article.language)
        if not any(start < hint.end and hint.start < end for start, end in claimed)
    ]


PENDING_KEY = "pending_import"


def pending_import_panel(article: Article, request: Any) -> dict[str, Any]:
    """The "import anyway" card on the article an import landed on (for :data:`claims.hooks.article_panels`)."""
    pending = request.session.get(PENDING_KEY)
    if not pending or pending.get("existing_id") != article.pk:
        pending = None
    return {"pending": pending, "article": article}


# A long story has dozens of hints: the best few are shown, the rest one click away (importing/_hints.html).
HINTS_SHOWN = 5


def hints_panel(article: Article, user: Any) -> dict[str, Any]:
    """The context of the hints card on the article page: the best few, the rest on demand, at most
    MAX_HINTS_SHOWN (each hint is a form, and a long article has thousands of candidate sentences)."""
    hints = article_hints(article)
    shown = [
        replace(hint, claimant=claimant_for(hint.text, article.outlet, article.language))
        for hint in hints[:MAX_HINTS_SHOWN]
    ]
    return {
        "article": article,
        "suggestions": shown,
        "hints_total": len(hints),
        "hints_cut_short": is_cut_short(article.body),
        "hints_limit": number_format(MAX_ANALYSED_CHARACTERS, force_grouping=True),
    }
