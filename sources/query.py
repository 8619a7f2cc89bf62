"""Turn a claim and its article into the cues a person would search with.

DOIs, PMIDs and URLs in the claim or its paragraph; the journal named ("JAMA Psychiatry");
institutions (Inserm, CNRS, the Brain Institute); named researchers ("Liane Schmidt"); topic words
weighted by how much the article dwells on them; and a date window before the article's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from sources import normalize
from sources.types import ClaimQuery

URL_RE = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
PMID_RE = re.compile(r"\bPMID:?\s*(\d{5,9})\b|pubmed\.ncbi\.nlm\.nih\.gov/(\d{5,9})", re.IGNORECASE)
KNOWN_JOURNALS = [
    "JAMA Psychiatry", "JAMA Network Open", "JAMA Pediatrics", "JAMA Internal Medicine", "JAMA",
    "New England Journal of Medicine", "NEJM", "The Lancet Psychiatry", "The Lancet", "Lancet", "BMJ",
    "Nature Medicine", "Nature Neuroscience", "Nature Communications", "Nature", "Science", "Cell",
    "PNAS", "Proceedings of the National Academy of Sciences", "PLOS ONE", "PLOS Medicine",
    "American Journal of Psychiatry", "Biological Psychiatry", "Molecular Psychiatry", "eLife",
    "Scientific Reports", "Annals of Internal Medicine", "Neuron",
]  # fmt: skip
# A capitalised name after "journal" / "published in": "the journal JAMA Psychiatry,".
JOURNAL_RE = re.compile(
    r"(?:\bjournal|\bpublished in|\bappeared in|\breported in)\s+(?:the\s+)?(?:journal\s+)?"
    r"((?:[A-Z][\w&'-]*|of|the|and|for|in)(?:\s+(?:[A-Z][\w&'-]*|of|the|and|for|in))*)"
)
KNOWN_INSTITUTIONS = [
    "Inserm", "CNRS", "Brain Institute", "Paris Brain Institute", "Institut du Cerveau", "ICM", "AP-HP",
    "Sorbonne University", "Pasteur Institute", "Institut Pasteur", "NIH", "National Institutes of Health",
    "CDC", "WHO", "World Health Organization", "Harvard", "Oxford", "Cambridge", "Stanford", "Yale", "MIT",
    "Max Planck", "Karolinska", "UCL", "King's College London", "Imperial College",
]  # fmt: skip
INSTITUTION_RE = re.compile(
    r"\b((?:University|Institute|Institut|College|School) of(?: [A-Z][\w'-]+)+"
    r"|(?:[A-Z][\w'-]+ )+(?:University|Institute|Hospital))\b"
)
ROLE_WORDS = (
    r"(?:researcher|scientist|professor|psychiatrist|neuroscientist|doctor|physician|author"
    r"|epidemiologist|director|lead|head)"
)
# "Liane Schmidt, neuroscience researcher at Inserm" / "Dr Jane Doe" / "Professor John Smith".
RESEARCHER_RES = [
    re.compile(r"\b([A-Z][a-zé'-]+(?:\s[A-Z][a-zé'-]+){1,2}),\s+(?:[\w-]+\s+){0,4}" + ROLE_WORDS),
    re.compile(r"\b(?:Dr\.?|Prof\.?|Professor)\s+([A-Z][a-zé'-]+(?:\s[A-Z][a-zé'-]+){1,2})"),
]
# Function words and the vocabulary of science reporting itself, which says nothing of the topic.
_STOPWORDS = """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each even few for from further had has have having
    he her here hers him his how i if in into is it its itself just least less like made make many may me might more
    most much must my new no nor not now of off on once one only open or other our out over own per same she should
    so some such than that the their them then there these they this those through to too two three four under until
    up upon very was we were what when where which while who whom why will with within without would you your
    results result published publish journal study studies researchers researcher scientists scientist found find
    finding findings shows show showed shown according said says people person certainly already still course order
    way ways making first last year years month months day days hours hour well however whether rather thing things
    therapeutic avenues avenue additional research proves proved press release recalled preamble leave comment
    possible determine determined taking presented became become wanted sought summarized adds added explains
    effect effects effective commonly common important major
    january february march april june july august september october november december affected"""
STOPWORDS = frozenset(_STOPWORDS.split())


def paragraph_of(body: str, start: int, end: int) -> str:
    """The paragraph (text between blank lines) holding ``body[start:end]``."""
    before = body.rfind("\n\n", 0, max(start, 0))
    after = body.find("\n\n", end)
    return body[before + 2 if before != -1 else 0 : after if after != -1 else len(body)].strip()


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def extract_journals(text: str) -> list[str]:
    found = []
    for match in JOURNAL_RE.finditer(text):
        name = re.sub(r"(\s+(?:of|the|and|for|in))+$", "", match.group(1)).strip()
        if name and name[0].isupper() and len(name) > 2:
            found.append(name)
    for journal in KNOWN_JOURNALS:
        if re.search(rf"\b{re.escape(journal)}\b", text) and not any(journal in f for f in found):
            found.append(journal)
    return _unique(found)


def extract_institutions(text: str) -> list[str]:
    found = [i for i in KNOWN_INSTITUTIONS if re.search(rf"\b{re.escape(i)}\b", text)]
    found += [m.group(1) for m in INSTITUTION_RE.finditer(text)]
    # "Brain Institute" is already in "Paris Brain Institute".
    found = [f for f in found if not any(f != g and f in g for g in found)]
    return _unique(found)


def extract_researchers(text: str) -> list[str]:
    found = []
    for pattern in RESEARCHER_RES:
        found += [m.group(1) for m in pattern.finditer(text)]
    institutions = {i.casefold() for i in KNOWN_INSTITUTIONS}
    return _unique([f for f in found if f.casefold() not in institutions])


def extract_keywords(focus: str, article: str, *, exclude: list[str], limit: int = 5) -> list[str]:
    """Topic words: those of the claim, its paragraph and the title, weighted by the article's emphasis."""
    excluded = {w for phrase in exclude for w in normalize.words(phrase)}
    surface: dict[str, Counter[str]] = {}
    article_counts: Counter[str] = Counter()
    for word in normalize.words(article):
        if len(word) < 4 or word in STOPWORDS or word in excluded or word.isdigit():
            continue
        key = normalize.stem(word)
        article_counts[key] += 1
        surface.setdefault(key, Counter())[word] += 1
    focus_keys = {normalize.stem(w) for w in normalize.words(focus)}
    scores = {key: count * (3 if key in focus_keys else 1) for key, count in article_counts.items() if count > 1}
    for key in focus_keys:
        if key in article_counts and key not in scores:
            scores[key] = 2
    ranked = sorted(scores, key=lambda k: (-scores[k], k))
    return [surface[k].most_common(1)[0][0] for k in ranked[:limit]]


