"""NCBI E-utilities for PubMed: esearch (JSON) finds PMIDs, efetch (XML) gives abstracts and types."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from lxml import etree

from sources import normalize
from sources.http import fetch
from sources.providers.base import apply_updates, as_dict, as_list, as_str, earliest, load_json, load_xml, parser
from sources.types import ClaimQuery, ParseError, Work

NAME = "pubmed"
LABEL = "PubMed"
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
TYPES = [  # most specific first
    ("retraction of publication", "retraction-notice"),
    ("published erratum", "erratum"),
    ("expression of concern", "other"),
    ("preprint", "preprint"),
    ("review", "review"),
    ("systematic review", "review"),
    ("meta-analysis", "review"),
    ("editorial", "editorial"),
    ("letter", "letter"),
    ("comment", "comment"),
    ("news", "news"),
    ("journal article", "article"),
]
NOTICES = {
    "RetractionIn": "retraction",
    "ErratumIn": "correction",
    "ExpressionOfConcernIn": "expression_of_concern",
}


@parser(LABEL)
def parse_esearch(text: str | bytes) -> list[str]:
    """The PMIDs of an esearch JSON answer, best first."""
    data = as_dict(load_json(LABEL, text))
    result = data.get("esearchresult")
    if not isinstance(result, dict):
        raise ParseError(f"{LABEL} sent an answer without search results.")
    if result.get("ERROR"):
        raise ParseError(f"{LABEL} could not run the search: {as_str(result.get('ERROR'))[:200]}")
    ids = [normalize.pmid(i) for i in as_list(result.get("idlist"))]
    return [i for i in ids if i]


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def _date(element: etree._Element | None) -> tuple[int | None, str]:
    if element is None:
        return None, ""
    year_text = _text(element.find("Year")) or _text(element.find("MedlineDate"))[:4]
    if not (year_text.isdigit() and len(year_text) == 4):
        return None, ""
    iso = year_text
    month_text = _text(element.find("Month")).lower()[:3]
    month = MONTHS.get(month_text) or (int(month_text) if month_text.isdigit() else 0)
    if 1 <= month <= 12:
        iso += f"-{month:02d}"
        day_text = _text(element.find("Day"))
        if day_text.isdigit() and 1 <= int(day_text) <= 31:
            iso += f"-{int(day_text):02d}"
    return int(year_text), iso


def _article(node: etree._Element) -> Work:
    citation = node.find("MedlineCitation")
    if citation is None:
        raise ParseError(f"{LABEL} sent a record without a citation.")
    article = citation.find("Article")
    if article is None:
        raise ParseError(f"{LABEL} sent a record without an article.")
    pmid = normalize.pmid(_text(citation.find("PMID")))
    ids = {(i.get("IdType") or "").lower(): _text(i) for i in node.findall("PubmedData/ArticleIdList/ArticleId")}
    doi = normalize.doi(ids.get("doi", ""))
    if not doi:
        for location in article.findall("ELocationID"):
            if location.get("EIdType") == "doi":
                doi = normalize.doi(_text(location))
    sections = []
    for part in article.findall("Abstract/AbstractText"):
        body = _text(part)
        label = part.get("Label")
        if body:
            sections.append(f"{label.capitalize()}: {body}" if label else body)
    authors = []
    for author in article.findall("AuthorList/Author"):
        name = normalize.author_short(
            _text(author.find("LastName")), _text(author.find("ForeName")), _text(author.find("Initials"))
        ) or _text(author.find("CollectiveName"))
        if name:
            authors.append(name)
    journal = article.find("Journal")
    year, iso = _date(article.find("Journal/JournalIssue/PubDate"))
    _, electronic = _date(article.find("ArticleDate"))
    types = [_text(t).lower() for t in article.findall("PublicationTypeList/PublicationType")]
    work_type = next((mapped for name, mapped in TYPES if name in types), "other" if types else "")
    work = Work(
        provider=NAME,
        provider_id=pmid,
        doi=doi,
        pmid=pmid,
        pmcid=normalize.pmcid(ids.get("pmc", "")),
        title=normalize.title(_text(article.find("ArticleTitle"))),
        authors=authors,
        journal=_text(journal.find("Title")) if journal is not None else "",
        issn=[_text(i) for i in article.findall("Journal/ISSN") if _text(i)],
        year=year,
        published_on=earliest(iso, electronic),
        volume=_text(article.find("Journal/JournalIssue/Volume")),
        issue=_text(article.find("Journal/JournalIssue/Issue")),
        pages=_text(article.find("Pagination/MedlinePgn")),
        abstract=" ".join(sections),
        work_type=work_type,
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid else "",
        is_preprint=work_type == "preprint",
        publication_types=[_text(t) for t in article.findall("PublicationTypeList/PublicationType") if _text(t)],
    )
    notices = []
    for comment in citation.findall("CommentsCorrectionsList/CommentsCorrections"):
        kind = NOTICES.get(comment.get("RefType") or "")
        if kind:
            notices.append(
                {
                    "type": kind,
                    "notice_doi": "",
                    "notice_pmid": normalize.pmid(_text(comment.find("PMID"))),
                    "source": "pubmed",
                    "label": _text(comment.find("RefSource")),
                    "provider": NAME,
                }
            )
    if "retracted publication" in types:
        notices.append({"type": "retraction", "notice_doi": "", "source": "pubmed", "provider": NAME})
    if "expression of concern" in types and work_type != "article":
        work.work_type = "other"
    apply_updates(work, notices)
    return work


@parser(LABEL)
def parse_efetch(text: str | bytes) -> list[Work]:
    """The records of an efetch ``PubmedArticleSet``."""
    root = load_xml(LABEL, text, "PubmedArticleSet")
    return [_article(node) for node in root.findall("PubmedArticle")]


def term_word(word: str) -> str:
    """A topic word for [tiab]: its stem truncated ("depress*") so that word forms meet; PubMed does not stem."""
    stem = normalize.stem(word)
    return f"{stem}*[tiab]" if stem != word and len(stem) >= 4 and word.startswith(stem) else f"{word}[tiab]"


def search_term(q: ClaimQuery, *, words: int = 2) -> str:
    """First pass: the two most informative topic words AND the journal when it was recognised.

    The broad pass joins more topic words and the researchers' names with OR. A year the claim
    names is the only date limit, in either pass.
    """
    parts: list[str] = []
    if q.broad:
        either = [term_word(w) for w in q.keywords[:4]] + [f'"{s}"[au]' for s in q.surnames[:2]]
        if either:
            parts.append("(" + " OR ".join(either) + ")")
    else:
        parts = [term_word(w) for w in q.keywords[:words]]
        if q.journal and q.journal_resolved:
            parts.append(f'"{q.journal}"[ta]')
    if q.date_from and q.date_to:
        parts.append(f'("{q.date_from:%Y/%m/%d}"[dp] : "{q.date_to:%Y/%m/%d}"[dp])')
    return " AND ".join(parts) or q.text[:300]


def _auth() -> dict[str, str]:
    return {"tool": "factcheck", "email": settings.SOURCES_CONTACT_EMAIL, "api_key": settings.NCBI_API_KEY}


def _esearch(term: str, *, retmax: int = 10) -> list[str]:
    params: dict[str, Any] = {"db": "pubmed", "term": term, "retmode": "json", "retmax": retmax, "sort": "relevance"}
    answer = fetch(NAME, f"{settings.NCBI_EUTILS_URL}/esearch.fcgi", {**params, **_auth()}, kind="search")
    return [] if answer.status == 404 else parse_esearch(answer.text)


def _efetch(pmids: list[str], *, use_cache: bool = True) -> list[Work]:
    if not pmids:
        return []
    params = {"db": "pubmed", "id": ",".join(pmids), "retmode": "xml", "rettype": "abstract"}
    url = f"{settings.NCBI_EUTILS_URL}/efetch.fcgi"
    answer = fetch(NAME, url, {**params, **_auth()}, kind="single", use_cache=use_cache)
    return [] if answer.status == 404 else parse_efetch(answer.text)


def search(q: ClaimQuery) -> list[Work]:
    works = _efetch(_esearch(search_term(q)))
    for rank, work in enumerate(works):
        work.score = float(len(works) - rank)
    return works


def by_doi(doi: str, *, use_cache: bool = True) -> Work | None:
    found = _efetch(_esearch(f"{doi}[doi]", retmax=1), use_cache=use_cache)
    return found[0] if found else None


def by_pmid(pmid: str) -> Work | None:
    found = _efetch([pmid])
    return found[0] if found else None
