"""Check-worthiness hints: which sentences of an article deserve a claim.

Pure functions over the article body. Offsets always point into the exact stored body, so a hint
can become a claim anchored to the same characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import pgettext_lazy

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
# Abbreviations that come before a name: after one of these a capital never starts a sentence.
HONORIFICS = _words("dr mr mrs ms prof st e.g i.e")

# French adds its own: "M. Dupont", "Mme Martin", "le Pr Lemoine", "janv.", "env.".
# English abbreviations that are whole French words ("vol", "est") end French sentences.
FRENCH_ABBREVIATIONS = (ABBREVIATIONS - _words("vol vols est mon sat sun wed fri tue tues thu thurs")) | _words(
    """
    m mm mme mmes mlle mlles me pr dr ste mgr
    janv févr fév avr juil déc env cf etc c.-à-d p.ex hab art chap éd
    """
)
FRENCH_SENTENCE_OPENERS = _words(
    """
    le la les l’ l' c’ c' d’ d' qu’ qu' j’ j' s’ s' un une des ce cet cette ces il elle ils elles on nous je
    vous en dans au aux à
    mais et or pourtant cependant toutefois selon après avant quand lorsque si depuis pour ainsi enfin
    """
)
# "M." and "MM." are honorifics in capitals only: "300 m. Les pompiers …" ends a sentence.
FRENCH_HONORIFICS = HONORIFICS | _words("M MM mme mmes mlle mlles me pr pre dre mgr")
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


def _is_boundary(
    block: str,
    match: re.Match[str],
    abbreviations: frozenset[str] = ABBREVIATIONS,
    openers: frozenset[str] = SENTENCE_OPENERS,
    honorifics: frozenset[str] = HONORIFICS,
) -> bool:
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
    following_word = next_word.group(0).lower() if next_word and len(next_word.group(0)) <= LONGEST_WORD else ""
    # An elided opener ("L’étude", "C’est") opens a sentence as its article does.
    elided = re.match(r"\w+[’']", following_word)
    opens_sentence = bool(following_word) and (following_word in openers or bool(elided and elided.group(0) in openers))
    if lowered in abbreviations or (len(word) <= LONGEST_WORD and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word)):
        # "Dr. Smith", "e.g. Paris", but "… in the U.S. The study …" does end there.
        return opens_sentence and lowered not in honorifics and word not in honorifics
    if len(word) == 1 and word.isalpha() and word.isupper():
        return opens_sentence  # an initial ("J. K. Rowling") unless a sentence plainly starts: "vitamin C. The"
    return True


def split_sentences(body: str, language: str = "en") -> list[Sentence]:
    """Split ``body`` into sentences with offsets into ``body`` itself (no character is rewritten)."""
    cues = cues_for(language)
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(body):
        block = body[block_start:block_end]
        cursor = 0
        for match in _TERMINATOR.finditer(block):
            if match.end() <= cursor or not _is_boundary(
                block, match, cues.abbreviations, cues.sentence_openers, cues.honorifics
            ):
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

    @property
    def reason_labels(self) -> list[str]:
        """The reasons as the page shows them, in the reader's language."""
        return [str(REASON_LABELS[reason]) for reason in self.reasons]


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
# What each reason is called on the page, in the reader's language (the keys stay as they are: tests,
# logs and the weights speak of them).
REASON_LABELS = {
    "contains a statistic": pgettext_lazy("check-worthiness hint reason", "contains a statistic"),
    "cites a journal": pgettext_lazy("check-worthiness hint reason", "cites a journal"),
    "cites a study": pgettext_lazy("check-worthiness hint reason", "cites a study"),
    "cites an institution": pgettext_lazy("check-worthiness hint reason", "cites an institution"),
    "quotes someone": pgettext_lazy("check-worthiness hint reason", "quotes someone"),
    "attributes a statement": pgettext_lazy("check-worthiness hint reason", "attributes a statement"),
    "causal claim": pgettext_lazy("check-worthiness hint reason", "causal claim"),
    "comparative claim": pgettext_lazy("check-worthiness hint reason", "comparative claim"),
    "mentions a date": pgettext_lazy("check-worthiness hint reason", "mentions a date"),
    "sweeping generalisation": pgettext_lazy("check-worthiness hint reason", "sweeping generalisation"),
}
MIN_SCORE = 2
MIN_WORDS = 5


