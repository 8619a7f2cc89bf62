"""Identifiers and text, made comparable: DOIs, PMIDs, titles, JATS and HTML markup, inverted abstracts."""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from typing import Any

import snowballstemmer

from factcheck.text import DOI_IN_TEXT_RE as DOI_IN_TEXT_RE
from factcheck.text import normalise_doi, normalise_pmid

TAG_RE = re.compile(r"<[^>]+>")
SPACE_RE = re.compile(r"\s+")

# The one DOI normaliser, shared with the workspace; re-exported under the name the providers use.
doi = normalise_doi
pmid = normalise_pmid


def pmcid(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return ""
    text = value.strip().rstrip("/")
    if "/" in text:
        text = text.rsplit("/", 1)[-1]
    text = text.upper()
    if text.isdigit() and text.isascii():
        text = "PMC" + text
    return text if re.fullmatch(r"PMC\d{1,10}", text) else ""


def strip_markup(value: Any) -> str:
    """Plain text from JATS or light HTML: tags dropped, entities decoded, spaces collapsed."""
    if not isinstance(value, str):
        return ""
    text = re.sub(r"<(jats:)?title>\s*Abstract\s*</(jats:)?title>", " ", value, flags=re.IGNORECASE)
    # Block tags and line breaks separate words: Europe PMC writes "<h4>Importance</h4>Ketamine has...".
    text = re.sub(r"</?(jats:)?(p|title|sec|h[1-6]|div|ul|ol|li|br)\b[^>]*>", " ", text, flags=re.IGNORECASE)
    text = TAG_RE.sub("", text)
    text = html.unescape(text)
    return SPACE_RE.sub(" ", text).strip()


def title(value: Any) -> str:
    text = strip_markup(value)
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def title_key(value: Any) -> str:
    """A comparison key for titles: no accents, case, punctuation or "retracted:" prefix."""
    text = unicodedata.normalize("NFKD", strip_markup(value)).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"^(retracted|retraction)\s*:\s*", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    return SPACE_RE.sub(" ", text).strip()


def fold(value: str) -> str:
    """Lower case without accents, ligatures spelt out: "Cœur" -> "coeur", "dépression" -> "depression"."""
    folded = unicodedata.normalize("NFKD", value).casefold().replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in folded if not unicodedata.combining(c))


def words(value: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", fold(value))


_STEMMER = snowballstemmer.stemmer("english")
_STEMMERS = {"en": _STEMMER, "fr": snowballstemmer.stemmer("french")}


@functools.lru_cache(maxsize=50_000)
def stem(word: str, language: str = "en") -> str:
    """The Snowball stem in ``language`` (English Porter2 by default), so that skipped/skipping and
    depression/depressive compare equal, and in French dépressions/dépressive."""
    return str(_STEMMERS.get(language, _STEMMER).stemWord(word))


def invert_abstract(index: Any) -> str:
    """Rebuild an OpenAlex abstract from its inverted index ``{word: [positions]}``."""
    if not isinstance(index, dict):
        return ""
    placed: dict[int, str] = {}
    for word, positions in index.items():
        if not isinstance(word, str) or not isinstance(positions, list):
            continue
        for position in positions:
            if isinstance(position, int) and not isinstance(position, bool) and 0 <= position < 100_000:
                placed[position] = word
    return " ".join(placed[p] for p in sorted(placed))


def author_short(family: Any, given: Any = None, initials: Any = None) -> str:
    """'Bottemanne H' from family and given names (or initials)."""
    family = family.strip() if isinstance(family, str) else ""
    if not family:
        return ""
    if isinstance(initials, str) and initials.strip():
        return f"{family} {initials.strip()}"
    if isinstance(given, str) and given.strip():
        parts = re.split(r"[\s\-.]+", given.strip())
        letters = "".join(p[0].upper() for p in parts if p)
        return f"{family} {letters}".strip()
    return family


def author_from_display(name: Any) -> str:
    """'Hugo Bottemanne' -> 'Bottemanne H'."""
    if not isinstance(name, str) or not name.strip():
        return ""
    parts = name.strip().split()
    if len(parts) == 1:
        return parts[0]
    return author_short(parts[-1], " ".join(parts[:-1]))


def family_name(short: str) -> str:
    """'Bottemanne H' -> 'bottemanne'."""
    parts = short.split()
    if len(parts) > 1 and parts[-1].isupper() and len(parts[-1]) <= 4:
        parts = parts[:-1]
    return title_key(" ".join(parts))
