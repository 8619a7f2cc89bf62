"""Reads of the matching wing: the "Checked before?" card of the claim page."""

from __future__ import annotations

from typing import Any

from claims import hooks, permissions
from claims.matching.models import MatchRun, SimilarClaim
from claims.models import Claim, ClaimStatus, Evidence


def _earlier(claim_id: int | None) -> Claim | None:
    if claim_id is None:
        return None
    return (
        Claim.objects.select_related("article__check_page", "verdict__rating", "verdict__author")
        .defer("article__body")
        .filter(pk=claim_id)
        .first()
    )


def suggestions(claim: Claim) -> list[SimilarClaim]:
    """The earlier claims found for ``claim`` that are not dismissed: published checks first, then the
    claims still in progress, each best first."""
    rows = list(
        SimilarClaim.objects.filter(claim=claim)
        .exclude(decision=SimilarClaim.Decision.DISMISSED)
        .select_related("other__article__check_page", "other__verdict__rating")
        .defer("other__article__body")
        .order_by("-score", "id")
    )
    rows.sort(key=lambda r: (r.other.status != ClaimStatus.PUBLISHED, -r.score, r.pk))
    return rows


def claim_panel(claim: Claim, user: Any, **extra: Any) -> dict[str, Any]:
    """The context of ``matching/panel.html`` (for :data:`claims.hooks.claim_panels`), under ``checked``.

    Editors see the suggestions and decide; the assigned reviewer sees the earlier claim an editor
    marked as the same, with its verdict and evidence, and may start from them.
    """
    editor = permissions.is_editor(user)
    visible = editor or permissions.is_assignee(user, claim)
    run = MatchRun.objects.filter(claim=claim).first() if visible else None
    same = _earlier(claim.same_as_id) if visible else None
    same_verdict = getattr(same, "verdict", None) if same else None
    return {
        "checked": {
            "claim": claim,
            "visible": visible,
            "editor": editor,
            "run": run,
            "running": bool(run and run.status in (MatchRun.Status.PENDING, MatchRun.Status.RUNNING)),
            "suggestions": suggestions(claim) if editor else [],
            "same": same,
            "same_verdict": same_verdict,
            "same_evidence": list(Evidence.objects.filter(verdict=same_verdict).order_by("id")) if same_verdict else [],
            "can_reuse": bool(same_verdict and permissions.can_edit_verdict(user, claim)),
            "elsewhere": hooks.reviews_of(claim) if visible else [],
            **extra,
        }
    }
