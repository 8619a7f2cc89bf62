"""Celery tasks of the outbox: they take ids and call a service, nothing else."""

from __future__ import annotations

from celery import shared_task

from factcheck.outbox import services


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def outbox_send(email_id: int) -> None:
    """Send one email of the outbox (safe to run twice: a sent row is never sent again)."""
    services.email_deliver(email_id)


@shared_task(acks_late=True, ignore_result=True)
def outbox_sweep() -> int:
    """Beat: send what waits in the outbox, so a broker that was down or a lost message loses no email."""
    return services.outbox_sweep()
