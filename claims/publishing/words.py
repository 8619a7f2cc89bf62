"""A snapshot's ratings in a language, from the words frozen with them (no query, the snapshot untouched)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language


def rating_in_language(rating: dict[str, Any], language: str | None = None) -> dict[str, Any]:
    """A snapshot's rating with its label and description in ``language`` (the active one by default),
    from the words frozen with it; snapshots from before they were frozen keep the label they have."""
    base = (language or get_language() or "").lower().split("-")[0]
    words = (rating.get("translations") or {}).get(base) or {}
    return {
        **rating,
        "label": words.get("label") or rating["label"],
        "description": words.get("description") or rating.get("description", ""),
    }


def snapshot_in_language(snapshot: dict[str, Any], language: str | None = None) -> dict[str, Any]:
    """The snapshot with every rating (claims' and scale's) in ``language``; the snapshot itself is untouched."""
    return {
        **snapshot,
        "claims": [{**c, "rating": rating_in_language(c["rating"], language)} for c in snapshot.get("claims", [])],
        "scale": [rating_in_language(s, language) for s in snapshot.get("scale", [])],
    }
