"""schema.org ClaimReview markup, built from a published snapshot so it matches the visible page."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from claims.publishing import wording

# Characters that could close the <script> element or open a comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


_INSTITUTION_WORDS = ("press", "institut", "university", "agency", "ministry", "journal", "article", "cnrs", "inserm")


def organization() -> dict[str, Any]:
    return {"@type": "Organization", "name": settings.ORGANIZATION_NAME, "url": settings.ORGANIZATION_URL}


def public_check_url(slug: str) -> str:
    return settings.SITE_URL + reverse("public:check", args=[slug])


def _claimant(name: str) -> dict[str, Any]:
    # The claimant is free text; words naming an institution make it an Organization, else a Person.
    lowered = name.lower()
    institutional = any(word in lowered for word in _INSTITUTION_WORDS)
    return {"@type": "Organization" if institutional else "Person", "name": name}


def claim_reviews(snapshot: dict[str, Any]) -> list[dict[str, Any]]:
    """One ClaimReview per claim of the snapshot, in the newsroom's language (``inLanguage``)."""
    language = wording.newsroom_language()
    in_language = wording.bcp47(language)
    url = public_check_url(snapshot["slug"])
    article = snapshot["article"]
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": article["title"]}
    if article.get("url"):
        appearance["url"] = article["url"]
    if article.get("outlet"):
        appearance["publisher"] = {"@type": "Organization", "name": article["outlet"]}
    if article.get("published_on"):
        appearance["datePublished"] = article["published_on"]
    reviews = []
    for claim in snapshot["claims"]:
        item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
        if claim.get("claimant"):
            item["author"] = _claimant(claim["claimant"])
        if article.get("published_on"):
            item["datePublished"] = article["published_on"]
        rating = wording.rating_in(claim["rating"], language)
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "inLanguage": in_language,
                "url": f"{url}#{claim['anchor']}",
                "claimReviewed": claim["text"],
                "author": organization(),
                "datePublished": snapshot["first_published_at"][:10],
                "dateModified": snapshot["published_at"],
                "itemReviewed": item,
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": rating["value"],
                    "bestRating": snapshot["best_rating"],
                    "worstRating": snapshot["worst_rating"],
                    "alternateName": rating["label"],
                    "name": rating["label"],
                    **({"ratingExplanation": claim["explanation"]} if claim.get("explanation") else {}),
                },
            }
        )
    return reviews


def data_feed(snapshots: list[dict[str, Any]], modified: str | None) -> dict[str, Any]:
    """A schema.org DataFeed holding every published ClaimReview."""
    feed: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": _("%(name)s fact-checks") % {"name": settings.ORGANIZATION_NAME},
        "inLanguage": wording.bcp47(wording.newsroom_language()),
        "url": settings.SITE_URL + reverse("public:claimreview_feed"),
        "publisher": organization(),
        "dataFeedElement": [review for snap in snapshots for review in claim_reviews(snap)],
    }
    if modified:
        feed["dateModified"] = modified
    return feed


def script_json(data: Any) -> SafeString:
    """JSON safe to place inside ``<script type="application/ld+json">``."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # every '<', '>' and '&' is escaped above
