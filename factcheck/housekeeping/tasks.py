"""Celery tasks for the project's own upkeep, run by beat (``CELERY_BEAT_SCHEDULE``)."""

from __future__ import annotations

from importlib import import_module

from celery import shared_task
from django.conf import settings


@shared_task(acks_late=True, ignore_result=True)
def sessions_clear() -> None:
    """Beat: delete expired sessions (what ``manage.py clearsessions`` does), so the table stays small."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
