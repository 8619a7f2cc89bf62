"""The languages the app knows: of the people using it (``LANGUAGES``), of articles, of the public pages.

An article's language decides how its text is read: the hints' and cues' patterns, and the PostgreSQL
text search configuration its search documents and claim matching use. It is chosen at import or
detected from the text (``detect``). The newsroom's language (``NEWSROOM_LANGUAGE``) is the one its
public pages, feeds and ClaimReview markup speak, whoever publishes.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.utils.translation import gettext_lazy as _

ENGLISH = "en"
FRENCH = "fr"

# The languages an article may be in, with the text search configuration of each.
ARTICLE_LANGUAGES = [(ENGLISH, _("English")), (FRENCH, _("French"))]
SEARCH_CONFIGS = {ENGLISH: "english", FRENCH: "french"}

# Short words frequent in running text of each language and rare in the other's.
_FUNCTION_WORDS = {
    ENGLISH: frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "is",
            "that",
            "was",
            "for",
            "with",
            "as",
            "are",
            "on",
            "by",
            "this",
            "be",
            "from",
            "at",
            "have",
            "has",
            "were",
            "which",
            "not",
            "or",
            "an",
            "it",
            "their",
            "its",
            "but",
            "been",
            "they",
            "who",
            "said",
        ]
    ),
    FRENCH: frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "de",
            "et",
            "est",
            "une",
            "un",
            "dans",
            "pour",
            "sur",
            "que",
            "qui",
            "par",
            "au",
            "aux",
            "pas",
            "plus",
            "ont",
            "été",
            "selon",
            "ce",
            "cette",
            "sont",
            "avec",
            "son",
            "ses",
            "leur",
            "mais",
            "ou",
            "il",
            "elle",
            "nous",
        ]
    ),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def default_article_language() -> str:
    """The newsroom's language as an article language ('en-gb' -> 'en'); English if it is none of them."""
    base = settings.NEWSROOM_LANGUAGE.lower().split("-")[0]
    return base if base in SEARCH_CONFIGS else ENGLISH


def detect(text: str) -> str:
    """The article language the text is most likely written in: counts of each language's function words.

    Ties (and texts with none of them) go to the newsroom's language.
    """
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    for match in _WORD.finditer(text[:20000]):
        word = match.group().lower()
        for lang, words in _FUNCTION_WORDS.items():
            if word in words:
                counts[lang] += 1
    best = max(counts.values())
    winners = [lang for lang, n in counts.items() if n == best]
    if best == 0 or len(winners) > 1:
        return default_article_language()
    return winners[0]
