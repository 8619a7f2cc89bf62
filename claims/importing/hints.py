"""Check-worthiness hints: which sentences of an article deserve a claim.

Pure functions over the article body. Offsets always point into the exact stored body, so a hint
can become a claim anchored to the same characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# -- Sentences -----------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that end in a full stop without ending the sentence. Lower-cased, without the final dot.
ABBREVIATIONS = _words(
    """
    dr mr mrs ms mx prof sr jr st mt ft rev hon gen col lt sgt capt cmdr adm gov sen rep pres supt insp
    vs v cf ca approx est fig figs no nos vol vols pp p ed eds al op cit ibid dept univ inst assn
    inc ltd co corp bros plc llc jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    e.g i.e u.s u.k u.n u.s.a e.u ph.d m.d b.a m.a b.sc m.sc a.m p.m n.b
    """
)
# Words that open a new sentence after an ambiguous dot ("… in the U.S. The study found …").
SENTENCE_OPENERS = _words(
    """
    the this that these those it its he she they we i you our their his her there here a an in on at
    but and yet so however meanwhile according after before when while if although since as for
    """
)
CLOSERS = "”\"’'»)]"
OPENERS = "“\"‘'«(["
_TERMINATOR = re.compile(r"[.!?…]+(?:[ \u00a0\u202f]?[" + re.escape(CLOSERS) + r"])*")
_NON_SPACE = re.compile(r"\S")
_NEXT_WORD = re.compile(r"[\w’']+")
_WORD_CHAR = re.compile(r"[\w.]")
# No abbreviation or sentence opener is longer than this: a longer word needs no closer look.
LONGEST_WORD = 16

# What the hints look at: the opening of a long article, and sentences of a plausible length. Beyond
# these the page says so, and a claim can still be made from any selected text.
MAX_ANALYSED_CHARACTERS = 200_000
MAX_SENTENCE_CHARACTERS = 2_000


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _continues(previous: str, line: str) -> bool:
    """Whether a single line break is a hard wrap inside a paragraph rather than a new block.

    A wrapped line is long and stops mid-sentence; a heading is short, and a list item has a marker.
    """
    if len(previous) < 50 or previous.endswith((".", "!", "?", ":", "…", *CLOSERS)):
        return False
    return not re.match(r"(?:#|[-*•]\s|\d+[.)]\s)", line)


def _blocks(body: str) -> list[tuple[int, int]]:
    """Paragraphs, headings and list items: spans no sentence crosses."""
    spans: list[tuple[int, int]] = []
    block_start: int | None = None
    block_end = 0
    previous = ""
    position = 0
    for line in body.split("\n"):
        line_start, line_end = position, position + len(line)
        position = line_end + 1
        stripped = line.strip()
        if not stripped or (block_start is not None and not _continues(previous, stripped)):
            if block_start is not None:
                spans.append((block_start, block_end))
                block_start = None
            if not stripped:
                continue
        if block_start is None:
            block_start = line_start
        block_end = line_end
        previous = stripped
    if block_start is not None:
        spans.append((block_start, block_end))
    return spans


def _word_before(block: str, end: int) -> str:
    """The run of word characters and dots that ends at ``end`` ("U.S" before "U.S. The")."""
    start = end
    while start > 0 and _WORD_CHAR.match(block, start - 1):
        start -= 1
    return block[start:end]


def _is_boundary(block: str, match: re.Match[str]) -> bool:
    """Whether the terminator ``match`` ends a sentence.

    Every look is by position in ``block``, never by slicing the rest of it: slicing made each
    check cost the length of the paragraph, and a one-paragraph paste quadratic time.
    """
    after = match.end()
    if after < len(block) and not block[after].isspace():
        return False  # "3.5", "example.com", "?!" glued to the next word
    following = _NON_SPACE.search(block, after)
    if following is None:
        return True
    first = block[following.start()]
    marks = match.group(0)
    if not (first.isupper() or first.isdigit() or first in OPENERS):
        return False  # '“Is it?” she asked.' continues the sentence
    if not marks.startswith(".") or len(marks.rstrip(CLOSERS + " \u00a0\u202f")) > 1:
        return True  # "!", "?", "…" or "..." before a capital
    if marks.rstrip(". ") != "":
        return True  # a full stop inside a closing quote ends the sentence: '“… clinical.” Then …'
    word = _word_before(block, match.start())
    if not word:
        return True
    lowered = word.lower()
    next_word = _NEXT_WORD.match(block, following.start(), min(len(block), following.start() + LONGEST_WORD + 1))
    opens_sentence = bool(
        next_word and len(next_word.group(0)) <= LONGEST_WORD and next_word.group(0).lower() in SENTENCE_OPENERS
    )
    if lowered in ABBREVIATIONS or (len(word) <= LONGEST_WORD and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word)):
        # "Dr. Smith", "e.g. Paris", but "… in the U.S. The study …" does end there.
        return opens_sentence and lowered not in {"dr", "mr", "mrs", "ms", "prof", "st", "e.g", "i.e"}
    if len(word) == 1 and word.isalpha() and word.isupper():
        return opens_sentence  # an initial ("J. K. Rowling") unless a sentence plainly starts: "vitamin C. The"
    return True


def split_sentences(body: str) -> list[Sentence]:
    """Split ``body`` into sentences with offsets into ``body`` itself (no character is rewritten)."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(body):
        block = body[block_start:block_end]
        cursor = 0
        for match in _TERMINATOR.finditer(block):
            if match.end() <= cursor or not _is_boundary(block, match):
                continue
            _add(sentences, body, block_start + cursor, block_start + match.end())
            cursor = match.end()
        _add(sentences, body, block_start + cursor, block_end)
    return sentences


