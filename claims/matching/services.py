"""Writes of the matching wing: asking "checked before?", running the search, the editor's decisions."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from claims import permissions
from claims import services as claim_services
from claims.matching import finder, similarity
from claims.matching.models import MatchRun, SimilarClaim
from claims.models import Claim, ClaimEvent
from factcheck.celery import enqueue_on_commit
from factcheck.errors import ServiceError

A = ClaimEvent.Action
logger = logging.getLogger(__name__)

# Suggestions kept per claim: the confident ones, at most this many.
SHOWN = 3
MAX_RUNS = 3


@transaction.atomic
def match_run_request(*, claim: Claim, by: Any | None) -> MatchRun:
    """Record that ``claim`` needs a "checked before?" search and enqueue it after commit.

    Asking again while a search is waiting or running changes nothing (it will see the latest text).
    """
    run, created = MatchRun.objects.select_for_update().get_or_create(claim=claim, defaults={"requested_by": by})
    if not created and run.status in (MatchRun.Status.PENDING, MatchRun.Status.RUNNING):
        return run
    if not created:
        run.status = MatchRun.Status.PENDING
        run.requested_by = by
        run.requested_at = timezone.now()
        run.error = ""
        run.attempts = 0
        run.save(update_fields=["status", "requested_by", "requested_at", "error", "attempts"])
    enqueue_on_commit("claims.matching.tasks.match_run", claim.pk)
    return run


def claim_created(claim: Claim, *, by: Any | None, search_sources: bool | None) -> None:
    """Subscribed to :data:`claims.hooks.claim_created`: every new claim asks "checked before?"."""
    if settings.MATCHING_AUTO:
        match_run_request(claim=claim, by=by)


def match_request(*, claim_id: int, by: Any) -> MatchRun:
    """The "Look again" button."""
    permissions.ensure_editor(by, _("Only an editor can look for earlier checks of a claim."))
    claim = Claim.objects.filter(pk=claim_id).first()
    if claim is None:
        raise ServiceError(_("That claim no longer exists."))
    return match_run_request(claim=claim, by=by)


def _take(claim_id: int) -> int | None:
    """Take the pending run with a conditional UPDATE: only one worker runs it. Its attempt number, or None."""
    taken = MatchRun.objects.filter(claim_id=claim_id, status=MatchRun.Status.PENDING).update(
        status=MatchRun.Status.RUNNING, started_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not taken:
        return None
    return MatchRun.objects.values_list("attempts", flat=True).get(claim_id=claim_id)


def similar_to(claim: Claim, *, among: list[int] | None = None) -> list[finder.Candidate]:
    """Every candidate of the first pass for ``claim``, scored by the re-rank, best first (read only)."""
    candidates = finder.first_pass(claim_id=claim.pk, text=claim.text, among=among)
    ranked = similarity.rerank(claim.text, list(candidates))
    return [c for c in ranked if isinstance(c, finder.Candidate)]


def match_run_execute(claim_id: int) -> None:
    """Find the earlier claims that say what ``claim_id`` says and keep the confident ones.

    Safe to run twice or at once: only the run that took the row does the work, and only it may
    finish it. The editor's decisions (same, dismissed) are never undone by a new run.
    """
    attempt = _take(claim_id)
    if attempt is None:
        return
    claim = Claim.objects.filter(pk=claim_id).first()
    if claim is None:
        return
    try:
        ranked = similar_to(claim)
    except Exception:
        logger.exception("Checked-before search for claim %s failed", claim_id)
        MatchRun.objects.filter(claim_id=claim_id, status=MatchRun.Status.RUNNING, attempts=attempt).update(
            status=MatchRun.Status.FAILED,
            finished_at=timezone.now(),
            error=_("The search for earlier checks failed because of an error on our side."),
        )
        return
    _keep(claim_id, attempt, ranked)


@transaction.atomic
def _keep(claim_id: int, attempt: int, ranked: list[finder.Candidate]) -> None:
    run = MatchRun.objects.select_for_update().filter(claim_id=claim_id).first()
    if run is None or run.status != MatchRun.Status.RUNNING or run.attempts != attempt:
        return
    confident = [c for c in ranked if c.score >= similarity.CONFIDENT][:SHOWN]
    now = timezone.now()
    kept = set()
    for candidate in confident:
        row, created = SimilarClaim.objects.get_or_create(
            claim_id=claim_id,
            other_id=candidate.claim_id,
            defaults={"score": candidate.score, "features": candidate.features, "found_at": now},
        )
        if not created and (row.score, row.features) != (candidate.score, candidate.features):
            row.score, row.features = candidate.score, candidate.features
            row.save(update_fields=["score", "features"])
        kept.add(candidate.claim_id)
    # Suggestions that are no longer confident go; decided ones stay, whatever the new scores say.
    SimilarClaim.objects.filter(claim_id=claim_id, decision=SimilarClaim.Decision.SUGGESTED).exclude(
        other_id__in=kept
    ).delete()
    run.status = MatchRun.Status.DONE
    run.finished_at = now
    run.candidates = len(ranked)
    run.error = ""
    run.save(update_fields=["status", "finished_at", "candidates", "error"])


@transaction.atomic
def match_runs_sweep(*, stuck_after: float | None = None) -> list[int]:
    """Send again the runs left pending or running too long; give up after a few attempts."""
    seconds = settings.MATCHING_STUCK_SECONDS if stuck_after is None else stuck_after
    cutoff = timezone.now() - dt.timedelta(seconds=seconds)
    MatchRun.objects.filter(status=MatchRun.Status.RUNNING, started_at__lte=cutoff, attempts__gte=MAX_RUNS).update(
        status=MatchRun.Status.FAILED,
        finished_at=timezone.now(),
        error=_("Gave up after several tries: the search for earlier checks never finished."),
    )
    abandoned = list(
        MatchRun.objects.select_for_update(skip_locked=True)
        .filter(status=MatchRun.Status.RUNNING, started_at__lte=cutoff)
        .values_list("claim_id", flat=True)
    )
    MatchRun.objects.filter(claim_id__in=abandoned).update(status=MatchRun.Status.PENDING)
    waiting = MatchRun.objects.filter(status=MatchRun.Status.PENDING, requested_at__lte=cutoff)
    stuck = sorted({*abandoned, *waiting.values_list("claim_id", flat=True)})
    for claim_id in stuck:
        enqueue_on_commit("claims.matching.tasks.match_run", claim_id)
    return stuck


def _suggestion(similar_id: int, claim_id: int) -> SimilarClaim:
    row = SimilarClaim.objects.select_for_update().filter(pk=similar_id, claim_id=claim_id).first()
    if row is None:
        raise ServiceError(_("That suggestion is no longer there; the list may have been refreshed."))
    return row


@transaction.atomic
def match_mark_same(*, claim_id: int, similar_id: int, by: Any) -> SimilarClaim:
    """An editor says the suggested earlier claim is the same claim (audited on the claim's timeline)."""
    permissions.ensure_editor(by, _("Only an editor can say that two claims are the same."))
    row = _suggestion(similar_id, claim_id)
    claim_services.claim_same_as_set(claim_id=claim_id, earlier_id=row.other_id, by=by)
    # One earlier claim is "the same": another one marked before goes back to being a suggestion.
    SimilarClaim.objects.filter(claim_id=claim_id, decision=SimilarClaim.Decision.SAME).exclude(pk=row.pk).update(
        decision=SimilarClaim.Decision.SUGGESTED, decided_by=None, decided_at=None
    )
    row.decision = SimilarClaim.Decision.SAME
    row.decided_by = by
    row.decided_at = timezone.now()
    row.save(update_fields=["decision", "decided_by", "decided_at"])
    return row


@transaction.atomic
def match_dismiss(*, claim_id: int, similar_id: int, by: Any) -> SimilarClaim:
    """An editor says the suggested claim is not the same; it stays dismissed through later runs."""
    permissions.ensure_editor(by, _("Only an editor can dismiss a suggested earlier claim."))
    row = _suggestion(similar_id, claim_id)
    if row.decision == SimilarClaim.Decision.SAME:
        claim_services.claim_same_as_set(claim_id=claim_id, earlier_id=None, by=by)
    row.decision = SimilarClaim.Decision.DISMISSED
    row.decided_by = by
    row.decided_at = timezone.now()
    row.save(update_fields=["decision", "decided_by", "decided_at"])
    ClaimEvent.objects.create(
        claim_id=claim_id,
        actor=by,
        kind=ClaimEvent.Kind.EDIT,
        action=A.SIMILAR_DISMISSED,
        data={"other_claim_id": row.other_id, "score": round(row.score, 3)},
    )
    return row


@transaction.atomic
def match_undo_same(*, claim_id: int, by: Any) -> None:
    """An editor takes back "the same claim": the earlier claim is a suggestion again (audited)."""
    claim_services.claim_same_as_set(claim_id=claim_id, earlier_id=None, by=by)
    SimilarClaim.objects.filter(claim_id=claim_id, decision=SimilarClaim.Decision.SAME).update(
        decision=SimilarClaim.Decision.SUGGESTED, decided_by=None, decided_at=None
    )
