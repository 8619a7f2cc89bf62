"""Reads the public pages, feeds and the workspace's publishing pages share.

The public page renders from a snapshot alone: :func:`snapshot_page_context` makes no queries.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils.dateparse import parse_datetime

from claims import studies
from claims.models import Article, Check, CheckVersion, Claim, ErrorReport


def article_claims_for_publishing(article: Article) -> list[Claim]:
    """The article's claims with what the publish page shows: verdict, rating, assignee."""
    return list(
        article.claims.select_related(
            "verdict__rating", "verdict__author", "verdict__approved_by", "assignee"
        ).order_by("span_start", "id")
    )


def check_for_article(article: Article) -> Check | None:
    """The article's check (draft, published or withdrawn), or None if no one has started one."""
    return Check.objects.select_related("current_version").filter(article=article).first()


def published_checks() -> QuerySet[Check]:
    """Published checks, most recently (re)published first, with their current snapshot."""
    return (
        Check.objects.filter(status=Check.Status.PUBLISHED)
        .select_related("current_version")
        .order_by("-current_version__published_at", "-id")
    )


def public_check(slug: str) -> Check | None:
    """A published or withdrawn check by slug, with its current version but not the snapshot body.

    The snapshot is only read on a cache miss (:func:`public_snapshot`); a draft is never returned.
    """
    return (
        Check.objects.filter(slug=slug, status__in=[Check.Status.PUBLISHED, Check.Status.WITHDRAWN])
        .select_related("current_version")
        .defer("current_version__snapshot")
        .first()
    )


def public_snapshot(check: Check) -> dict[str, Any]:
    """The frozen snapshot of the check's current version."""
    return CheckVersion.objects.values_list("snapshot", flat=True).get(pk=check.current_version_id)


def error_reports_for_workspace(*, show: str = "open") -> QuerySet[ErrorReport]:
    """Readers' error reports, newest first; ``show`` is "open", "resolved" or "all"."""
    qs = ErrorReport.objects.select_related("check_page__article", "claim", "resolved_by")
    if show == "open":
        qs = qs.filter(resolved_at__isnull=True)
    elif show == "resolved":
        qs = qs.filter(resolved_at__isnull=False)
    return qs


def correction_text(note: str) -> str:
    """A stored correction note without a leading "Updated <date>: " (see ``wording.stored_note``)."""
    from claims.publishing.wording import stored_note

    return stored_note(note)


def snapshot_dates(snapshot: dict[str, Any]) -> dict[str, dt.datetime | None]:
    """The snapshot's ISO timestamps parsed back into datetimes for templates."""
    return {
        "first_published_at": parse_datetime(snapshot.get("first_published_at") or ""),
        "published_at": parse_datetime(snapshot.get("published_at") or ""),
    }


def _meter(scale: list[dict[str, Any]], value: int) -> list[dict[str, Any]]:
    """Segments of the rating meter, worst to best; only the claim's own step is coloured."""
    steps = sorted(scale, key=lambda s: s["value"])
    return [
        {"x": i * 22, "fill": s["colour"] if s["value"] == value else "#d0d7de", "current": s["value"] == value}
        for i, s in enumerate(steps)
    ]


def snapshot_page_context(snapshot: dict[str, Any]) -> dict[str, Any]:
    """What the public check template needs, derived from the snapshot alone (no queries)."""
    from claims.publishing import jsonld, wording

    claims = []
    for claim in snapshot["claims"]:
        same_as = claim.get("same_as")
        if same_as:
            # Schema 1 kept the earlier check's rating as its label; schema 2 keeps the rating's data.
            earlier = same_as.get("rating")
            label = wording.rating_in(earlier)["label"] if isinstance(earlier, dict) else earlier
            same_as = {**same_as, "rating": label}
        claims.append(
            {
                **claim,
                "rating": wording.rating_in(claim["rating"]),
                "same_as": same_as,
                # Snapshots published before study cards existed have no "study": nothing is shown.
                "evidence": [
                    {**ev, "card": studies.display(ev.get("study")), "stance_label": wording.stance_label(ev)}
                    for ev in claim.get("evidence", [])
                ],
                "approved_at_dt": parse_datetime(claim["approved_at"]) if claim.get("approved_at") else None,
                "meter": _meter(snapshot["scale"], claim["rating"]["value"]),
                "meter_width": 22 * len(snapshot["scale"]) - 4,
            }
        )
    corrections = [
        {**c, "at_dt": parse_datetime(c["at"]), "text": wording.correction_text(c)}
        for c in snapshot.get("corrections", [])
    ]
    article = dict(snapshot["article"])
    article["published_on_d"] = dt.date.fromisoformat(article["published_on"]) if article.get("published_on") else None
    tally: dict[str, dict[str, Any]] = {}
    for claim in claims:
        entry = tally.setdefault(claim["rating"]["label"], {**claim["rating"], "count": 0})
        entry["count"] += 1
    return {
        "snap": {**snapshot, "scale": [wording.rating_in(step) for step in snapshot["scale"]]},
        "claims": claims,
        # Drawn once as SVG symbols, then referenced by each claim (a few dozen bytes instead of hundreds).
        "meters": [{"value": s["value"], "segments": _meter(snapshot["scale"], s["value"])} for s in snapshot["scale"]],
        "meter_width": 22 * len(snapshot["scale"]) - 4,
        "article": article,
        "corrections": list(reversed(corrections)),
        "tally": sorted(tally.values(), key=lambda r: -r["value"]),
        "canonical_url": jsonld.public_check_url(snapshot["slug"]),
        "jsonld": jsonld.script_json(jsonld.claim_reviews(snapshot)),
        "organization_name": settings.ORGANIZATION_NAME,
        "organization_url": settings.ORGANIZATION_URL,
        **snapshot_dates(snapshot),
    }
