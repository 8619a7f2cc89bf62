"""Celery tasks: they take ids and call a service, nothing else."""

from __future__ import annotations

from celery import shared_task

from claims.matching import services


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def match_run(claim_id: int) -> None:
    """Look for the newsroom's earlier claims that say what this one says (safe to run twice)."""
    services.match_run_execute(claim_id)


@shared_task(acks_late=True, ignore_result=True)
def match_runs_sweep() -> int:
    """Beat: send again the runs left pending or running (a lost message, a killed worker)."""
    return len(services.match_runs_sweep())