def _is_heading(text: str) -> bool:
    """Headings and sign-off lines ("Leave a Comment") are short and carry no final punctuation."""
    stripped = text.rstrip(CLOSERS + " ")
    return stripped.startswith("#") or (not stripped.endswith((".", "!", ":", "…")) and len(text.split()) < 12)


# A capitalised word at the very start of a sentence is not an acronym ("IT IS", "A"); in French nor is a
# figure ("PIB") or a Roman numeral ("le XV de France").
NOT_ACRONYMS = re.compile(r"A|I|OK|TV")
FRENCH_NOT_ACRONYMS = re.compile(r"A|I|OK|TV|PIB|CV|[IVXLC]+")


def _institution_mentioned(text: str, cues: Cues) -> bool:
    for match in cues.institution.finditer(text):
        token = match.group(0).strip()
        if token.isupper() and cues.not_acronyms.fullmatch(token.rstrip("s")):
            continue
        return True
    return False


def score_sentence(text: str, language: str = "en") -> tuple[int, tuple[str, ...]]:
    """Score one sentence and say why; ``(0, ())`` for text that is not a claim at all.

    The reasons are the keys of :data:`WEIGHTS` whatever the article's language; :data:`REASON_LABELS`
    says them in the reader's.
    """
    ending = text.rstrip(CLOSERS + " \u00a0\u202f")
    # Questions ask rather than claim; a line ending in a colon introduces the quote that follows.
    if len(text.split()) < MIN_WORDS or _is_heading(text) or ending.endswith(("?", ":")):
        return 0, ()
    cues = cues_for(language)
    reasons: list[str] = []
    if cues.statistic.search(text):
        reasons.append("contains a statistic")
    elif cues.year_or_date.search(text):
        reasons.append("mentions a date")
    if cues.journal.search(text):
        reasons.append("cites a journal")
    elif cues.study.search(text):
        reasons.append("cites a study")
    if _institution_mentioned(text, cues) and (
        cues.press.search(text) or cues.speech.search(text) or cues.study.search(text)
    ):
        reasons.append("cites an institution")
    if QUOTED.search(text):
        reasons.append("quotes someone")
    elif cues.speech.search(text):
        reasons.append("attributes a statement")
    if cues.causal.search(text):
        reasons.append("causal claim")
    if cues.comparative.search(text):
        reasons.append("comparative claim")
    if cues.generalisation.search(text):
        reasons.append("sweeping generalisation")
    return sum(WEIGHTS[reason] for reason in reasons), tuple(reasons)


def analysed_part(body: str) -> str:
    """The part of ``body`` the hints look at: all of it, or its first MAX_ANALYSED_CHARACTERS."""
    return body[:MAX_ANALYSED_CHARACTERS]


def is_cut_short(body: str) -> bool:
    """Whether the article is longer than what the hints look at (the page says so)."""
    return len(body) > MAX_ANALYSED_CHARACTERS


def suggest(
    body: str,
    *,
    dismissed: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
    language: str = "en",
) -> list[Suggestion]:
    """The check-worthy sentences of ``body``, best first (ties keep reading order).

    Linear in the length of ``body``, and bounded: only :func:`analysed_part` is read, and a
    "sentence" longer than MAX_SENTENCE_CHARACTERS (a paragraph without full stops) is not scored.
    """
    analysed = analysed_part(body)
    sentences = split_sentences(analysed, language)
    if is_cut_short(body) and sentences and not analysed[sentences[-1].end :].strip():
        sentences.pop()  # it runs on past the cut: not a whole sentence
    suggestions = []
    for sentence in sentences:
        if (sentence.start, sentence.end) in dismissed or len(sentence.text) > MAX_SENTENCE_CHARACTERS:
            continue
        score, reasons = score_sentence(sentence.text, language)
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


def _speaker_phrase(who: str, cues: Cues) -> str | None:
    """The phrase as a claimant, or None when it is a pronoun or no name at all (the speaker is elsewhere)."""
    words = who.strip().split()
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return None
    first = words[0].lower()
    if first in cues.pronouns or any(w.lower() in cues.not_a_speaker for w in words[1:]):
        return None
    if len(words) == 1 and first in cues.determiners:
        return None
    phrase = " ".join(words)
    return phrase[:1].upper() + phrase[1:]


