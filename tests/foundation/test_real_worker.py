"""A real Celery worker on the real broker (filesystem by default, Redis in CI) writes to the database."""

from __future__ import annotations

from typing import Any

import pytest

from sources.models import SourceSearch
from tests.factories import SourceSearchFactory
from tests.worker import celery_worker, wait_for


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_a_task_that_writes_to_the_database(settings: Any) -> None:
    from sources.tasks import search_run

    assert not settings.CELERY_TASK_ALWAYS_EAGER
    search = SourceSearchFactory(claim__article__title="Worker test")
    with celery_worker():
        search_run.delay(search.pk)
        finished = wait_for(
            lambda: SourceSearch.objects.get(pk=search.pk).status not in {"pending", "running"}, timeout=60
        )
    search.refresh_from_db()
    assert finished, f"the worker did not finish the search (status {search.status})"
    assert search.attempts == 1
    assert search.finished_at is not None