def _add(sentences: list[Sentence], body: str, start: int, end: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, body[start:end]))


# -- Check-worthiness ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    score: int
    reasons: tuple[str, ...]
    text: str
    claimant: str = ""  # who makes the claim, as the "Make claim" form offers it


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_NUMBER_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|half|a third|a quarter|twice|thrice"
STATISTIC = _any(
    r"\d+(?:[.,]\d+)?\s?(?:%|per ?cent|percent|percentage points?)",
    rf"\b(?:\d+|{_NUMBER_WORDS})\s+(?:in|out of)\s+(?:\d+|{_NUMBER_WORDS}|every)\b",
    rf"\b(?:\d+(?:[.,]\d+)?|{_NUMBER_WORDS})\s*(?:times|-fold|fold)\b",
    r"\b(?:half|majority|minority|most|quarter|third)\s+of\s+(?:the\s+)?(?:people|patients|adults|children|"
    r"respondents|participants|cases|users|voters|americans|women|men)\b",
    r"\b\d+(?:[.,]\d+)?\s*(?:million|billion|trillion|thousand|hundred)\b",
    r"[$€£¥]\s?\d",
    r"\b\d+(?:[.,]\d+)?\s*(?:mg|kg|g|km|m|cm|ml|l|hours?|days?|weeks?|months?|years?|minutes?|°c|°f|people|patients|"
    r"participants|deaths|cases|doses?)\b",
    r"\b\d{1,3}(?:,\d{3})+\b",
)
YEAR_OR_DATE = _any(
    r"\b(?:1[89]|20)\d{2}s?\b",
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}\b",
)
JOURNAL = _any(
    r"\bjournals?\b",
    r"\bpublished in\b",
    r"\b(?:JAMA|NEJM|BMJ|PLOS|PNAS|Lancet|Nature|Science|Cell)\b(?!\s+(?:of|and)\b)",
    r"\bNew England Journal\b",
    r"\bProceedings of\b",
    r"\bpeer[- ]reviewed\b",
)
STUDY = _any(
    r"\b(?:study|studies|research|researchers?|survey|surveys|trial|trials|meta-analysis|analysis|"
    r"experiment|report|reports|paper|data|scientists?|findings?|results)\b",
    r"\bfound that\b",
    r"\bshowed that\b",
    r"\bdemonstrated\b",
)
INSTITUTION = re.compile(
    r"\b(?:University|Institute|Institut|Ministry|Agency|Academy|Council|Department|Commission|Centre|Center|"
    r"Organi[sz]ation|Foundation|Government|Inserm|Parliament|Congress|Senate|Court|Hospital|Bureau|Office)\b"
    r"|(?<![\w.])(?:the\s+)?[A-Z]{2,6}s?\b(?![.-]\w)",
)
PRESS = _any(r"\bpress release\b", r"\bannounced\b", r"\bpublished\b", r"\bstatement\b")
SPEECH = _any(
    r"\b(?:said|says|told|stated|added|adds|explained|explains|according to|summari[sz]ed|claimed|claims|"
    r"argued|argues|warned|warns|insisted|recalled|wrote)\b"
)
QUOTED = re.compile(r"[“\"«]\s?[^“”\"«»]{12,}?\s?[”\"»]")
CAUSAL = _any(
    r"\bbecause\b",
    r"\bcaus(?:e|es|ed|ing)\b",
    r"\blead(?:s|ing)? to\b",
    r"\bled to\b",
    r"\bresult(?:s|ed|ing)? in\b",
    r"\bdue to\b",
    r"\bthanks to\b",
    r"\b(?:block|prevent|trigger|reduce|increase|lower|raise|improve|worsen|cure|boost)(?:s|ed|ing)?\b",
    r"\beffects? (?:of|on)\b",
    r"\b(?:linked|associated|correlated) (?:to|with)\b",
    r"\bmade it possible\b",
    r"\bmakes? it possible\b",
    r"\bresponsible for\b",
    r"\bproves?\b",
    r"\beffective\b",
)
COMPARATIVE = _any(
    r"\b(?:more|less|fewer|higher|lower|greater|smaller|better|worse|larger|faster|slower|cheaper)\b\s+\w*\s*than\b",
    r"\b(?!rather\b|other\b)\w+er than\b",
    r"\bcompared (?:to|with)\b",
    r"\b(?:the )?(?:most|least|best|worst|largest|highest|lowest|biggest|first|only)\b",
    r"\b(?:rose|fell|doubled|tripled|halved|increased|decreased|dropped|surged|heightened|reinforced)\b",
)
GENERALISATION = _any(r"\b(?:all|every|never|always|none|no one|nobody|everyone)\b")

