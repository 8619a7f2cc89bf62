"""Do two claims say the same thing? Pure functions over their words, and a small embedding model.

The first pass (PostgreSQL full-text and trigram search, :mod:`claims.matching.finder`) finds the
claims sharing any informative word. This module re-ranks them:

- **meaning**: the cosine of the two claims' WordLlama embeddings (a static, CPU-only model whose 16 MB
  of weights ship inside the ``wordllama`` wheel; nothing is downloaded, ever);
- **words**: the share of lexemes in common (from the database) and the trigram similarity;
- **what a bag of words misses**: numbers that disagree ("14%" and "40%"; "one in three" and "a third"
  agree), opposite directions ("rose" and "fell", "raises" and "lowers"), opposite words ("approved" and
  "vetoed"), different names ("FDA" and "EMA"; "Biden" and "President Joe Biden" agree), different times
  ("in June" and "in 2019", "last week" and "last month") and negation.

A pair is **confident** (suggested as "checked before") when its score reaches :data:`CONFIDENT`.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

# Scores at or above this are suggested as the same claim: the middle of the range (0.42-0.46) where
# claims/matching/evaluation/pairs.json gives its best precision at full recall.
CONFIDENT = 0.44

# Meaning counts, less what sharing words alone explains (a bag-of-words embedding rates two claims
# that differ by one swapped word as close; a rewording that keeps the meaning is the better sign),
# with a little for the spelling of names and numbers that trigrams see.
WEIGHTS = {"meaning": 1.0, "words": -0.3, "trigrams": 0.1}
# A sign that the two claims say different things halves the score: sharing words is then no evidence.
CONFLICTS = (
    "numbers_differ",
    "direction_differs",
    "opposite_words",
    "names_differ",
    "times_differ",
    "negation_differs",
)
CONFLICT_FACTOR = 0.5
BONUS_NUMBERS_AGREE = 0.05

# -- Numbers ---------------------------------------------------------------------------------------

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1e12}
_SUFFIX_SCALES = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000, "tn": 1e12}
_FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25}
_MULTIPLES = {
    "twice": 2,
    "double": 2,
    "doubled": 2,
    "twofold": 2,
    "triple": 3,
    "tripled": 3,
    "threefold": 3,
    "quadruple": 4,
    "quadrupled": 4,
    "fourfold": 4,
    "fivefold": 5,
    "tenfold": 10,
}
# Durations are compared in hours: "a decade" and "ten years" agree, "four hours" and "four years" do not.
_HOURS = {"hour": 1, "hours": 1, "day": 24, "days": 24, "week": 168, "weeks": 168, "month": 730, "months": 730}
_HOURS |= {"year": 8760, "years": 8760, "decade": 87600, "decades": 87600, "century": 876000, "centuries": 876000}
_DURATIONS = {"decade", "decades", "century", "centuries"}
# Decades and centuries are also read as years, so "four decades" meets "40" as well as "40 years".
_YEARS = {"decade": 10.0, "decades": 10.0, "century": 100.0, "centuries": 100.0}

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+(?:['’][a-z]+)?|[%£$€°]")
_PERCENT_WORDS = ("percent", "per cent", "percentage point", "percentage points")


def _tokens(text: str) -> list[str]:
    lowered = text.lower().replace("-", " ")
    for phrase in _PERCENT_WORDS:
        lowered = lowered.replace(phrase, " % ")
    return _TOKEN.findall(lowered)


def _number(token: str) -> float | None:
    if token[0].isdigit():
        cleaned = token.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", token) else token.replace(",", ".")
        try:
            return float(cleaned)
        except ValueError:
            return None
    return None


Quantity = tuple[float, float | None]  # the number as written, and in hours when it is a duration


def numbers(text: str) -> list[Quantity]:
    """The quantities a claim states, normalised: "4.2%", "4.2 per cent" -> 0.042; "one in three",
    "a third" -> 0.333; "twelve thousand", "12,000" -> 12000; "doubled" -> 2. Durations also carry
    their length in hours: "ten years" and "a decade" agree."""
    tokens = _tokens(text)
    values: list[Quantity] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        value = _number(token)
        if value is None and (token in _UNITS or token in _TENS):
            value = float(_UNITS.get(token, 0) + _TENS.get(token, 0))
            if token in _TENS and i + 1 < len(tokens) and tokens[i + 1] in _UNITS:
                value += _UNITS[tokens[i + 1]]
                i += 1
        if value is not None:
            # "12,000", "12 thousand", "4.5bn": scale words and suffixes that follow.
            while i + 1 < len(tokens) and (tokens[i + 1] in _SCALES or tokens[i + 1] in _SUFFIX_SCALES):
                value *= _SCALES.get(tokens[i + 1], 0) or _SUFFIX_SCALES[tokens[i + 1]]
                i += 1
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            after = tokens[i + 2] if i + 2 < len(tokens) else ""
            if nxt == "%":
                values.append((value / 100, None))
                i += 2
                continue
            if nxt in ("in", "out") and (after in ("of",) or after in _UNITS or _number(after) is not None):
                # "one in three", "two out of five"
                j = i + 2 + (1 if nxt == "out" else 0)
                denominator = _number(tokens[j]) if j < len(tokens) and _number(tokens[j]) is not None else None
                if denominator is None and j < len(tokens) and tokens[j] in _UNITS:
                    denominator = float(_UNITS[tokens[j]])
                if denominator:
                    values.append((value / denominator, None))
                    i = j + 1
                    continue
            if nxt in _FRACTIONS:
                values.append((value * _FRACTIONS[nxt], None))
                i += 2
                continue
            if nxt in _HOURS:
                values.append((value * _YEARS.get(nxt, 1), value * _HOURS[nxt]))
                i += 2
                continue
            values.append((value, None))
            i += 1
            continue
        if token in _FRACTIONS:
            # "half a percentage point" is 0.5 points, like "0.5 percentage points".
            rest = tokens[i + 1 : i + 3]
            percent = rest[:1] == ["%"] or rest == ["a", "%"]
            values.append((_FRACTIONS[token] / (100 if percent else 1), None))
            i += 1 + (len(rest) if percent and rest[0] == "a" else 1 if percent else 0)
            continue
        if token in _MULTIPLES:
            values.append((float(_MULTIPLES[token]), None))
        elif token in _DURATIONS:
            values.append((_YEARS[token], float(_HOURS[token])))
        elif token in _SCALES and (i + 1 < len(tokens) and tokens[i + 1] in _HOURS):
            # "a hundred years", "a thousand days"
            values.append((_SCALES[token] * _YEARS.get(tokens[i + 1], 1), _SCALES[token] * _HOURS[tokens[i + 1]]))
            i += 1
        i += 1
    return values


def _near(a: float, b: float) -> bool:
    return a == b or math.isclose(a, b, rel_tol=0.03) or (abs(a) < 1 and abs(b) < 1 and abs(a - b) < 0.006)


def _close(a: Quantity, b: Quantity) -> bool:
    if a[1] is not None and b[1] is not None:
        return _near(a[1], b[1])
    return _near(a[0], b[0])


def numbers_agree(a: list[Quantity], b: list[Quantity]) -> bool | None:
    """True when every number of the claim with fewer has a match in the other; None when one has none."""
    if not a or not b:
        return None
    few, many = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(_close(x, y) for y in many) for x in few)


# -- Direction, opposites, negation ----------------------------------------------------------------


def _words(*items: str) -> frozenset[str]:
    return frozenset(word for item in items for word in item.split())


UP = _words(
    "rise rises rising rose risen increase increases increased increasing grow grows grew grown growing",
    "climb climbs climbed soar soared surge surged jump jumped gain gains gained up higher more boost boosted",
    "raise raises raised raising double doubled triple tripled twofold threefold expand expanded improve improved",
    "create created creates add added",
)
DOWN = _words(
    "fall falls fell fallen falling drop drops dropped decrease decreases decreased decreasing decline declines",
    "declined shrink shrinks shrank shrunk plunge plunged plummet plummeted slump slumped dip dipped down lower",
    "lowers lowered fewer less halve halved cut cuts reduce reduces reduced reducing lose loses lost lost",
    "worsen worsened",
)
# Pairs of words that say opposite things about the same subject (a general list, not the evaluation's).
OPPOSITES = [
    (_words("approve approves approved approval"), _words("reject rejects rejected veto vetoes vetoed ban banned")),
    (_words("buy buys bought acquire acquired"), _words("sell sells sold")),
    (_words("win wins won winner"), _words("lose loses lost loser")),
    (_words("safe safety"), _words("unsafe dangerous harmful")),
    (_words("sign signs signed"), _words("veto vetoes vetoed")),
    (_words("true"), _words("false")),
    (_words("legal legalise legalised legalize legalized"), _words("illegal ban banned outlaw outlawed")),
    (_words("high highest record"), _words("low lowest")),
    (_words("emergency"), _words("over ended")),
    (_words("effective works"), _words("ineffective useless")),
    (_words("lost losing loss"), _words("gained gain gaining")),
    (_words("first"), _words("last")),
    (_words("cut cuts axed"), _words("create creates created")),
    (_words("start starts started begin begins began"), _words("end ends ended finish finishes finished stop")),
    (_words("open opens opened opening"), _words("close closes closed closing closure shut")),
    (_words("early earlier"), _words("late later")),
    (_words("before"), _words("after")),
    (_words("support supports supported favour favor back backs"), _words("oppose opposes opposed against")),
    (_words("accept accepts accepted"), _words("refuse refuses refused decline declined")),
    (_words("allow allows allowed permit permitted"), _words("forbid forbids forbidden prohibit prohibited")),
    (_words("pass passed passes"), _words("fail failed fails")),
    (_words("guilty"), _words("innocent acquitted")),
    (_words("alive survived"), _words("dead died killed")),
    (_words("import imports imported"), _words("export exports exported")),
    (_words("public"), _words("private")),
    (_words("most"), _words("least")),
    (_words("best"), _words("worst")),
    (_words("success successful"), _words("failure unsuccessful")),
    (_words("join joins joined"), _words("leave leaves left quit")),
    (_words("hire hires hired"), _words("fire fires fired")),
    (_words("men male"), _words("women female")),
    (_words("adults"), _words("children")),
]

# When a claim is about: "in June" and "in 2019", "last week" and "last month" are different claims.
_MONTHS = _words("january february march april may june july august september october november december")
_DAYS = _words("monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow")
_PERIODS = {"week", "month", "year", "decade", "century", "quarter", "weekend", "summer", "winter", "spring"}


def times(text: str) -> set[str]:
    """The points in time a claim names: years, months, days, and "last/this/next week" (as "last week")."""
    lowered = text.lower()
    found = set(re.findall(r"\b(?:1[89]|20)\d{2}\b", lowered))
    words = re.findall(r"[a-z]+", lowered)
    found |= {w for w in words if w in _MONTHS or w in _DAYS}
    for before, after in itertools.pairwise(words):
        if before in ("last", "past", "this", "next", "previous") and after in _PERIODS:
            found.add(("last" if before in ("past", "previous") else before) + " " + after)
    return found


def times_differ(a: str, b: str) -> bool:
    """Both claims name a time and they share none."""
    ta, tb = times(a), times(b)
    return bool(ta and tb and not ta & tb)


NEGATIONS = _words("not no never none nobody nothing neither nor cannot without n't isn't aren't wasn't didn't")


def _lower_words(text: str) -> list[str]:
    return re.findall(r"[a-z]+(?:['’]t)?", text.lower())


def direction(text: str) -> int:
    words = _lower_words(text)
    up = sum(word in UP for word in words)
    down = sum(word in DOWN for word in words)
    return (up > down) - (down > up)


def opposite_words(a: str, b: str) -> bool:
    wa, wb = set(_lower_words(a)), set(_lower_words(b))
    for left, right in OPPOSITES:
        if (wa & left and wb & right and not wa & right and not wb & left) or (
            wa & right and wb & left and not wa & left and not wb & right
        ):
            return True
    return False


def negated(text: str) -> bool:
    words = _lower_words(text)
    return sum(word in NEGATIONS or word.endswith("n't") for word in words) % 2 == 1


# -- Names -----------------------------------------------------------------------------------------

_NAME_WORD = re.compile(r"\b([A-Z][\w'’.-]*|[A-Z]{2,}\w*)")
_SMALL = _words("The A An In On At Of For And But To By From With This That These Those It Its Only Just Over")
_TITLES = _words("President Prime Minister Mr Mrs Ms Dr Prof Professor Sir Dame Lord Lady Chancellor Senator")


def names(text: str) -> set[str]:
    """Proper names and acronyms, lower-cased, with the initials of each run of capitalised words
    ("European Central Bank" also gives "ecb"). A sentence's first word counts only in capitals."""
    found: set[str] = set()
    run: list[str] = []

    def close_run() -> None:
        if len(run) > 1:
            found.add("".join(w[0] for w in run).lower())
        run.clear()

    last_end: int | None = None
    for match in _NAME_WORD.finditer(text):
        word = re.sub(r"['’]s$", "", match.group(1).strip(".'’"))
        before = text[: match.start()].rstrip()
        at_start = not before or before.endswith((".", "!", "?", ":"))
        if last_end is None or text[last_end : match.start()].strip() not in ("", "of", "and", "for"):
            close_run()
        last_end = match.end()
        if len(word) < 2 or word in _SMALL or word in _TITLES or (at_start and not word.isupper()):
            close_run()
            continue
        found.add(word.lower())
        run.append(word)
    close_run()
    return found


