"""Celery tasks: they take ids and call a service, nothing else."""

from __future__ import annotations

from celery import shared_task

from sources import evidence, services


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def search_run(search_id: int) -> None:
    """Run one provider's search for one claim (safe to run twice: the first run to take it wins)."""
    services.search_execute(search_id)


@shared_task(acks_late=True, ignore_result=True)
def searches_sweep() -> int:
    """Beat: re-enqueue searches stuck pending or running, so a lost message or a killed worker loses nothing."""
    return len(services.searches_sweep())


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def evidence_resolve(evidence_id: int) -> None:
    """Look up a DOI or PMID a reviewer typed as evidence and write its description (safe to run twice)."""
    evidence.evidence_resolve(evidence_id)


@shared_task(acks_late=True, ignore_result=True)
def evidence_sweep() -> int:
    """Beat: send again the look-ups of evidence still pending (a lost message loses nothing)."""
    return len(evidence.evidence_sweep())


@shared_task(acks_late=True, ignore_result=True)
def integrity_recheck() -> int:
    """Beat, daily: re-check whether confirmed sources have been retracted or corrected since."""
    return services.integrity_recheck()