def build(
    *,
    claim_text: str,
    quote: str = "",
    paragraph: str = "",
    article_title: str = "",
    article_body: str = "",
    article_date: dt.date | None = None,
) -> ClaimQuery:
    """The cues of one claim. Pure: strings in, :class:`ClaimQuery` out."""
    near = "\n".join([claim_text, quote, paragraph])
    everything = "\n".join([article_title, article_body, near])
    urls = _unique([u.rstrip(".,;:") for u in URL_RE.findall(near)])
    dois = _unique([d for d in (normalize.doi(m) for m in normalize.DOI_IN_TEXT_RE.findall(near)) if d])
    pmids = _unique([a or b for a, b in PMID_RE.findall(near)])
    journals = extract_journals(near) or extract_journals(everything)
    institutions = extract_institutions(everything)
    researchers = extract_researchers(everything)
    keywords = extract_keywords(
        "\n".join([claim_text, paragraph, article_title]),
        everything,
        exclude=[*journals, *institutions, *researchers],
    )
    date_from = date_to = None
    if article_date:
        # Journals print weeks after papers go online; allow a little after the article's date.
        date_from = article_date - dt.timedelta(days=730)
        date_to = article_date + dt.timedelta(days=60)
    return ClaimQuery(
        text=claim_text.strip(),
        dois=dois,
        pmids=pmids,
        urls=urls,
        journals=journals,
        institutions=institutions,
        researchers=researchers,
        keywords=keywords,
        date_from=date_from,
        date_to=date_to,
        article_date=article_date,
    )


def for_claim(claim: Any) -> ClaimQuery:
    article = claim.article
    return build(
        claim_text=claim.text,
        quote=claim.quote,
        paragraph=paragraph_of(article.body, claim.span_start, claim.span_end),
        article_title=article.title,
        article_body=article.body,
        article_date=article.published_on,
    )
