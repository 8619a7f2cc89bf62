"""People's names as journalists write them: particles, apostrophes, accents, hyphens, Mc and Mac.

"Jan van der Berg", "Sean O'Brien", "José Álvarez", "Anna Smith-Jones", "Fiona MacLeod" and
"Ana de la Cruz" are each one person with one family name; comparing them with the author lists
of the providers ("van der Berg J", "O'Brien S", "Álvarez J") goes through :func:`surname_key`.
"""

from __future__ import annotations

import re
import unicodedata

# Lower-case words that belong to a family name ("van der Berg", "de la Cruz", "bin Salman").
PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "des",
        "la",
        "le",
        "lo",
        "dos",
        "das",
        "do",
        "ter",
        "ten",
        "bin",
        "ibn",
        "al",
        "el",
        "zu",
        "af",
        "av",
    ]
)
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LO = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĳĵķĸĺļľŀłńņňŉŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž"
APOSTROPHES = "'’"
# One capitalised name part: "Schmidt", "O'Brien", "McDonald", "MacLeod", "D'Angelo", "Jean-Pierre",
# "Smith-Jones", "Álvarez".
PART = (
    rf"(?:(?:[OoDdLl][{APOSTROPHES}])?(?:Mc|Mac)?[{_UP}][{_LO}]+(?:[{APOSTROPHES}][{_LO}]+)?"
    rf"(?:-(?:[OoDd][{APOSTROPHES}])?(?:Mc|Mac)?[{_UP}][{_LO}]+)*)"
)
PARTICLE = r"(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r")"
# A whole name: a first name (or an initial), optional middle initials, particles and the family name.
# At most three middle parts: unbounded, a run of capitalised words made every name pattern quadratic.
NAME = (
    rf"(?:{PART}|[{_UP}]\.)(?:\s+(?:[{_UP}]\.|{PART})){{0,3}}?"
    rf"(?:\s+(?:{PARTICLE}\s+){{0,2}}(?:{PARTICLE}-)?{PART})"
)
NAME_RE = re.compile(NAME)


def fold(text: str) -> str:
    """No accents, no case, apostrophes and hyphens as spaces: 'O’Brien' -> 'o brien', 'Álvarez' -> 'alvarez'."""
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[’'`\-.]", " ", plain)
    return " ".join(re.sub(r"[^\w\s]", " ", plain).split())


def surname(name: str) -> str:
    """The family name of a full name: 'Jan van der Berg' -> 'van der Berg', 'José Álvarez' -> 'Álvarez'."""
    words = name.split()
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    # Walk back from the last word over particles: "van der Berg", "de la Cruz".
    start = len(words) - 1
    while start - 1 > 0 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(words[start:])


def surname_key(name: str) -> str:
    """A comparison key for family names, without particles: 'van der Berg' and 'Berg' meet on 'berg'."""
    parts = [p for p in fold(name).split() if p not in PARTICLES]
    return " ".join(parts)


def author_family(short: str) -> str:
    """The family name of a provider's "Berg JV" / "O'Brien S" / "de la Cruz A" author string, as a key."""
    parts = short.split()
    if len(parts) > 1 and parts[-1].replace(".", "").isupper() and len(parts[-1].replace(".", "")) <= 4:
        parts = parts[:-1]
    return surname_key(" ".join(parts))


def looks_like_person(name: str) -> bool:
    """At least a first name and a family name, each capitalised where English capitalises names."""
    words = [w for w in name.split() if w.lower() not in PARTICLES]
    return len(words) >= 2 and all(w[:1].isupper() or w[:2] in ("Mc",) for w in words)