WEIGHTS = {
    "contains a statistic": 3,
    "cites a journal": 3,
    "cites a study": 2,
    "cites an institution": 2,
    "quotes someone": 2,
    "attributes a statement": 1,
    "causal claim": 2,
    "comparative claim": 2,
    "mentions a date": 1,
    "sweeping generalisation": 1,
}
MIN_SCORE = 2
MIN_WORDS = 5


def _is_heading(text: str) -> bool:
    """Headings and sign-off lines ("Leave a Comment") are short and carry no final punctuation."""
    stripped = text.rstrip(CLOSERS + " ")
    return stripped.startswith("#") or (not stripped.endswith((".", "!", ":", "…")) and len(text.split()) < 12)


def _institution_mentioned(text: str) -> bool:
    for match in INSTITUTION.finditer(text):
        token = match.group(0).strip()
        # A capitalised word at the very start of a sentence is not an acronym ("IT IS", "A").
        if token.isupper() and token.rstrip("s") in {"A", "I", "OK", "TV"}:
            continue
        return True
    return False


def score_sentence(text: str) -> tuple[int, tuple[str, ...]]:
    """Score one sentence and say why; ``(0, ())`` for text that is not a claim at all."""
    ending = text.rstrip(CLOSERS + " ")
    # Questions ask rather than claim; a line ending in a colon introduces the quote that follows.
    if len(text.split()) < MIN_WORDS or _is_heading(text) or ending.endswith(("?", ":")):
        return 0, ()
    reasons: list[str] = []
    if STATISTIC.search(text):
        reasons.append("contains a statistic")
    elif YEAR_OR_DATE.search(text):
        reasons.append("mentions a date")
    if JOURNAL.search(text):
        reasons.append("cites a journal")
    elif STUDY.search(text):
        reasons.append("cites a study")
    if _institution_mentioned(text) and (PRESS.search(text) or SPEECH.search(text) or STUDY.search(text)):
        reasons.append("cites an institution")
    if QUOTED.search(text):
        reasons.append("quotes someone")
    elif SPEECH.search(text):
        reasons.append("attributes a statement")
    if CAUSAL.search(text):
        reasons.append("causal claim")
    if COMPARATIVE.search(text):
        reasons.append("comparative claim")
    if GENERALISATION.search(text):
        reasons.append("sweeping generalisation")
    return sum(WEIGHTS[reason] for reason in reasons), tuple(reasons)


