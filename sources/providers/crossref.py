"""Crossref REST API: works by DOI and bibliographic search. Best for bibliographic data and retractions."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.conf import settings

from sources import normalize
from sources.http import fetch
from sources.providers.base import (
    apply_updates,
    as_dict,
    as_list,
    as_str,
    date_parts,
    earliest,
    first_item,
    first_str,
    load_json,
    parser,
)
from sources.types import ClaimQuery, ParseError, Work

NAME = "crossref"
LABEL = "Crossref"
TYPES = {
    "journal-article": "article",
    "posted-content": "preprint",
    "proceedings-article": "article",
    "book-chapter": "chapter",
    "dataset": "dataset",
    "peer-review": "other",
}


@parser(LABEL)
def parse_work(item: Any) -> Work:
    item = as_dict(item)
    doi = normalize.doi(item.get("DOI"))
    authors = []
    for author in as_list(item.get("author")):
        author = as_dict(author)
        name = normalize.author_short(author.get("family"), author.get("given")) or as_str(author.get("name"))
        if name:
            authors.append(name)
    year, iso = date_parts(item.get("issued"))
    online_year, online = date_parts(item.get("published-online"))
    title = normalize.title(first_str(item.get("title")))
    work = Work(
        provider=NAME,
        provider_id=doi,
        doi=doi,
        title=title,
        authors=authors,
        journal=normalize.strip_markup(first_str(item.get("container-title"))),
        issn=[as_str(i) for i in as_list(item.get("ISSN")) if as_str(i)],
        year=year or online_year,
        published_on=earliest(iso, online),
        volume=as_str(item.get("volume")),
        issue=as_str(item.get("issue")),
        pages=as_str(item.get("page")),
        abstract=normalize.strip_markup(item.get("abstract")),
        work_type=TYPES.get(as_str(item.get("type")), "other" if item.get("type") else ""),
        url=f"https://doi.org/{doi}" if doi else as_str(item.get("URL")),
        publication_types=[t for t in (as_str(item.get("type")), as_str(item.get("subtype"))) if t],
    )
    if as_str(item.get("subtype")) == "preprint" or work.work_type == "preprint":
        work.work_type = "preprint"
        work.is_preprint = True
    if not work.journal and work.work_type == "preprint":
        # Posted content names its server as an institution ("medRxiv"), not as a container.
        work.journal = as_str(as_dict(first_item(item.get("institution"))).get("name"))
    notices = []
    for update in as_list(item.get("updated-by")):
        update = as_dict(update)
        notices.append(
            {
                "type": as_str(update.get("type")),
                "notice_doi": normalize.doi(update.get("DOI")),
                "source": as_str(update.get("source")) or "publisher",
                "date": date_parts(update.get("updated"))[1],
                "label": as_str(update.get("label")),
                "provider": NAME,
            }
        )
    apply_updates(work, notices)
    # A notice about another work ("Correction: ...") is not the study itself.
    targets = [as_str(as_dict(u).get("type")).lower() for u in as_list(item.get("update-to"))]
    if targets:
        kind = "retraction" if any("retract" in t for t in targets) else "correction"
        work.work_type = f"{kind}-notice"
    if title.lower().startswith(("retracted:", "retracted article:")):
        work.is_retracted = True
    score = item.get("score")
    work.score = float(score) if isinstance(score, int | float) and not isinstance(score, bool) else None
    return work


def _message(text: str | bytes, expected: str) -> dict[str, Any]:
    data = as_dict(load_json(LABEL, text))
    if data.get("status") != "ok" or data.get("message-type") != expected:
        raise ParseError(f"{LABEL} did not answer with a {expected}.")
    return as_dict(data.get("message"))


@parser(LABEL)
def parse_list(text: str | bytes) -> list[Work]:
    message = _message(text, "work-list")
    items = message.get("items")
    if not isinstance(items, list):
        raise ParseError(f"{LABEL} sent a list without items.")
    return [parse_work(item) for item in items if isinstance(item, dict)]


@parser(LABEL)
def parse_single(text: str | bytes) -> Work:
    return parse_work(_message(text, "work"))


def search_params(q: ClaimQuery, *, rows: int = 10) -> dict[str, Any]:
    """Crossref scores by relevance: every cue adds to it, none excludes a work, except a named year's window."""
    words = [*q.keywords[:6], *q.surnames[:2], *(str(y) for y in q.years[:1])]
    params: dict[str, Any] = {"query.bibliographic": " ".join(words) or q.text[:300], "rows": rows}
    if q.broad:
        params["query.bibliographic"] = " ".join([*q.keywords[:8], *q.surnames[:3]]) or q.text[:300]
        params["rows"] = 20
    elif q.journal:
        params["query.container-title"] = q.journal
    if q.surnames and not q.broad:
        params["query.author"] = " ".join(q.surnames[:2])
    filters = []
    if q.date_from:
        filters.append(f"from-pub-date:{q.date_from.isoformat()}")
    if q.date_to:
        filters.append(f"until-pub-date:{q.date_to.isoformat()}")
    if filters:
        params["filter"] = ",".join(filters)
    return params


def _auth() -> dict[str, str]:
    return {"mailto": settings.SOURCES_CONTACT_EMAIL}


def search(q: ClaimQuery) -> list[Work]:
    answer = fetch(NAME, f"{settings.CROSSREF_API_URL}/works", {**search_params(q), **_auth()}, kind="search")
    if answer.status == 404:
        return []
    return parse_list(answer.text)


def doi_path(doi: str) -> str:
    return quote(doi, safe="/:;()<>[]")


def by_doi(doi: str, *, use_cache: bool = True) -> Work | None:
    url = f"{settings.CROSSREF_API_URL}/works/{doi_path(doi)}"
    answer = fetch(NAME, url, _auth(), kind="single", use_cache=use_cache)
    if answer.status == 404:
        return None
    return parse_single(answer.text)


def by_pmid(pmid: str) -> Work | None:
    return None
