"""Reads the claim page and the sources fragment share."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from claims import hooks, permissions, studies
from sources import registry
from sources.models import CandidateSource, SourceSearch

MAX_SHOWN = 20


def latest_searches(*, claim: Any) -> list[SourceSearch]:
    """The most recent search of each provider for the claim, in a fixed provider order."""
    rows = list(
        SourceSearch.objects.filter(claim=claim).order_by("provider", "-created_at", "-id").distinct("provider")
    )
    return sorted(rows, key=lambda s: registry.precedence(s.provider))


def confirmed_sources(*, claim: Any) -> QuerySet[CandidateSource]:
    """The sources an editor confirmed for the claim: what the reviewer may attach as evidence."""
    return CandidateSource.objects.filter(claim=claim, decision=CandidateSource.Decision.CONFIRMED).order_by(
        "rank", "-score", "id"
    )


def citable(claim: Any) -> list[CandidateSource]:
    """What the reviewer may cite: the claim's confirmed sources (for :data:`claims.hooks.citable_sources`)."""
    sources = list(confirmed_sources(claim=claim))
    for source in sources:
        source.card = studies.display(source.study)
    return sources


def citable_one(claim: Any, candidate_id: int) -> CandidateSource | None:
    """One confirmed source of the claim by id, or None if it is not confirmed (or not the claim's)."""
    return confirmed_sources(claim=claim).filter(pk=candidate_id).first()


REVIEWS_SHOWN = 5


def reviews_elsewhere(claim: Any) -> hooks.ReviewsElsewhere:
    """Other organisations' ClaimReviews of the claim that Google Fact Check Tools returned (for
    :data:`claims.hooks.reviews_elsewhere`). Not enabled without ``FACTCHECK_TOOLS_API_KEY``."""
    info = next((p for p in registry.providers() if not p.bibliographic), None)
    reviews = list(
        CandidateSource.objects.filter(claim=claim, kind=CandidateSource.Kind.FACT_CHECK)
        .exclude(decision=CandidateSource.Decision.DISPUTED)
        .order_by("-score", "-review_date", "id")[:REVIEWS_SHOWN]
    )
    return hooks.ReviewsElsewhere(
        source=info.label if info else "", enabled=bool(info and info.enabled), reviews=reviews
    )


def claim_panel(claim: Any, user: Any) -> dict[str, Any]:
    """The Sources card of the claim page (for :data:`claims.hooks.claim_panels`)."""
    return sources_panel(claim=claim, user=user)


def sources_panel(*, claim: Any, user: Any, error: str = "", notice: str = "") -> dict[str, Any]:
    """Everything ``sources/panel.html`` needs, under the key ``panel``. Two queries.

    Each candidate carries its study card in words (``card``) and the notes where the claim's
    wording, or its headline's, outruns the study (``notes``).
    """
    searches = latest_searches(claim=claim)
    candidates = list(
        CandidateSource.objects.filter(claim=claim).select_related("decided_by").order_by("rank", "-score", "id")
    )
    wording = [claim.text, claim.quote, claim.article.title]
    for candidate in candidates:
        candidate.found_by = ", ".join(registry.label(p) for p in candidate.providers)
        candidate.card = studies.display(candidate.study)
        candidate.notes = studies.overclaim_notes(wording, candidate.study)
    publications = [c for c in candidates if c.kind == CandidateSource.Kind.PUBLICATION]
    # Decided ones always stay in view, whatever their rank.
    shown = publications[:MAX_SHOWN] + [
        c for c in publications[MAX_SHOWN:] if c.decision != CandidateSource.Decision.SUGGESTED
    ]
    running = any(s.status in (SourceSearch.Status.PENDING, SourceSearch.Status.RUNNING) for s in searches)
    failed = [s for s in searches if s.status == SourceSearch.Status.FAILED]
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
            "failed": failed,
            # The search ran for at least one provider: only then can "nothing was found" be said.
            "searched": any(s.status == SourceSearch.Status.DONE for s in searches),
            "can_retry": permissions.is_editor(user) or permissions.is_assignee(user, claim),
            "confirm_reasons": [
                CandidateSource.Reason.CITED_SOURCE,
                CandidateSource.Reason.RELEVANT_EVIDENCE,
            ],
            "dispute_reasons": [CandidateSource.Reason.WRONG_PAPER, CandidateSource.Reason.DOES_NOT_SUPPORT],
            "error": error,
            "notice": notice,
        }
    }


def decision_months(claims: QuerySet[Any] | None, start: Any, end: Any) -> list[hooks.SourceDecisionMonth]:
    """Confirmed and disputed candidates of ``claims`` per month of the decision (for
    :data:`claims.hooks.source_decisions`, the dashboard). One query."""
    D = CandidateSource.Decision
    decided = CandidateSource.objects.filter(decided_at__gte=start, decided_at__lt=end).exclude(decision=D.SUGGESTED)
    if claims is not None:
        decided = decided.filter(claim__in=claims)
    rows = (
        decided.annotate(month=TruncMonth("decided_at"))
        .order_by()
        .values("month")
        .annotate(
            confirmed=Count("id", filter=Q(decision=D.CONFIRMED)), disputed=Count("id", filter=Q(decision=D.DISPUTED))
        )
    )
    return [
        hooks.SourceDecisionMonth(timezone.localtime(row["month"]).date(), row["confirmed"], row["disputed"])
        for row in rows
    ]