def analysed_part(body: str) -> str:
    """The part of ``body`` the hints look at: all of it, or its first MAX_ANALYSED_CHARACTERS."""
    return body[:MAX_ANALYSED_CHARACTERS]


def is_cut_short(body: str) -> bool:
    """Whether the article is longer than what the hints look at (the page says so)."""
    return len(body) > MAX_ANALYSED_CHARACTERS


def suggest(
    body: str, *, dismissed: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset()
) -> list[Suggestion]:
    """The check-worthy sentences of ``body``, best first (ties keep reading order).

    Linear in the length of ``body``, and bounded: only :func:`analysed_part` is read, and a
    "sentence" longer than MAX_SENTENCE_CHARACTERS (a paragraph without full stops) is not scored.
    """
    analysed = analysed_part(body)
    sentences = split_sentences(analysed)
    if is_cut_short(body) and sentences and not analysed[sentences[-1].end :].strip():
        sentences.pop()  # it runs on past the cut: not a whole sentence
    suggestions = []
    for sentence in sentences:
        if (sentence.start, sentence.end) in dismissed or len(sentence.text) > MAX_SENTENCE_CHARACTERS:
            continue
        score, reasons = score_sentence(sentence.text)
        if score >= MIN_SCORE:
            suggestions.append(Suggestion(sentence.start, sentence.end, score, reasons, sentence.text))
    suggestions.sort(key=lambda s: (-s.score, s.start))
    return suggestions


# -- Who makes the claim --------------------------------------------------------------------------

_SAYS = (
    r"(?:said|says|told|tells|stated|states|added|adds|explained|explains|claimed|claims|argued|argues|warned|"
    r"warns|insisted|insists|wrote|writes|announced|announces|estimated|estimates|concluded|concludes|noted|notes)"
)
_ACCORDING_TO = re.compile(r"\baccording to (?P<who>[^,.;:!?“”\"«»()]+)", re.IGNORECASE)
# “…,” said a researcher.  /  "…," says Dr Smith, a psychiatrist.
_AFTER_QUOTE = re.compile(rf"[”\"»]\s*,?\s*{_SAYS}\s+(?P<who>[^,.;:!?“”\"«»()]+)")
# The council said …  /  In 2021, the ministry announced …  /  Researchers at Inserm told AFP …
_BEFORE_VERB = re.compile(rf"(?:^|[,;:“\"«]\s*)(?P<who>[^,;:“”\"«»()]{{2,80}}?)\s+{_SAYS}\b")
_PRONOUNS = frozenset(
    ["he", "she", "they", "it", "we", "i", "you", "this", "that", "these", "those", "there", "who", "which"]
)
_NOT_A_SPEAKER = frozenset(["it", "is", "was", "has", "had", "have", "been", "and", "but", "or", "so", "then", "also"])
MAX_SPEAKER_WORDS = 7


def _speaker_phrase(who: str) -> str | None:
    """The phrase as a claimant, or None when it is a pronoun or no name at all (the speaker is elsewhere)."""
    words = who.strip().split()
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return None
    first = words[0].lower()
    if first in _PRONOUNS or any(w.lower() in _NOT_A_SPEAKER for w in words[1:]):
        return None
    phrase = " ".join(words)
    return phrase[:1].upper() + phrase[1:]


def speaker(text: str) -> str | None:
    """Who the sentence says makes the claim: "The council" in "The council said …".

    Returns "" when the sentence attributes the words to someone it does not name here ("he said"),
    and None when it attributes them to nobody (then the article itself makes the claim).
    """
    for pattern in (_ACCORDING_TO, _AFTER_QUOTE, _BEFORE_VERB):
        match = pattern.search(text)
        if match:
            return _speaker_phrase(match.group("who")) or ""
    return None


def claimant_for(text: str, outlet: str) -> str:
    """The claimant to offer for a hint: the speaker the sentence names, nobody when it names one only as
    "he" or "she", and the outlet only when the sentence is the article's own statement."""
    named = speaker(text)
    return outlet if named is None else named
