"""Google Fact Check Tools ``claims:search``: earlier fact-checks of the same claim (needs a key)."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from sources.http import fetch
from sources.providers.base import as_dict, as_list, as_str, load_json, parser
from sources.types import ClaimQuery, ParseError, Work

NAME = "factcheck"
LABEL = "Google Fact Check Tools"


@parser(LABEL)
def parse_claims(text: str | bytes) -> list[Work]:
    """One candidate per review; no matches comes back as ``{}``."""
    data = load_json(LABEL, text)
    if not isinstance(data, dict):
        raise ParseError(f"{LABEL} sent an answer in an unexpected shape.")
    if "error" in data:
        raise ParseError(f"{LABEL} sent an error: {as_str(as_dict(data['error']).get('message'))[:200]}")
    works = []
    for claim in as_list(data.get("claims")):
        claim = as_dict(claim)
        for review in as_list(claim.get("claimReview")):
            review = as_dict(review)
            url = as_str(review.get("url"))
            if not url.startswith(("http://", "https://")):
                continue
            publisher = as_dict(review.get("publisher"))
            works.append(
                Work(
                    provider=NAME,
                    kind="fact_check",
                    provider_id=url,
                    title=as_str(review.get("title")) or as_str(claim.get("text")),
                    authors=[as_str(claim.get("claimant"))] if as_str(claim.get("claimant")) else [],
                    url=url,
                    publisher=as_str(publisher.get("name")) or as_str(publisher.get("site")),
                    textual_rating=as_str(review.get("textualRating")),
                    review_date=as_str(review.get("reviewDate"))[:10],
                    claim_text=as_str(claim.get("text")),
                    work_type="fact-check",
                )
            )
    return works


def search_params(q: ClaimQuery) -> dict[str, Any]:
    # Fact-checks are written in the article's language: its own topic words find them, not English ones.
    words = q.native_keywords or q.keywords
    return {"query": " ".join(words[:4]) or q.text[:200], "languageCode": q.language, "pageSize": 10}


def search(q: ClaimQuery) -> list[Work]:
    params = {**search_params(q), "key": settings.FACTCHECK_TOOLS_API_KEY}
    answer = fetch(NAME, f"{settings.FACTCHECK_TOOLS_API_URL}/claims:search", params, kind="search")
    return [] if answer.status == 404 else parse_claims(answer.text)


def by_doi(doi: str, *, use_cache: bool = True) -> Work | None:
    return None


def by_pmid(pmid: str) -> Work | None:
    return None
