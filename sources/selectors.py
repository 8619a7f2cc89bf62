"""Reads the claim page and the sources fragment share."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from claims import permissions
from sources.merge import PROVIDER_LABELS
from sources.models import CandidateSource, SourceSearch
from sources.providers import PRECEDENCE

ORDER = [*PRECEDENCE, "factcheck"]
MAX_SHOWN = 20


def latest_searches(*, claim: Any) -> list[SourceSearch]:
    """The most recent search of each provider for the claim, in a fixed provider order."""
    rows = list(
        SourceSearch.objects.filter(claim=claim).order_by("provider", "-created_at", "-id").distinct("provider")
    )
    return sorted(rows, key=lambda s: ORDER.index(s.provider) if s.provider in ORDER else len(ORDER))


def confirmed_sources(*, claim: Any) -> QuerySet[CandidateSource]:
    """The sources an editor confirmed for the claim: what the reviewer may attach as evidence."""
    return CandidateSource.objects.filter(claim=claim, decision=CandidateSource.Decision.CONFIRMED).order_by(
        "-score", "id"
    )


def sources_panel(*, claim: Any, user: Any, error: str = "", notice: str = "") -> dict[str, Any]:
    """Everything ``sources/panel.html`` needs, under the key ``panel``. Three queries."""
    searches = latest_searches(claim=claim)
    candidates = list(CandidateSource.objects.filter(claim=claim).select_related("decided_by").order_by("-score", "id"))
    for candidate in candidates:
        candidate.found_by = ", ".join(PROVIDER_LABELS.get(p, p) for p in candidate.providers)
    publications = [c for c in candidates if c.kind == CandidateSource.Kind.PUBLICATION]
    # Decided ones always stay in view, whatever their rank.
    shown = publications[:MAX_SHOWN] + [
        c for c in publications[MAX_SHOWN:] if c.decision != CandidateSource.Decision.SUGGESTED
    ]
    running = any(s.status in (SourceSearch.Status.PENDING, SourceSearch.Status.RUNNING) for s in searches)
    return {
        "panel": {
            "claim": claim,
            "claim_id": claim.pk,
            "searches": searches,
            "running": running,
            "publications": shown,
            "hidden_count": len(publications) - len(shown),
            "fact_checks": [c for c in candidates if c.kind == CandidateSource.Kind.FACT_CHECK],
            "can_decide": permissions.is_editor(user),
            "confirm_reasons": [
                CandidateSource.Reason.CITED_SOURCE,
                CandidateSource.Reason.RELEVANT_EVIDENCE,
            ],
            "dispute_reasons": [CandidateSource.Reason.WRONG_PAPER, CandidateSource.Reason.DOES_NOT_SUPPORT],
            "error": error,
            "notice": notice,
        }
    }
