"""Text helpers every app shares: one newline normaliser, one DOI normaliser, one PMID normaliser, and
the one way a sentence holds a list ("Crossref, PubMed and OpenAlex") in the reader's language."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote

from django.utils.translation import pgettext

# No whitespace and no control characters: a DOI ends up in a URL path.
DOI_RE = re.compile(r"^10\.\d{4,9}/[^\s\x00-\x1f\x7f]+$")
DOI_IN_TEXT_RE = re.compile(r"\b(10\.\d{4,9}/[^\s\"'<>]+)", re.IGNORECASE)
DOI_PREFIXES = (
    "https://doi.org/",
    "http://doi.org/",
    "https://dx.doi.org/",
    "http://dx.doi.org/",
    "doi.org/",
    "dx.doi.org/",
    "doi:",
)


def normalise_newlines(text: str) -> str:
    """Every line break as ``\\n`` (Windows and old Mac line ends included)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalise_doi(value: Any) -> str:
    """A DOI in lower case without its URL or ``doi:`` prefix, or "" if ``value`` is not one."""
    if not isinstance(value, str):
        return ""
    text = unquote(value.strip())
    lowered = text.lower()
    for prefix in DOI_PREFIXES:
        if lowered.startswith(prefix):
            text = text[len(prefix) :].strip()
            lowered = text.lower()
    # Sentence punctuation after a DOI in running text is almost never part of it.
    text = text.rstrip(".,;:")
    if text.endswith(")") and text.count("(") < text.count(")"):
        text = text[:-1]
    text = text.lower()
    return text if DOI_RE.match(text) else ""


_PMID_PREFIX = re.compile(r"^pmid\s*:?\s*", re.IGNORECASE)


def normalise_pmid(value: Any) -> str:
    """A PubMed id as digits ("36169969" from "PMID: 36169969" or a pubmed.ncbi.nlm.nih.gov link), or ""."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return ""
    text = value.strip().rstrip("/")
    if "/" in text:
        text = text.rsplit("/", 1)[-1]
    text = _PMID_PREFIX.sub("", text).strip()
    return text if text.isdigit() and text.isascii() and 0 < len(text) <= 10 else ""


def list_and(items: Iterable[Any]) -> str:
    """The items as a list a sentence can hold: "A", "A and B", "A, B and C" (in the active language).

    The sentence around it stays whole: ``_("Searching %(providers)s for sources.") % {"providers": list_and(names)}``.
    """
    words = [str(item) for item in items]
    if len(words) < 2:
        return "".join(words)
    first = pgettext("the separator between a list's first items: A, B and C", ", ").join(words[:-1])
    return first + pgettext("the separator before a list's last item: A, B and C", " and ") + words[-1]
