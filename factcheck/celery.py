"""The Celery application, configured from Django settings (``CELERY_*``)."""

import logging
import os
from typing import Any

from celery import Celery

logger = logging.getLogger(__name__)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def enqueue_on_commit(task: Any, *args: Any) -> None:
    """Send ``task`` after the current transaction commits; a broker that is down is logged, not raised.

    The write the user asked for is already committed by then, so an error here must not turn it into
    an error page. Pending searches stay in the database and the beat sweep sends them again.
    """
    from django.db import transaction

    def send() -> None:
        try:
            # A short retry rides out a blip without holding the response for long.
            task.apply_async(args=args, retry=True, retry_policy={"max_retries": 2, "interval_start": 0.1})
        except Exception:
            logger.exception("Could not send %s%r to the broker", task.name, args)

    transaction.on_commit(send)