def speaker(text: str, language: str = "en") -> str | None:
    """Who the sentence says makes the claim: "The council" in "The council said …".

    Returns "" when the sentence attributes the words to someone it does not name here ("he said",
    "a-t-elle déclaré"), and None when it attributes them to nobody (then the article itself makes the claim).
    """
    cues = cues_for(language)
    for pattern in cues.speaker_patterns:
        match = pattern.search(text)
        if match:
            who = match.groupdict().get("who")  # a pattern without a "who" names nobody: "a-t-il dit"
            return (_speaker_phrase(who, cues) if who else None) or ""
    return None


def claimant_for(text: str, outlet: str, language: str = "en") -> str:
    """The claimant to offer for a hint: the speaker the sentence names, nobody when it names one only as
    "he" or "she", and the outlet only when the sentence is the article's own statement."""
    named = speaker(text, language)
    return outlet if named is None else named


# -- French ----------------------------------------------------------------------------------------
# The same families in French press style: "40 %" (with a no-break space), "une personne sur trois",
# "1,5 million", "1 234", "le 5 octobre", "publiée dans la revue …", "selon …", "a déclaré".

_SPACE = r"[\s\u00a0\u202f]"
_FRENCH_NUMBER_WORDS = (
    r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|"
    r"soixante|cent|mille"
)
# After "sur": "une personne sur trois", never "une enquête sur un trafic".
_FRENCH_DIVISORS = r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|vingt|cent|mille"
_FRENCH_MONTHS = (
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
)
FRENCH_STATISTIC = _any(
    rf"\d+(?:[.,]\d+)?{_SPACE}?(?:%|pour{_SPACE}?cent\b|points? de pourcentage\b)",
    # "une personne sur trois", "un Français sur cinq", "9 patients sur 10"
    rf"\b(?:\d+|{_FRENCH_NUMBER_WORDS})\s+(?:[\w’'-]+\s+){{0,2}}sur\s+(?:\d+|{_FRENCH_DIVISORS})\b",
    rf"\b(?:\d+(?:[.,]\d+)?|{_FRENCH_NUMBER_WORDS})\s+fois\s+(?:plus|moins)\b",
    r"\b(?:la moitié|la majorité|la plupart|une minorité|un tiers|deux tiers|un quart|trois quarts)"
    r"\s+d(?:es|u|e la|e l’|e l')\b",
    rf"\b(?:\d+(?:[.,]\d+)?|{_FRENCH_NUMBER_WORDS}){_SPACE}*(?:millions?|milliards?|milliers?|centaines?)\b",
    r"[$€£¥]\s?\d",
    rf"\d{_SPACE}?(?:€|euros?\b|dollars?\b)",
    rf"\b\d+(?:[.,]\d+)?{_SPACE}*(?:mg|kg|g|km|m|cm|ml|l|kilos?|grammes?|heures?|jours?|semaines?|mois|ans|années|"
    r"minutes?|°c|"
    r"degrés|mètres|kilomètres|tonnes|litres|points?|voix|sièges|"
    r"personnes|patients|patientes|participants|malades|décès|morts|victimes|cas|doses?)\b",
    rf"\b\d+(?:[.,]\d+)?{_SPACE}*(?:Md€|Mds€|M€|k€|Md|Mds)(?!\w)",
    r"\b(?:divisée?s? par|multipliée?s? par)\s+(?:deux|trois|quatre|cinq|dix|\d+)\b",
    r"\b(?:d[’']un tiers|d[’']un quart|de moitié|de \d+(?:[.,]\d+)?\s?%)",
    r"\b\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?!\d)",
)
FRENCH_YEAR_OR_DATE = _any(
    r"\b(?:1[89]|20)\d{2}\b",
    rf"\b(?:1er|\d{{1,2}})\s+(?:{_FRENCH_MONTHS})\b",
    rf"\ben\s+(?:{_FRENCH_MONTHS})\b",
)
FRENCH_JOURNAL = _any(
    # "la revue Nature", "une revue scientifique", not "revue à la baisse"
    r"\brevues?\s+(?:scientifiques?|médicales?|spécialisées?|américaines?|britanniques?|internationales?|"
    r"à comité|(?-i:[A-Z]))",
    r"\bpubliée?s?\s+dans\b",
    r"\bparue?s?\s+dans\b",
    r"(?-i:\b(?:JAMA|NEJM|BMJ|PLOS|PNAS|Lancet|Nature|Science|Cell)\b)(?!\s+(?:of|and)\b)",
    r"\bcomité de lecture\b",
    r"\brelue?s? par (?:les|des) pairs\b",
)
FRENCH_STUDY = _any(
    r"\b(?:étude|études|recherches|chercheurs?|chercheuses?|enquête|enquêtes|sondage|sondages|"
    r"essai|essais|méta-analyse|analyse|données|scientifiques?|résultats?|découverte)\b",
    # "leurs travaux", "des travaux de recherche", not "les travaux de la rue" (roadworks)
    r"\b(?:leurs|ses|ces|nos|des)\s+travaux\b(?!\s+(?:de|du|sur)\s+(?:la|le|l[’']|les)?\s*(?:rue|route|voirie|chantier|"
    r"gare|pont|ligne|bâtiment|école|maison|rénovation|toiture))",
    r"\btravaux\s+(?:de recherche|scientifiques|publiés|menés|parus)\b",
    r"(?<!à la )\brecherche\b",
    r"(?<!par )\brapports?\b",
    r"\b(?:a|ont)\s+(?:\w+\s+){0,2}(?:montré|démontré|établi|révélé|découvert|constaté|mis en évidence)\b",
    r"\b(?:montre|montrent|révèle|révèlent|suggère|suggèrent|indique|indiquent)\s+qu",
)
FRENCH_INSTITUTION = re.compile(
    # French writes most of them in lower case: "le ministère de l’Intérieur", "l’université de Lyon".
    r"\b(?i:université|institut|institute|ministère|agence|académie|conseil|commission|organisation|"
    r"fondation|gouvernement|assemblée|sénat|parlement|tribunal|hôpital|hôpitaux|haute autorité|"
    r"observatoire|préfecture|mairie)\b"
    r"|\b(?:Centre|Office|Direction|Cour|Inserm|Insee|Anses|Ifop|Inrae|Ademe|Dares|Drees|Unicef|Unesco|Ofce|Irsn|"
    r"Cnil|Arcom|Ined|Santé publique France|Bercy|Élysée|Matignon)\b"
    r"|(?<![\w.])[A-Z]{2,6}s?\b(?![.-]\w)",
)
FRENCH_PRESS = _any(
    r"\bcommuniqués?\b",
    r"\b(?:a|ont)\s+annoncé\b",
    r"\bannonce(?:nt)?\b",
    r"\bpubliée?s?\b",
    r"\bdéclaration\b",
    r"\bconférence de presse\b",
)
_FRENCH_SAID = (
    r"déclaré|dit|affirmé|expliqué|ajouté|résumé|souligné|précisé|estimé|assuré|rappelé|averti|indiqué|écrit|"
    r"annoncé|conclu|noté|insisté|confié|raconté|reconnu|prévenu|martelé|admis|soutenu|jugé|promis|lancé|"
    r"répondu|déploré|dénoncé|confirmé|poursuivi|détaillé|observé|prévenu|regretté|assuré"
)
_FRENCH_SAYS_NOW = (
    r"déclare|déclarent|affirme|affirment|explique|expliquent|ajoute|ajoutent|résume|résument|souligne|"
    r"soulignent|précise|précisent|estime|estiment|assure|assurent|rappelle|rappellent|avertit|avertissent|"
    r"écrit|écrivent|annonce|annoncent|conclut|concluent|insiste|insistent|confie|confient|raconte|racontent|"
    r"reconnaît|reconnaissent|prévient|préviennent|martèle|martèlent|admet|admettent|soutient|soutiennent|"
    r"dit|disent|détaille|détaillent|lance|répond|répondent|confirme|confirment|dénonce|"
    r"dénoncent|déplore|déplorent|regrette|regrettent|indique|indiquent"
)
_FRENCH_SAYS = rf"(?:a|ont)\s+(?:{_FRENCH_SAID})|{_FRENCH_SAYS_NOW}"
FRENCH_SPEECH = _any(rf"\b(?:{_FRENCH_SAYS})\b", r"\bselon\b", r"\bd[’']après\b")
FRENCH_CAUSAL = _any(
    r"\bparce qu",
    r"\bcar\b",
    r"\bà cause d",
    r"\bgrâce (?:à|au|aux)\b",
    r"\b(?:dû|due|dus|dues) (?:à|au|aux)\b",
    r"\ben raison d",
    r"\b(?:provoqu|entraîn|caus|déclench)(?:e|es|ent|er|é|ée|és|ées|ait|aient|ant)\b",
    r"\b(?:conduit|conduisent|mène|mènent|aboutit|aboutissent) à\b",
    r"\b(?:permet|permettent|permettrait|permettraient)\b",
    r"\bpermis\b(?! de conduire)",
    r"\b(?:bloqu|empêch|augment|diminu|amélior|aggrav|soign|soulag|protèg|protég|renforc|stimul)"
    r"(?:e|es|ent|er|é|ée|és|ées|ait|aient|ant)\b",
    r"\b(?:réduit|réduisent|réduire|réduirait|guérit|guérissent|guérir)\b",
    r"\beffets?(?:\s+\w+)?\s+(?:de|du|des|sur)\b",
    r"\b(?:lié|liée|liés|liées|associé|associée|associés|associées|corrélé|corrélée|corrélés|corrélées) "
    r"(?:à|au|aux|avec)\b",
    r"\bresponsables? d",
    r"\bprouv(?:e|ent|é|ée|és|ées|er)\b",
    r"\befficaces?\b",
    r"\befficacité\b",
)
FRENCH_COMPARATIVE = _any(
    r"\b(?:plus|moins)\s+(?:[\w’'-]+\s+){1,3}qu(?:e\b|[’'])",
    r"\b(?:meilleure?s?|pires?)\b",
    r"\bpar rapport (?:à|au|aux)\b",
    r"\bcompar(?:é|ée|és|ées|ativement)\s+(?:à|au|aux|avec)\b",
    r"\b(?:le|la|les)\s+(?:plus|moins)\b",
    # "le premier pays à …", "la seule étude", but not "le Premier ministre" or "le premier tour"
    r"\b(?:le|la|les)\s+(?:premier|première|premiers|premières|seul|seule|seuls|seules)\b"
    r"(?!\s+(?:ministre|ministère|tour|secrétaire|adjoint|adjointe|président|présidente|étage|jour|semestre|"
    r"trimestre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|février|mars|avril|mai|juin|juillet|"
    r"août|septembre|octobre|novembre|décembre|fois))",
    r"\b(?:augmenté|diminué|doublé|triplé|chuté|baissé|progressé|reculé|bondi|grimpé|explosé)\b",
    r"\b(?:renforcé|renforcée|renforcés|renforcées|accru|accrue|accrus|accrues|en hausse|en baisse)\b",
)
FRENCH_GENERALISATION = _any(
    r"\b(?:tous|toutes|jamais|toujours|aucun|aucune|nul|nulle|chaque|personne ne)\b",
    r"\btout le monde\b",
)