def _same_name(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a))) or fuzz.ratio(a, b) >= 86


def names_differ(a: str, b: str) -> bool:
    """Both claims name someone or something the other does not: "FDA" and "EMA", "Paris" and "London"."""
    na, nb = names(a), names(b)
    if not na or not nb:
        return False
    only_a = [x for x in na if not any(_same_name(x, y) for y in nb)]
    only_b = [y for y in nb if not any(_same_name(x, y) for x in na)]
    return bool(only_a) and bool(only_b)


# -- Meaning ---------------------------------------------------------------------------------------


@functools.cache
def model() -> Any:
    """The WordLlama model, read from the files inside the installed wheel (never from the network).

    ``WordLlama.load()`` looks for its tokenizer in a folder the wheel does not have and then tries
    to download it; reading both files ourselves keeps it offline and fails loudly if they are missing.
    """
    from importlib.resources import files

    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    package = files("wordllama")
    tokenizer = Tokenizer.from_file(str(package / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    with safe_open(str(package / "weights" / "l2_supercat_256.safetensors"), framework="np") as weights:
        embedding = weights.get_tensor("embedding.weight")
    return WordLlamaInference(embedding, tokenizer, binary=False)


def meanings(texts: list[str]) -> Any:
    """Unit-length embeddings of ``texts`` (one row each)."""
    return model().embed(texts, norm=True)


# -- The score -------------------------------------------------------------------------------------


@dataclass
class Pair:
    """What the first pass knows of a candidate: its text and the database's word and trigram overlap."""

    text: str
    words: float  # Dice coefficient of the two claims' lexemes
    trigrams: float  # trigram similarity (pg_trgm's formula)
    meaning: float = 0.0
    features: dict[str, Any] = field(default_factory=dict)
    score: float = 0.0


def score_pair(claim: str, other: Pair) -> Pair:
    """Score one candidate against ``claim`` (``other.meaning`` already set), filling its features."""
    agree = numbers_agree(numbers(claim), numbers(other.text))
    da, db = direction(claim), direction(other.text)
    flags = {
        "numbers_differ": agree is False,
        "direction_differs": da != 0 and db != 0 and da != db,
        "opposite_words": opposite_words(claim, other.text),
        "names_differ": names_differ(claim, other.text),
        "times_differ": times_differ(claim, other.text),
        "negation_differs": negated(claim) != negated(other.text),
    }
    base = WEIGHTS["meaning"] * other.meaning + WEIGHTS["words"] * other.words + WEIGHTS["trigrams"] * other.trigrams
    score = base + (BONUS_NUMBERS_AGREE if agree else 0.0)
    if any(flags.values()):
        score *= CONFLICT_FACTOR
    other.score = max(0.0, min(1.0, score))
    other.features = {
        "meaning": round(other.meaning, 3),
        "words": round(other.words, 3),
        "trigrams": round(other.trigrams, 3),
        "numbers_agree": agree,
        **{name: raised for name, raised in flags.items() if raised},
    }
    return other


def rerank(claim: str, candidates: list[Pair]) -> list[Pair]:
    """Every candidate scored against ``claim``, best first."""
    if not candidates:
        return []
    vectors = meanings([claim, *[c.text for c in candidates]])
    mine = vectors[0]
    for candidate, vector in zip(candidates, vectors[1:], strict=True):
        candidate.meaning = float(max(0.0, min(1.0, (mine @ vector))))
        score_pair(claim, candidate)
    return sorted(candidates, key=lambda c: -c.score)
