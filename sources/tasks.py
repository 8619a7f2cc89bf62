"""Celery tasks: they take ids and call a service, nothing else."""

from celery import shared_task

from sources import services


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def search_run(search_id: int) -> None:
    """Run one provider's search for one claim (safe to run twice)."""
    services.search_execute(search_id)