_FRENCH_WHO = r"[^,.;:!?“”\"«»()]"
# « … », explique le Pr Dupont.  /  « … », a déclaré la ministre.
_FRENCH_AFTER_QUOTE = re.compile(rf"[”\"»]\s*,?\s*(?:{_FRENCH_SAYS})\s+(?P<who>{_FRENCH_WHO}+)", re.IGNORECASE)
# « … », a-t-il déclaré.  /  …, explique-t-elle.  /  …, disent-ils.  (Not "Aussi a-t-il fallu …".)
_FRENCH_UNNAMED = re.compile(
    rf"\b(?:a|ont)-t-(?:il|elle|ils|elles|on)\s+(?:{_FRENCH_SAID})\b"
    rf"|\b(?:{_FRENCH_SAYS_NOW})(?:-t)?-(?:il|elle|ils|elles|on)\b",
    re.IGNORECASE,
)
# …, assure l’Inserm.  /  …, a indiqué Bercy.  /  …, a assuré à l’AFP le ministre de l’Économie.
_FRENCH_VERB_THEN_WHO = re.compile(
    rf",\s*(?:{_FRENCH_SAYS})\s+(?:(?:à|auprès d[eu]|au)\s+(?:l[’'])?[A-Z][\w-]*\s+)?"
    rf"(?P<who>{_FRENCH_WHO}+?)\s*[.!]?\s*$",
    re.IGNORECASE,
)
_FRENCH_ACCORDING_TO = re.compile(rf"\b(?:selon|d[’']après)\s+(?P<who>{_FRENCH_WHO}+)", re.IGNORECASE)
# Le ministère a annoncé …  /  La spécialiste de l’Inserm ajoute : …
_FRENCH_BEFORE_VERB = re.compile(
    rf"(?:^|[,;:“\"«]\s*)(?P<who>[^,;:“”\"«»()]{{2,80}}?)\s+(?:{_FRENCH_SAYS})\b", re.IGNORECASE
)


