"""Turn a claim and its article into the cues a person would search with, read as journalists write them.

- identifiers: DOIs (bare, ``doi:`` or doi.org links) and PMIDs in the claim or its paragraph;
- journals by name, abbreviation or short form ("NEJM", "the Journal of the American Medical
  Association", "The BMJ"), through the kept table of :mod:`sources.journals` and the providers'
  journal indexes; preprint servers as such; never the outlet that reported the story;
- researchers with particles, apostrophes, accents and hyphens, and the way stories introduce them
  ("lead author", "co-author", "psychologist Fiona MacLeod", "Liane Schmidt, neuroscience researcher");
- institutions; explicit years and months ("a 2019 study", "in the March issue");
- topic words ranked by how informative they are: a stop-word list for function words and the
  vocabulary of science reporting, then inverse frequency in general English (:mod:`wordfreq`),
  weighted by where they occur; ties go to the word met first in the claim, never the alphabet.

An article in French is read with the French cues of :mod:`sources.french`: its topic words are ranked
in French, kept as they are for the fact-check search, and said in English for the scholarly indexes.

The date window is set only when the claim names a year. Otherwise searches are not limited by
date: the article's date is soft evidence for the ranking.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from typing import Any

from wordfreq import zipf_frequency

from sources import french, journals, names, normalize
from sources.types import ClaimQuery

URL_RE = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
PMID_RE = re.compile(
    r"\b(?:PMID|PubMed(?:\s+ID)?)\s*(?:number|no\.?)?:?\s*(\d{5,9})\b|pubmed\.ncbi\.nlm\.nih\.gov/(\d{5,9})",
    re.IGNORECASE,
)
MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
MONTH_NAMES = "|".join(m.capitalize() for m in MONTHS)
WORK_NOUN = (
    r"(?:study|studies|paper|papers|trial|trials|review|analysis|meta-analysis|report|survey|experiment|"
    r"preprint|research|article|investigation|cohort)"
)
YEAR_RES = [
    # "a 2019 study", "their 2006 paper", "the 2015 trial"
    re.compile(rf"\b(?:a|an|the|their|his|her|its|this|that|one)\s+((?:19|20)\d\d)\s+{WORK_NOUN}\b", re.IGNORECASE),
    # "published in 2019", "appeared in March 2019", "posted on 4 May 2021"
    re.compile(
        r"\b(?:published|appeared|released|posted|reported|presented|conducted|carried out|run|came out)"
        rf"(?:\s+(?:online|first|back))?\s+(?:in|on|during)\s+(?:(?:early|late|mid-?)\s+)?(?:\d{{1,2}}\s+)?"
        rf"(?:(?:{MONTH_NAMES})\s+)?((?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
    # "in 2006, researchers ...", "back in 2006 a team ..."
    re.compile(r"\b[Ii]n\s+((?:19|20)\d\d),?\s+(?:a\s+team|researchers|scientists|economists|a\s+group)\b"),
    # "(Smith et al., 2019)", "(2019)" after a work noun or a journal
    re.compile(r"\bet al\.?,?\s+((?:19|20)\d\d)\b"),
    re.compile(rf"\b{WORK_NOUN}\s+(?:from|of)\s+((?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\bin\s+(?:the\s+)?(?:{MONTH_NAMES})\s+((?:19|20)\d\d)\s+(?:issue|edition|number)\b"),
]
MONTH_RE = re.compile(
    rf"\b(?:[Ii]n|[Ff]rom)\s+(?:the|its|their)\s+({MONTH_NAMES})(?:\s+((?:19|20)\d\d))?\s+(?:issue|edition|number)\b"
)
RELATIVE_YEAR_RE = re.compile(
    rf"\b(last|this|previous)\s+year'?s\s+{WORK_NOUN}\b|\b{WORK_NOUN}\s+(?:published\s+)?last\s+year\b", re.IGNORECASE
)

# Phrases that introduce a journal the table may not know. "reported in" is not one: stories are
# reported in newspapers.
JOURNAL_CONTEXT_RES = [
    # "the journal Cephalalgia Reports", "in the peer-reviewed journal Sleep Health"
    re.compile(
        r"\b(?:the\s+)?(?:(?:peer[- ]reviewed|medical|scientific|academic|specialist|prestigious|British|American)\s+)*"
        r"journal\s+(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|the|and|for|in|&))*)"
    ),
    # "published in Cephalalgia Reports, a headache journal" / "in Sleep Health, the journal of ..."
    re.compile(
        r"\b(?:published|appeared|appears|appearing|out|writing|described|detailed|reported)?\s*in\s+(?:the\s+)?"
        r"(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|the|and|for|in|&))*),\s+(?:a|an|the)\s+"
        r"(?:[\w-]+\s+){0,3}journal\b"
    ),
    # "published in Cephalalgia Reports" / "appeared in the Journal of Sleep Research" / "published in 2019 in X"
    re.compile(
        r"\b(?:published|appeared|appears|appearing|writing|described|detailed|posted|reports?|reported|writes)"
        r"\s+(?:online\s+)?(?:today\s+|this\s+week\s+|last\s+week\s+|in\s+(?:19|20)\d\d\s+)?in\s+(?:the\s+)?"
        r"(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|the|and|for|in|&))*)"
    ),
    # "a study in the Journal of Urban Economics", "the paper in Sleep Health"
    re.compile(
        rf"\b{WORK_NOUN}\s+(?:published\s+)?in\s+(?:the\s+)?"
        r"(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|the|and|for|in|&))*)"
    ),
    # Names that say they are journals wherever they stand: "the Journal of Hepatology", "Annals of ..."
    re.compile(
        r"\b(?P<name>(?:(?:American|British|European|International|Canadian|Scandinavian|Asian|African)\s+)?"
        r"(?:Journal|Annals|Archives|Proceedings|Bulletin|Transactions)\s+of\s+(?:the\s+)?[A-Z][\w&'’-]*"
        r"(?:\s+(?:[A-Z][\w&'’-]*|of|and|&))*)"
    ),
]
KNOWN_INSTITUTIONS = [
    "Inserm", "CNRS", "Brain Institute", "Paris Brain Institute", "Institut du Cerveau", "ICM", "AP-HP",
    "Sorbonne University", "Pasteur Institute", "Institut Pasteur", "NIH", "National Institutes of Health",
    "CDC", "WHO", "World Health Organization", "Harvard", "Oxford", "Cambridge", "Stanford", "Yale", "MIT",
    "Max Planck", "Karolinska", "UCL", "King's College London", "Imperial College", "ETH Zurich", "CERN",
    "Johns Hopkins", "Mayo Clinic", "Wellcome Sanger Institute", "Francis Crick Institute",
]  # fmt: skip
INSTITUTION_RE = re.compile(
    r"\b((?:University|Institute|Institut|College|School|Université|Universität|Universidad) (?:of|de|du|for)"
    r"(?: (?:the |and )?[A-Z][\w'’-]+)+"
    r"|(?:[A-Z][\w'’-]+ ){1,6}(?:University|Institute|Hospital|Medical Center|Medical Centre|Clinic|College))\b"
)
# How stories introduce researchers. Whole words only: "head" is a role, "headache" is not.
PROFESSIONS = (
    "researcher", "scientist", "professor", "psychiatrist", "neuroscientist", "doctor", "physician", "author",
    "co-author", "coauthor", "epidemiologist", "psychologist", "cardiologist", "economist", "sociologist",
    "biologist", "physicist", "chemist", "geneticist", "oncologist", "neurologist", "paediatrician",
    "pediatrician", "virologist", "immunologist", "statistician", "demographer", "ecologist", "climatologist",
    "climate scientist", "astronomer", "astrophysicist", "anthropologist", "nutritionist", "dietitian",
    "surgeon", "nurse", "pharmacologist", "criminologist", "political scientist", "historian", "linguist",
    "engineer", "lecturer", "fellow", "investigator", "dermatologist", "endocrinologist", "gastroenterologist",
    "microbiologist", "geologist", "oceanographer", "zoologist", "primatologist", "archaeologist",
    "neurosurgeon", "radiologist", "epidemiology professor", "public health expert", "expert", "specialist",
)  # fmt: skip
LEAD_ROLES = ("lead author", "first author", "lead researcher", "lead investigator", "principal investigator",
              "senior author", "led by", "who led")  # fmt: skip
# Either case for the first letter ("Psychologist Fiona MacLeod" opens a sentence); names stay case-sensitive.
PROFESSION = "|".join(f"[{p[0].upper()}{p[0]}]{re.escape(p[1:])}" for p in sorted(PROFESSIONS, key=len, reverse=True))
TITLES = r"(?:Dr\.?|Prof\.?|Professor|Doctor|Dr)"
NAME = names.NAME
RESEARCHER_RES: list[tuple[re.Pattern[str], bool]] = [
    # "lead author Maria Ortiz", "the study's lead author, Jan van der Berg,", "co-author José Álvarez"
    (
        re.compile(
            rf"\b(?:lead|first|senior|principal)\s+(?:author|researcher|investigator)s?,?\s+(?:{TITLES}\s+)?({NAME})"
        ),
        True,
    ),
    (re.compile(rf"\bled\s+by\s+(?:(?:the\s+)?(?:{PROFESSION})\s+)?(?:{TITLES}\s+)?({NAME})"), True),
    (re.compile(rf"\b({NAME}),?\s+(?:who\s+led|the\s+(?:study's|paper's|trial's)\s+lead|the\s+lead\s+author)"), True),
    (re.compile(rf"\b({NAME})\s+(?:and|&)\s+(?:her|his|their)?\s*(?:colleagues|co-?authors|team)\b"), True),
    (re.compile(rf"\b({NAME})\s+et\s+al\b"), True),
    (re.compile(rf"\bco-?authors?,?\s+(?:{TITLES}\s+)?({NAME})"), False),
    # "psychologist Fiona MacLeod", "the economist Ana de la Cruz"
    (re.compile(rf"\b(?:{PROFESSION})s?,?\s+(?:{TITLES}\s+)?({NAME})"), False),
    # "Liane Schmidt, neuroscience researcher at Inserm" / "Sean O'Brien, an epidemiologist"
    (re.compile(rf"\b({NAME}),\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){{0,4}}(?:{PROFESSION})s?\b"), False),
    (re.compile(rf"\b{TITLES}\s+({NAME})"), False),
    # "said Fiona MacLeod", "according to Sean O'Brien" (kept only if it looks like a person)
    (re.compile(rf"\b(?:said|says|explained|explains|adds|added|according\s+to)\s+({NAME})"), False),
]

# Function words (a standard English list) and the vocabulary of science reporting, which says
# nothing of a study's topic.
_STOPWORDS = """a about above across after afterwards again against all almost alone along already also although
    always am among amongst amount an and another any anyhow anyone anything anyway anywhere are around as at back
    be became because become becomes becoming been before beforehand behind being below beside besides between
    beyond both bottom but by call can cannot could did do does doing done down due during each eight either eleven
    else elsewhere empty enough etc even ever every everyone everything everywhere except few fewer fifteen fifty
    first five for former formerly forty four from front full further get give go had has have having he hence her
    here hereafter hereby herein hereupon hers herself him himself his how however hundred i if in indeed into is it
    its itself just keep last latter latterly least less like likely unlikely made make many may me meanwhile might
    mine more moreover most mostly move much must my myself name namely neither never nevertheless next nine no nobody
    none noone nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours
    ourselves out over own part per perhaps please put quite rather re really regarding same say see seem seemed
    seeming seems serious several she should show side since six sixty so some somehow someone something sometime
    sometimes somewhere still such take ten than that the their them themselves then thence there thereafter thereby
    therefore therein thereupon these they third this those though three through throughout thru thus to together
    too top toward towards twelve twenty two under unless until up upon us used using various very via was we well
    were what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether
    which while whither who whoever whole whom whose why will with within without would yet you your yours
    yourself yourselves half third quarter percent per cent times roughly around nearly about approximately
    results result published publish publishes publishing journal journals study studies studied researchers
    researcher scientists scientist found find finds finding findings shows show showed shown according said says
    say told tells people person certainly course order way ways making year years month months week weeks day days
    hours hour today yesterday new recent recently latest therapeutic avenues avenue additional research proves
    proved prove proven press release recalled preamble leave comment possible determine determined taking
    presented became wanted sought summarized summarised adds added explains explained effect effects effective
    commonly common important major suggest suggests suggested suggesting evidence data analysis analysed analyzed
    paper papers report reports reported reporting team colleagues university institute professor doctor dr lead
    author authors co-author experts expert claim claims article story news according preprint preprints server
    peer reviewed review reviewed significant significantly compared compare comparing associated association
    linked link links increase increased decrease decreased higher lower risk risks likely less more group groups
    participants patients volunteers adults number numbers large small big little high low good bad better worse
    best worst much many able across among amid despite within part parts kind kinds type types lot lots
    issue volume edition online week weekly monthly daily annual early late mid first second third
    january february march april may june july august september october november december"""
_REPORTING = """writing wrote write writes posted posting led leads leading doi pmid pubmed ran run runs
    rose rise rises fell fall falls cut cuts showing looked look looking looks tested testing test tests
    work works worked working conducted carried involved involving used uses use
    lifts lift lifted boosts boost boosted slashes slash slashed halves halved doubles doubled triples tripled
    curbs curb eases ease tames fights fight beats beat tackles tackle battles battle helps help helped hurts
    hurt harms harm sparks spurs fuels reveals reveal revealed warns warn warned hails hailed breakthrough
    surprising surprise shock shocking huge massive key vital crucial promise promising hope hopes hopeful"""
STOPWORDS = frozenset(_STOPWORDS.split()) | frozenset(_REPORTING.split())
# Words of this general-English frequency (Zipf scale) or more say little of a topic.
COMMON_ZIPF = 5.6


def paragraph_of(body: str, start: int, end: int) -> str:
    """The paragraph (text between blank lines) holding ``body[start:end]``."""
    before = body.rfind("\n\n", 0, max(start, 0))
    after = body.find("\n\n", end)
    return body[before + 2 if before != -1 else 0 : after if after != -1 else len(body)].strip()


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = names.fold(item)
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _clean_name(name: str) -> str:
    name = re.sub(r"(\s+(?:of|the|and|for|in|&|et|de|du|des|la|le|les))+$", "", name.strip())
    return name.rstrip(".,;:'’ ")


# (pattern, must the name resolve): "published in X" and "a study in X" may name a place or an outlet.
_JOURNAL_CONTEXTS = {
    "en": [(pattern, number in (2, 3)) for number, pattern in enumerate(JOURNAL_CONTEXT_RES)],
    "fr": [*french.JOURNAL_CONTEXT_RES, (JOURNAL_CONTEXT_RES[4], False)],
}


def _language(language: str) -> str:
    """The cue set for an article language: French, or English for every other."""
    return "fr" if (language or "").lower().startswith("fr") else "en"


def extract_journals(
    text: str, *, outlets: tuple[str, ...] = (), lookups: bool = True, language: str = "en"
) -> list[journals.Journal]:
    """Journals named in ``text``: the kept table first (any case), then names in journal phrasing.

    A name in journal phrasing that the table does not know is looked up in the providers' journal
    indexes; if they do not know it either it is kept as a name (soft evidence only). News outlets
    and the article's own outlet are never journals.
    """
    table = [(pos, pos + len(words), j) for pos, j, words in journals.in_text(text)]
    found: list[tuple[int, journals.Journal]] = []
    longer: list[tuple[int, int]] = []
    for pattern, must_resolve in _JOURNAL_CONTEXTS[_language(language)]:
        for match in pattern.finditer(text):
            name = _clean_name(match.group("name"))
            start, end = match.start("name"), match.start("name") + len(name)
            if len(name) < 3 or journals.is_news_outlet(name, outlets) or journals.known(name):
                continue
            # A longer name around a table entry is another journal ("Cephalalgia Reports", not "Cephalalgia").
            inside = [t for t in table if start <= t[0] and t[1] <= end]
            if any(t[0] <= start and end <= t[1] for t in table) or (inside and all(t[1] == end for t in inside)):
                continue
            if any(s <= start < e for s, e in longer):
                continue
            if names.looks_like_person(name) and not re.search(
                r"\b(?:Journal|Reports|Review|Letters|Research|Annals|Proceedings|Bulletin|Science|Medicine|Health|Studies)\b",
                name,
            ):
                continue
            resolved = journals.resolve(name, lookups=lookups)
            if resolved is None and must_resolve:
                continue
            found.append((start, resolved or journals.Journal(name=name, source="text")))
            longer.append((start, end))
    found += [(pos, j) for pos, end, j in table if not any(s <= pos < e for s, e in longer)]
    found.sort(key=lambda f: f[0])
    out: list[journals.Journal] = []
    for _, journal in found:
        if all(journals._key(journal.name) != journals._key(o.name) for o in out):
            out.append(journal)
    return out


def extract_institutions(text: str, language: str = "en") -> list[str]:
    found = [i for i in KNOWN_INSTITUTIONS if re.search(rf"\b{re.escape(i)}\b", text)]
    found += [m.group(1) for m in INSTITUTION_RE.finditer(text)]
    if _language(language) == "fr":
        found += [m.group(1) for m in french.INSTITUTION_RE.finditer(text)]
    # "Brain Institute" is already in "Paris Brain Institute".
    found = [f for f in found if not any(f != g and f in g for g in found)]
    return _unique(found)


PROFESSION_WORDS = frozenset(w.lower() for p in PROFESSIONS for w in p.split())
FRENCH_PROFESSION_WORDS = frozenset(w.lower() for p in french.PROFESSIONS for w in p.split())
# What may stand before a name without being part of it: titles and professions, per language.
_NAME_PREFIXES = {
    "en": (re.compile(TITLES), PROFESSION_WORDS),
    "fr": (re.compile(f"{TITLES}|{french.TITLES}"), PROFESSION_WORDS | FRENCH_PROFESSION_WORDS),
}


def _trim_name(name: str, language: str = "en") -> str:
    words = name.split()
    in_french = language == "fr"
    titles, professions = _NAME_PREFIXES[language]
    # "Economist José Álvarez" at the start of a sentence: the profession is not part of the name;
    # nor is "Selon" in "Selon Marie Lemoine", nor "La Dre" in "La Dre Sophie Martin".
    while words and (
        words[0].lower() in professions
        or titles.fullmatch(words[0])
        or (in_french and words[0].lower() in french.NOT_NAME_WORDS and len(words) > 2)
    ):
        words.pop(0)
    # "Fiona MacLeod Said" never happens, but a sentence may run a name into a capitalised word.
    while words and words[-1].lower() in {"said", "says", "and", "the"}:
        words.pop()
    return " ".join(words)


def extract_researchers(text: str, *, exclude: list[str], language: str = "en") -> tuple[list[str], list[str]]:
    """(everyone named as a researcher, those named as leading the work), in text order."""
    everyone, leads = _researchers(text, tuple(exclude), _language(language))
    return list(everyone), list(leads)


_RESEARCHER_PATTERNS = {"en": RESEARCHER_RES, "fr": french.RESEARCHER_RES}
# What a name's words after the first can never be: English stop words, and in French its function words.
_NAME_STOPWORDS = {"en": STOPWORDS, "fr": french.FUNCTION_WORDS | STOPWORDS}


# Pure and the same for every provider's search of one claim: computed once per process.
@functools.lru_cache(maxsize=512)
def _researchers(text: str, exclude: tuple[str, ...], language: str = "en") -> tuple[tuple[str, ...], tuple[str, ...]]:
    excluded = {names.fold(e) for e in exclude}
    excluded |= {names.fold(i) for i in KNOWN_INSTITUTIONS}
    stopwords = _NAME_STOPWORDS[language]
    key = french.fold if language == "fr" else str.lower
    hits: list[tuple[int, str, bool]] = []
    for pattern, lead in _RESEARCHER_PATTERNS[language]:
        for match in pattern.finditer(text):
            name = _trim_name(match.group(1), language)
            if not names.looks_like_person(name):
                continue
            folded = names.fold(name)
            if folded in excluded or any(folded in e or e in folded for e in excluded if len(e) > 3):
                continue
            if journals.known(name) or journals.is_news_outlet(name):
                continue
            if any(key(w) in stopwords and w.lower() not in names.PARTICLES for w in name.split()[1:]):
                continue
            hits.append((match.start(1), name, lead))
    hits.sort(key=lambda h: h[0])
    everyone = _merge_people([h[1] for h in hits])
    leads = _merge_people([h[1] for h in hits if h[2]])
    return tuple(everyone), tuple(leads)


def _merge_people(people: list[str]) -> list[str]:
    """One entry per person: "Fiona MacLeod" and "MacLeod" are the same."""
    out: list[str] = []
    for person in people:
        key = names.surname_key(names.surname(person))
        if any(names.surname_key(names.surname(o)) == key for o in out):
            continue
        out.append(person)
    return out


def extract_years(text: str, article_date: dt.date | None, language: str = "en") -> tuple[list[int], int | None]:
    """Years named as the time of a study, and a month ("in the March issue"); none in the future."""
    in_french = _language(language) == "fr"
    latest = (article_date or dt.date.today()).year
    years = []
    for pattern in french.YEAR_RES if in_french else YEAR_RES:
        years += [int(m.group(1)) for m in pattern.finditer(text)]
    month = None
    months = french.MONTHS if in_french else MONTHS
    for match in (french.MONTH_RE if in_french else MONTH_RE).finditer(text):
        month = months[match.group(1).lower()]
        if match.group(2):
            years.append(int(match.group(2)))
        elif article_date:
            years.append(article_date.year if month <= article_date.month else article_date.year - 1)
    relative = (french.RELATIVE_YEAR_RE if in_french else RELATIVE_YEAR_RE).search(text)
    if article_date and relative:
        this_year = (relative.group("this") is not None) if in_french else (relative.group(1) or "").lower() == "this"
        years.append(article_date.year if this_year else article_date.year - 1)
    years = sorted({y for y in years if 1900 <= y <= latest})
    return years, month


def informativeness(word: str) -> float:
    """How much a word says about a topic: inverse frequency in general English (Zipf scale)."""
    return max(7.0 - zipf_frequency(word, "en"), 0.5)


def extract_keywords(
    claim: str, paragraph: str, article: str, *, exclude: list[str], limit: int = 8, language: str = "en"
) -> list[str]:
    """Topic words by informativeness x emphasis; ties go to the word met first in the claim.

    For an article in French, the French words as written (:func:`in_english` says them in English).
    """
    return list(_keywords(claim, paragraph, article, tuple(exclude), limit, _language(language)))


def _rank(
    claim: str,
    paragraph: str,
    article: str,
    exclude: tuple[str, ...],
    *,
    stopwords: frozenset[str],
    frequency: Any,
    common: float,
    language: str,
) -> tuple[list[str], dict[str, Counter[str]]]:
    """Stems of the topic words, best first, and the forms each stem was written in."""

    def folded(text: str) -> list[str]:
        return [word for word, _ in _written_words(text, language)]

    excluded = {w for phrase in exclude for w in folded(phrase)}
    focus_order: dict[str, int] = {}
    for position, word in enumerate(folded(f"{claim} {paragraph}")):
        focus_order.setdefault(normalize.stem(word, language), position)
    claim_keys = {normalize.stem(w, language) for w in folded(claim)}
    paragraph_keys = {normalize.stem(w, language) for w in folded(paragraph)}
    surface: dict[str, Counter[str]] = {}
    counts: Counter[str] = Counter()
    for word, written in _written_words(f"{claim}\n{paragraph}\n{article}", language):
        if len(word) < 3 or word in stopwords or word in excluded or any(c.isdigit() for c in word):
            continue
        if frequency(written) >= common:
            continue
        key = normalize.stem(word, language)
        counts[key] += 1
        surface.setdefault(key, Counter())[written] += 1
    scores: dict[str, float] = {}
    for key, count in counts.items():
        weight = 3.0 if key in claim_keys else 2.0 if key in paragraph_keys else 0.0
        if weight == 0.0 and count < 3:
            continue  # a word of the wider article counts only if the article dwells on it
        emphasis = weight + min(count, 6) * 0.5
        word = surface[key].most_common(1)[0][0]
        scores[key] = emphasis * max(7.0 - frequency(word), 0.5)
    ranked = sorted(scores, key=lambda k: (-round(scores[k], 6), focus_order.get(k, 10_000)))
    return ranked, surface


_FRENCH_TOKEN_RE = re.compile(r"[^\W\d_][\w’'-]*")
_FRENCH_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ELISION_RE = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)[’']")


def _written_words(text: str, language: str) -> list[tuple[str, str]]:
    """(folded word, the word as written) for each word of ``text``; English compares folded forms only."""
    if language != "fr":
        return [(w, w) for w in normalize.words(text)]
    out = []
    for token in _FRENCH_TOKEN_RE.findall(text.casefold()):
        token = _ELISION_RE.sub("", token).strip("-’'")
        for part in _FRENCH_WORD_RE.findall(token):
            out.append((french.fold(part), part))
    return out


# How topic words are weighed in each language: its stop words, its word frequencies, and the frequency
# at or above which a word says little of a topic.
_RANKING = {
    "en": (STOPWORDS, functools.partial(zipf_frequency, lang="en"), COMMON_ZIPF),
    "fr": (french.STOPWORDS, french.frequency, french.COMMON_ZIPF),
}


@functools.lru_cache(maxsize=512)
def _keywords(
    claim: str, paragraph: str, article: str, exclude: tuple[str, ...], limit: int, language: str = "en"
) -> tuple[str, ...]:
    stopwords, frequency, common = _RANKING[language]
    ranked, surface = _rank(
        claim, paragraph, article, exclude, stopwords=stopwords, frequency=frequency, common=common, language=language
    )
    return tuple(surface[k].most_common(1)[0][0] for k in ranked[:limit])


def in_english(keywords: list[str], *, limit: int = 8) -> list[str]:
    """French topic words said in English for the scholarly indexes, best first, one per English stem;
    a word with no English we can trust, or whose English says nothing of a topic, is left out."""
    out: list[str] = []
    seen: set[str] = set()
    for word in keywords:
        english = french.to_english(french.fold(word))
        if not english or english in STOPWORDS or zipf_frequency(english, "en") >= COMMON_ZIPF:
            continue
        key = normalize.stem(english)
        if key not in seen:
            seen.add(key)
            out.append(english)
    return out[:limit]


def build(
    *,
    claim_text: str,
    quote: str = "",
    paragraph: str = "",
    article_title: str = "",
    article_body: str = "",
    article_date: dt.date | None = None,
    outlet: str = "",
    lookups: bool = True,
    language: str = "en",
) -> ClaimQuery:
    """The cues of one claim: strings in, :class:`ClaimQuery` out.

    ``lookups`` lets a journal the kept table does not know be looked up through the providers
    (cached); without it the function does no I/O at all.
    """
    near = "\n".join([claim_text, quote, paragraph])
    everything = "\n".join([article_title, article_body, near])
    urls = _unique([u.rstrip(".,;:") for u in URL_RE.findall(near)])
    dois = _unique([d for d in (normalize.doi(m) for m in normalize.DOI_IN_TEXT_RE.findall(near)) if d])
    pmids = _unique([a or b for a, b in PMID_RE.findall(near)])
    outlets = (outlet,) if outlet else ()
    cues = _language(language)
    found = extract_journals(near, outlets=outlets, lookups=lookups, language=cues)
    servers = [j.name for j in found if j.preprint_server]
    cited = [j for j in found if not j.preprint_server]
    institutions = extract_institutions(everything, cues)
    researchers, leads = extract_researchers(
        near + "\n" + article_body, exclude=[*(j.name for j in found), *institutions, outlet], language=cues
    )
    years, month = extract_years(near, article_date, cues)
    mentioned_outlets = [o for o in journals.NEWS_OUTLET_NAMES if re.search(rf"\b{re.escape(o)}\b", near)]
    keywords = extract_keywords(
        claim_text + "\n" + quote,
        paragraph + "\n" + article_title,
        article_body,
        exclude=[
            *(j.name for j in found),
            *(a for j in found for a in j.aliases),
            *institutions,
            *researchers,
            outlet,
            *mentioned_outlets,
            *PROFESSIONS,
            *(french.PROFESSIONS if cues == "fr" else ()),
            *re.findall(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+\b(?=,\s+(?:a|an|the)\s)", near),
        ],
        language=cues,
    )
    native_keywords: list[str] = []
    if cues == "fr":
        native_keywords = keywords
        keywords = in_english(native_keywords)
    date_from = date_to = None
    if years:
        # Print and online dates of one paper can fall in different years: a year either side.
        date_from = dt.date(min(years) - 1, 1, 1)
        date_to = dt.date(max(years) + 1, 12, 31)
    journal = cited[0] if cited else None
    return ClaimQuery(
        text=claim_text.strip(),
        dois=dois,
        pmids=pmids,
        urls=urls,
        journals=[j.name for j in cited],
        journal_issns=list(journal.issns) if journal else [],
        journal_resolved=bool(journal and journal.source != "text"),
        preprint_servers=servers,
        institutions=institutions,
        researchers=researchers,
        lead_authors=leads,
        keywords=keywords,
        years=years,
        month=month,
        date_from=date_from,
        date_to=date_to,
        article_date=article_date,
        language=cues,
        native_keywords=native_keywords,
    )


def for_claim(claim: Any, *, lookups: bool = True) -> ClaimQuery:
    article = claim.article
    return build(
        claim_text=claim.text,
        quote=claim.quote,
        paragraph=paragraph_of(article.body, claim.span_start, claim.span_end),
        article_title=article.title,
        article_body=article.body,
        article_date=article.published_on,
        outlet=article.outlet,
        lookups=lookups,
        language=article.language,
    )
