"""OpenAlex works: free look-ups by DOI or PMID, and (metered) relevance search."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from sources import normalize
from sources.http import fetch
from sources.providers.base import apply_updates, as_dict, as_int, as_list, as_str, load_json, parser
from sources.types import ClaimQuery, ParseError, Work

NAME = "openalex"
LABEL = "OpenAlex"
TYPES = {
    "article": "article",
    "review": "review",
    "preprint": "preprint",
    "letter": "letter",
    "editorial": "editorial",
    "erratum": "erratum",
    "retraction": "retraction-notice",
    "paratext": "other",
    "book-chapter": "chapter",
    "dataset": "dataset",
}


@parser(LABEL)
def parse_work(item: Any) -> Work:
    item = as_dict(item)
    ids = as_dict(item.get("ids"))
    doi = normalize.doi(item.get("doi")) or normalize.doi(ids.get("doi"))
    location = as_dict(item.get("primary_location"))
    source = as_dict(location.get("source"))
    biblio = as_dict(item.get("biblio"))
    authors = []
    for authorship in as_list(item.get("authorships")):
        authorship = as_dict(authorship)
        name = as_str(as_dict(authorship.get("author")).get("display_name")) or as_str(
            authorship.get("raw_author_name")
        )
        short = normalize.author_from_display(name)
        if short:
            authors.append(short)
    first, last = as_str(biblio.get("first_page")), as_str(biblio.get("last_page"))
    raw_type = as_str(item.get("type"))
    work_type = TYPES.get(raw_type, "other" if raw_type else "")
    work = Work(
        provider=NAME,
        provider_id=as_str(item.get("id")).rsplit("/", 1)[-1],
        doi=doi,
        pmid=normalize.pmid(ids.get("pmid")),
        pmcid=normalize.pmcid(ids.get("pmcid")),
        title=normalize.title(as_str(item.get("title")) or as_str(item.get("display_name"))),
        authors=authors,
        journal=as_str(source.get("display_name")),
        issn=[as_str(i) for i in as_list(source.get("issn")) if as_str(i)],
        year=as_int(item.get("publication_year")),
        published_on=as_str(item.get("publication_date")),
        volume=as_str(biblio.get("volume")),
        issue=as_str(biblio.get("issue")),
        pages=f"{first}-{last}" if first and last and first != last else first,
        abstract=normalize.invert_abstract(item.get("abstract_inverted_index")),
        work_type=work_type,
        url=f"https://doi.org/{doi}" if doi else as_str(location.get("landing_page_url")),
        is_preprint=work_type == "preprint",
        publication_types=[t for t in (raw_type, as_str(item.get("type_crossref"))) if t],
    )
    if item.get("is_retracted") is True:
        apply_updates(work, [{"type": "retraction", "notice_doi": "", "source": "openalex", "provider": NAME}])
    score = item.get("relevance_score")
    work.score = float(score) if isinstance(score, int | float) and not isinstance(score, bool) else None
    return work


@parser(LABEL)
def parse_list(text: str | bytes) -> list[Work]:
    data = as_dict(load_json(LABEL, text))
    results = data.get("results")
    if not isinstance(results, list) or "meta" not in data:
        raise ParseError(f"{LABEL} sent a list without results.")
    return [parse_work(r) for r in results if isinstance(r, dict)]


@parser(LABEL)
def parse_single(text: str | bytes) -> Work:
    data = load_json(LABEL, text)
    if not isinstance(data, dict) or not data.get("id"):
        raise ParseError(f"{LABEL} sent a work without an id.")
    return parse_work(data)


def _auth() -> dict[str, str]:
    return {"api_key": settings.OPENALEX_API_KEY, "mailto": settings.SOURCES_CONTACT_EMAIL}


def search_params(q: ClaimQuery, *, per_page: int = 10) -> dict[str, Any]:
    """OpenAlex ANDs the words of a search: three in the first pass, more joined by OR in the broad one."""
    words = " OR ".join(q.keywords[:5]) if q.broad else " ".join(q.keywords[:3])
    params: dict[str, Any] = {"search": words or q.text[:300], "per-page": per_page}
    filters = []
    if q.date_from:
        filters.append(f"from_publication_date:{q.date_from.isoformat()}")
    if q.date_to:
        filters.append(f"to_publication_date:{q.date_to.isoformat()}")
    if filters:
        params["filter"] = ",".join(filters)
    return params


def search(q: ClaimQuery) -> list[Work]:
    answer = fetch(NAME, f"{settings.OPENALEX_API_URL}/works", {**search_params(q), **_auth()}, kind="search")
    return [] if answer.status == 404 else parse_list(answer.text)


def by_doi(doi: str, *, use_cache: bool = True) -> Work | None:
    url = f"{settings.OPENALEX_API_URL}/works/doi:{doi}"
    answer = fetch(NAME, url, _auth(), kind="single", use_cache=use_cache)
    return None if answer.status == 404 else parse_single(answer.text)


def by_pmid(pmid: str) -> Work | None:
    answer = fetch(NAME, f"{settings.OPENALEX_API_URL}/works/pmid:{pmid}", _auth(), kind="single")
    return None if answer.status == 404 else parse_single(answer.text)
