"""Europe PMC REST search (``resultType=core`` carries abstracts and publication types)."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from sources import normalize
from sources.http import fetch
from sources.providers.base import apply_updates, as_dict, as_int, as_list, as_str, load_json, parser
from sources.types import ClaimQuery, ParseError, Work

NAME = "europepmc"
LABEL = "Europe PMC"
TYPES = [
    ("retraction of publication", "retraction-notice"),
    ("published erratum", "erratum"),
    ("preprint", "preprint"),
    ("review", "review"),
    ("editorial", "editorial"),
    ("letter", "letter"),
    ("comment", "comment"),
    ("journal article", "article"),
    ("research-article", "article"),
]


@parser(LABEL)
def parse_result(item: Any) -> Work:
    item = as_dict(item)
    info = as_dict(item.get("journalInfo"))
    journal = as_dict(info.get("journal"))
    authors = []
    for author in as_list(as_dict(item.get("authorList")).get("author")):
        author = as_dict(author)
        name = as_str(author.get("fullName")) or normalize.author_short(
            author.get("lastName"), author.get("firstName"), author.get("initials")
        )
        if name:
            authors.append(name)
    if not authors and as_str(item.get("authorString")):
        authors = [a.strip() for a in as_str(item["authorString"]).rstrip(".").split(",") if a.strip()]
    types = [as_str(t).lower() for t in as_list(as_dict(item.get("pubTypeList")).get("pubType"))]
    types += [as_str(t).lower() for t in as_list(item.get("pubType"))]
    source = as_str(item.get("source"))
    work_type = next((mapped for name, mapped in TYPES if name in types), "other" if types else "")
    if source == "PPR":
        work_type = "preprint"
    doi = normalize.doi(item.get("doi"))
    ident = as_str(item.get("id"))
    work = Work(
        provider=NAME,
        provider_id=f"{source}:{ident}" if source and ident else ident,
        doi=doi,
        pmid=normalize.pmid(item.get("pmid")),
        pmcid=normalize.pmcid(item.get("pmcid")),
        title=normalize.title(item.get("title")),
        authors=authors,
        journal=as_str(journal.get("title")) or as_str(item.get("journalTitle")),
        issn=[i for i in (as_str(journal.get("issn")), as_str(journal.get("essn"))) if i],
        year=as_int(item.get("pubYear")) or as_int(info.get("yearOfPublication")),
        published_on=as_str(item.get("firstPublicationDate")) or as_str(info.get("printPublicationDate")),
        volume=as_str(info.get("volume")) or as_str(item.get("journalVolume")),
        issue=as_str(info.get("issue")) or as_str(item.get("issue")),
        pages=as_str(item.get("pageInfo")),
        abstract=normalize.strip_markup(item.get("abstractText")),
        work_type=work_type,
        url=f"https://doi.org/{doi}" if doi else (f"https://europepmc.org/article/{source}/{ident}" if ident else ""),
        is_preprint=work_type == "preprint",
        publication_types=[t for t in types if t],
    )
    if "retracted publication" in types:
        apply_updates(work, [{"type": "retraction", "notice_doi": "", "source": "europepmc", "provider": NAME}])
    return work


@parser(LABEL)
def parse_search(text: str | bytes) -> list[Work]:
    data = as_dict(load_json(LABEL, text))
    # Under load Europe PMC answers 200 with other bodies; hitCount is the sign of a real answer.
    if "hitCount" not in data:
        raise ParseError(f"{LABEL} sent an answer without a hit count.")
    results = as_dict(data.get("resultList")).get("result", [])
    if not isinstance(results, list):
        raise ParseError(f"{LABEL} sent results in an unexpected shape.")
    return [parse_result(r) for r in results if isinstance(r, dict)]


def query_word(word: str) -> str:
    stem = normalize.stem(word)
    return f"{stem}*" if stem != word and len(stem) >= 4 and word.startswith(stem) else word


def search_query(q: ClaimQuery, *, words: int = 2) -> str:
    """First pass: the most informative topic words AND the journal when recognised; broad pass: OR."""
    parts: list[str] = []
    if q.broad:
        either = [query_word(w) for w in q.keywords[:4]] + [f'AUTH:"{s}"' for s in q.surnames[:2]]
        if either:
            parts.append("(" + " OR ".join(either) + ")")
    else:
        parts = [query_word(w) for w in q.keywords[:words]]
        if q.journal and q.journal_resolved:
            parts.append(f'JOURNAL:"{q.journal}"')
    if q.date_from and q.date_to:
        parts.append(f"PUB_YEAR:[{q.date_from.year} TO {q.date_to.year}]")
    return " AND ".join(parts) or q.text[:300]


def _search(query: str, *, page_size: int = 10, kind: str = "search", use_cache: bool = True) -> list[Work]:
    params: dict[str, Any] = {
        "query": query,
        "format": "json",
        "resultType": "core",
        "pageSize": page_size,
        "email": settings.SOURCES_CONTACT_EMAIL,
    }
    answer = fetch(NAME, f"{settings.EUROPEPMC_API_URL}/search", params, kind=kind, use_cache=use_cache)
    return [] if answer.status == 404 else parse_search(answer.text)


def search(q: ClaimQuery) -> list[Work]:
    works = _search(search_query(q))
    for rank, work in enumerate(works):
        work.score = float(len(works) - rank)
    return works


def by_doi(doi: str, *, use_cache: bool = True) -> Work | None:
    found = _search(f'DOI:"{doi}"', page_size=1, kind="single", use_cache=use_cache)
    return found[0] if found else None


def by_pmid(pmid: str) -> Work | None:
    found = _search(f"EXT_ID:{pmid} AND SRC:MED", page_size=1, kind="single")
    return found[0] if found else None
