"""Celery tasks of the workspace: they take ids and call a service, nothing else."""

from smtplib import SMTPException

from celery import shared_task

from claims import services


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=True,
    autoretry_for=(OSError, SMTPException),
    retry_backoff=30,
    max_retries=5,
)
def assignment_email_send(claim_id: int, note: str = "") -> None:
    """Tell the reviewer a claim is theirs. Mail-server trouble retries here, never in the web request."""
    services.assignment_email_send(claim_id=claim_id, note=note)