# -- Per language ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cues:
    """What the hints look for in one language."""

    abbreviations: frozenset[str]
    sentence_openers: frozenset[str]
    honorifics: frozenset[str]
    statistic: re.Pattern[str]
    year_or_date: re.Pattern[str]
    journal: re.Pattern[str]
    study: re.Pattern[str]
    institution: re.Pattern[str]
    not_acronyms: re.Pattern[str]
    press: re.Pattern[str]
    speech: re.Pattern[str]
    causal: re.Pattern[str]
    comparative: re.Pattern[str]
    generalisation: re.Pattern[str]
    speaker_patterns: tuple[re.Pattern[str], ...]
    pronouns: frozenset[str]
    not_a_speaker: frozenset[str]
    determiners: frozenset[str] = frozenset()  # a phrase of one of these alone names nobody ("Le juge …" cut short)


ENGLISH = Cues(
    abbreviations=ABBREVIATIONS,
    sentence_openers=SENTENCE_OPENERS,
    honorifics=HONORIFICS,
    statistic=STATISTIC,
    year_or_date=YEAR_OR_DATE,
    journal=JOURNAL,
    study=STUDY,
    institution=INSTITUTION,
    not_acronyms=NOT_ACRONYMS,
    press=PRESS,
    speech=SPEECH,
    causal=CAUSAL,
    comparative=COMPARATIVE,
    generalisation=GENERALISATION,
    speaker_patterns=(_ACCORDING_TO, _AFTER_QUOTE, _BEFORE_VERB),
    pronouns=_PRONOUNS,
    not_a_speaker=_NOT_A_SPEAKER,
)
FRENCH = Cues(
    abbreviations=FRENCH_ABBREVIATIONS,
    sentence_openers=FRENCH_SENTENCE_OPENERS,
    honorifics=FRENCH_HONORIFICS,
    statistic=FRENCH_STATISTIC,
    year_or_date=FRENCH_YEAR_OR_DATE,
    journal=FRENCH_JOURNAL,
    study=FRENCH_STUDY,
    institution=FRENCH_INSTITUTION,
    not_acronyms=FRENCH_NOT_ACRONYMS,
    press=FRENCH_PRESS,
    speech=FRENCH_SPEECH,
    causal=FRENCH_CAUSAL,
    comparative=FRENCH_COMPARATIVE,
    generalisation=FRENCH_GENERALISATION,
    speaker_patterns=(
        _FRENCH_ACCORDING_TO,
        _FRENCH_UNNAMED,
        _FRENCH_AFTER_QUOTE,
        _FRENCH_VERB_THEN_WHO,
        _FRENCH_BEFORE_VERB,
    ),
    pronouns=_words("il elle ils elles on nous je tu vous cela ça ce ceci celui celle ceux celles qui que lui"),
    not_a_speaker=_words("est était sont étaient a avait ont avaient été et mais ou donc puis aussi alors se s’ s' ne"),
    determiners=_words("le la les l’ l' un une des ce cet cette ces son sa ses leur leurs"),
)
CUES = {"en": ENGLISH, "fr": FRENCH}


def cues_for(language: str) -> Cues:
    """The cues of ``language`` ("fr", "fr-ca"…); English for a language without cues of its own."""
    return CUES.get((language or "en").split("-")[0].lower(), ENGLISH)
