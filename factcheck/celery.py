"""The Celery application, configured from Django settings (``CELERY_*``)."""

import functools
import logging
import os
from pathlib import Path
from typing import Any

from celery import Celery, signals

logger = logging.getLogger(__name__)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@functools.cache
def broker_folders_ensure() -> None:
    """The filesystem broker (the embedded default) needs its folders before anyone sends or receives."""
    for option in ("data_folder_in", "data_folder_out", "control_folder", "processed_folder"):
        folder = app.conf.broker_transport_options.get(option)
        if folder and str(app.conf.broker_url or "").startswith("filesystem://"):
            Path(folder).mkdir(parents=True, exist_ok=True)


@signals.worker_init.connect
def _worker_init(**kwargs: Any) -> None:
    # A worker is a command that needs the database: start the embedded one if it is the one in use.
    from factcheck.embedded import ensure_running_if_wanted

    ensure_running_if_wanted()
    broker_folders_ensure()


def enqueue_on_commit(task_name: str, *args: Any) -> None:
    """Send the task named ``task_name`` after the current transaction commits; a broker that is down is
    logged, not raised.

    Tasks are named, not imported, so a service that enqueues a task never imports the module of tasks
    that calls it back (no import circle); each app's ``AppConfig.ready()`` imports its tasks module,
    so the name is known in every process. The write the user asked for is already committed when
    the message goes, so an error here must not turn it into an error page: the pending work stays
    in the database and a beat sweep sends it again.
    """
    from django.db import transaction

    task = app.tasks[task_name]  # an unknown name is a programming error: fail here, not after commit
    broker_folders_ensure()

    def send() -> None:
        try:
            # A short retry rides out a blip without holding the response for long.
            task.apply_async(args=args, retry=True, retry_policy={"max_retries": 2, "interval_start": 0.1})
        except Exception:
            logger.exception("Could not send %s%r to the broker", task_name, args)

    transaction.on_commit(send)
